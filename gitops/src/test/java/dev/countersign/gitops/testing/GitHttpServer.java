package dev.countersign.gitops.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A real Git smart-HTTP server on 127.0.0.1: the JDK's HTTP server in front of the {@code git http-backend}
 * CGI, run once per request, serving the bare repositories under one folder with pushes enabled. Every
 * request must carry HTTP Basic credentials equal to the ones given; others get 401 with a
 * {@code WWW-Authenticate} challenge, as from GitHub or GitLab. Over http, or over https with the server
 * certificate of a given {@link SSLContext}.
 */
public final class GitHttpServer implements AutoCloseable {
    private static final String CONTEXT = "/git";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ExecutorService pumps = Executors.newCachedThreadPool();
    private final Path base;
    private final Path gitBinary;
    private final String expectedAuthorization;
    private final Path log;

    private GitHttpServer(HttpServer server, ExecutorService executor, Path base, String user, String password) {
        this.server = server;
        this.executor = executor;
        this.base = base;
        this.gitBinary = RequiredTools.require("git");
        this.expectedAuthorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.log = base.resolve("http-backend.log");
    }

    /** Serves the bare repositories under {@code base} to clients presenting {@code user} and {@code password}. */
    public static GitHttpServer serve(Path base, String user, String password) throws IOException {
        return start(
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), base, user, password);
    }

    /** Serves them over https, presenting the server certificate of {@code tls}. */
    public static GitHttpServer serveTls(Path base, String user, String password, SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return start(server, base, user, password);
    }

    private static GitHttpServer start(HttpServer server, Path base, String user, String password) {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        GitHttpServer git = new GitHttpServer(server, executor, base, user, password);
        server.createContext(CONTEXT, git::handle);
        server.setExecutor(executor);
        server.start();
        return git;
    }

    /** Creates a bare repository to serve, with {@code main} as its default branch and pushes enabled. */
    public static String createRepository(Path base, String name) throws IOException, InterruptedException {
        String created = GitDaemon.createRepository(base, name);
        Processes.Result config = Processes.run(base.resolve(name), "git", "config", "http.receivepack", "true");
        if (config.code() != 0) {
            throw new IllegalStateException("git config http.receivepack failed: " + config.err());
        }
        return created;
    }

    public String url(String repository) {
        return url("127.0.0.1", repository);
    }

    /** The URL of a repository with the server named by {@code host} (an address or a name resolving to it). */
    public String url(String host, String repository) {
        return (server instanceof HttpsServer ? "https" : "http") + "://" + host + ":"
                + server.getAddress().getPort() + CONTEXT + "/" + repository;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"countersign-test\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            respond(exchange, runBackend(exchange, body));
        } finally {
            java.nio.file.Files.writeString(
                    log,
                    exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getResponseCode()
                            + " " + (System.nanoTime() - started) / 1_000_000 + " ms\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private byte[] runBackend(HttpExchange exchange, byte[] body) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(gitBinary.toString(), "http-backend")
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        cgiEnvironment(exchange, body.length, builder.environment());
        Process process = builder.start();
        CompletableFuture<Void> input = CompletableFuture.runAsync(() -> write(process, body), pumps);
        byte[] output = process.getInputStream().readAllBytes();
        input.join();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while git http-backend ran", e);
        }
        return output;
    }

    private void cgiEnvironment(HttpExchange exchange, int contentLength, Map<String, String> env) {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        env.put("GIT_PROJECT_ROOT", base.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("PATH_INFO", path.substring(CONTEXT.length()));
        env.put("QUERY_STRING", query == null ? "" : query);
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("CONTENT_LENGTH", Integer.toString(contentLength));
        env.put("REMOTE_USER", "countersign-test");
        env.put("REMOTE_ADDR", exchange.getRemoteAddress().getAddress().getHostAddress());
        header(exchange, "Content-Type").ifPresent(v -> env.put("CONTENT_TYPE", v));
        header(exchange, "Content-Encoding").ifPresent(v -> env.put("HTTP_CONTENT_ENCODING", v));
        header(exchange, "Git-Protocol").ifPresent(v -> env.put("GIT_PROTOCOL", v));
    }

    private static java.util.Optional<String> header(HttpExchange exchange, String name) {
        return java.util.Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    private static void write(Process process, byte[] body) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the CGI response: its header lines (a {@code Status:} line sets the code), a blank line, the body. */
    private static void respond(HttpExchange exchange, byte[] cgi) throws IOException {
        InputStream in = new java.io.ByteArrayInputStream(cgi);
        int status = 200;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ", 2)[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        byte[] body = in.readAllBytes();
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        pumps.shutdownNow();
    }
}
