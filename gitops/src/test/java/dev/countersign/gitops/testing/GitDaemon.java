package dev.countersign.gitops.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real {@code git daemon} on 127.0.0.1 serving the bare repositories under one folder, with pushes
 * enabled; started on a free port and stopped by {@link #close()}.
 */
public final class GitDaemon implements AutoCloseable {
    private final Process process;
    private final int port;

    private GitDaemon(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static GitDaemon serve(Path base) throws IOException {
        int port = freePort();
        Process process = new ProcessBuilder(List.of(
                        "git",
                        "daemon",
                        "--reuseaddr",
                        "--base-path=" + base,
                        "--export-all",
                        "--enable=receive-pack",
                        "--listen=127.0.0.1",
                        "--port=" + port,
                        base.toString()))
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("daemon.log").toFile())
                .start();
        GitDaemon daemon = new GitDaemon(process, port);
        daemon.awaitListening();
        return daemon;
    }

    /** Creates a bare repository for the daemon to serve, with {@code main} as its default branch. */
    public static String createRepository(Path base, String name) throws IOException, InterruptedException {
        Process init = new ProcessBuilder(
                        "git",
                        "init",
                        "--quiet",
                        "--bare",
                        "--initial-branch=main",
                        base.resolve(name).toString())
                .inheritIO()
                .start();
        if (init.waitFor() != 0) {
            throw new IllegalStateException("git init --bare failed");
        }
        return name;
    }

    public String url(String repository) {
        return "git://127.0.0.1:" + port + "/" + repository;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    close();
                    throw new IOException("git daemon did not start listening on port " + port, e);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
