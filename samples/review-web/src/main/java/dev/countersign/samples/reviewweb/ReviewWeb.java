package dev.countersign.samples.reviewweb;

import com.sun.net.httpserver.HttpServer;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.GitOpsRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The review page: a small web application, on the JDK's HTTP server bound to 127.0.0.1, over a
 * Countersign GitOps repository. It lists the proposals by state and shows each with its diff, its deploy
 * picture with waves, the blast radius, the variables with their provenance, the secrets' status and the
 * policy's decisions; a human can approve or reject it, an agent sees no button and is refused if it
 * posts anyway.
 *
 * <p>Sign-in is a sample form offering the principals the policy names; a real host uses its own
 * authentication. Closing stops the server; the repository stays the caller's to close.
 */
public final class ReviewWeb implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private ReviewWeb(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the page on 127.0.0.1.
     *
     * @param repository the initialized repository to review
     * @param port the port, or 0 for any free one
     * @return the running page; close it to stop
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static ReviewWeb start(GitOpsRepository repository, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", new Routes(repository, new Sessions(new SecureRandom())));
        server.start();
        return new ReviewWeb(server, executor);
    }

    /**
     * Returns the page's address.
     *
     * @return for example {@code http://127.0.0.1:8080/}
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Runs the page until the process is stopped: {@code --repo DIR [--port N]} (port 8080 by default).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("review-web: " + e.getMessage());
            System.err.println("usage: java -jar review-web.jar --repo DIR [--port N]");
            System.exit(2);
            return;
        }
        GitOpsRepository repository = GitOpsRepository.open(options.repo());
        try {
            repository.policy();
        } catch (GitOpsException e) {
            System.err.println("review-web: " + e.getMessage());
            repository.close();
            System.exit(2);
            return;
        }
        ReviewWeb web = start(repository, options.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            repository.close();
        }));
        System.out.println("review page for " + options.repo() + " at " + web.uri());
    }

    /** The command line: the repository directory and the port. */
    record Options(Path repo, int port) {
        static Options parse(String[] args) {
            Path repo = null;
            int port = 8080;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--repo" -> repo = Path.of(args[i + 1]);
                    case "--port" -> port = port(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (repo == null || !Files.isDirectory(repo)) {
                throw new IllegalArgumentException("--repo must name the directory of a Countersign repository");
            }
            return new Options(repo, port);
        }

        private static int port(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("invalid port " + text + ": must be 0..65535");
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid port '" + text + "': must be a number", e);
            }
        }
    }
}
