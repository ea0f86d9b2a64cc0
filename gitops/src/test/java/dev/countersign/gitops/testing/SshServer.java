package dev.countersign.gitops.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A real OpenSSH server ({@code sshd -D -e}) on 127.0.0.1, started on a free port with its own host key and
 * configuration in a temporary folder, accepting only the public keys in its own {@code authorized_keys}
 * (public-key authentication only, no PAM), for the user running the test (root included:
 * {@code PermitRootLogin prohibit-password}). Git over ssh runs {@code git-upload-pack} and
 * {@code git-receive-pack} on the server's repositories by their absolute paths. Stopped by {@link #close()}.
 *
 * <p>sshd started by root needs its privilege separation directory {@code /run/sshd}, which Debian's
 * service script creates; when it is missing and the test runs as root, it is created here the same way.
 */
public final class SshServer implements AutoCloseable {
    private static final Path PRIVSEP = Path.of("/run/sshd");

    private final Process process;
    private final Path folder;
    private final int port;

    private SshServer(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** Starts sshd with its configuration, host key and logs in {@code folder}. */
    public static SshServer start(Path folder) throws IOException, InterruptedException {
        Path sshd = RequiredTools.require("sshd");
        Files.createDirectories(folder);
        Path hostKey = keyPair(folder, "ssh_host_ed25519_key");
        Files.writeString(folder.resolve("authorized_keys"), "");
        ensurePrivilegeSeparationDirectory();
        int port = freePort();
        Path config = Files.writeString(folder.resolve("sshd_config"), config(folder, hostKey, port));
        Process process = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("sshd.log").toFile())
                .start();
        SshServer server = new SshServer(process, folder, port);
        server.awaitListening();
        return server;
    }

    /** Generates an unencrypted ed25519 key pair with {@code ssh-keygen}, returning the private key file. */
    public static Path keyPair(Path folder, String name) throws IOException, InterruptedException {
        return keyPair(folder, name, "");
    }

    /** Generates an ed25519 key pair encrypted with a passphrase ({@code ssh-keygen -N}), returning its file. */
    public static Path keyPair(Path folder, String name, String passphrase) throws IOException, InterruptedException {
        Path key = folder.resolve(name);
        Processes.Result result = Processes.run(
                folder,
                RequiredTools.require("ssh-keygen").toString(),
                "-q",
                "-t",
                "ed25519",
                "-N",
                passphrase,
                "-C",
                name,
                "-f",
                key.toString());
        if (result.code() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + result.err());
        }
        return key;
    }

    /** Lets the holder of a key pair (its private key file) log in. */
    public void authorize(Path privateKey) throws IOException {
        Files.writeString(
                folder.resolve("authorized_keys"),
                Files.readString(publicKey(privateKey)),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Writes a {@code known_hosts} file listing this server's host key under its address and port. */
    public Path knownHosts(Path file) throws IOException {
        return knownHosts(file, folder.resolve("ssh_host_ed25519_key"));
    }

    /** Writes a {@code known_hosts} file listing another host key under this server's address and port. */
    public Path knownHosts(Path file, Path hostKey) throws IOException {
        String[] fields = Files.readString(publicKey(hostKey)).trim().split(" ");
        return Files.writeString(file, "[127.0.0.1]:" + port + " " + fields[0] + " " + fields[1] + "\n");
    }

    /** The URL of a repository on this server, by its absolute path, for the user running the test. */
    public String url(Path repository) {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port + repository.toAbsolutePath();
    }

    private static Path publicKey(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    private static String config(Path folder, Path hostKey, int port) {
        return String.join(
                "\n",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + hostKey,
                "PidFile " + folder.resolve("sshd.pid"),
                "AuthorizedKeysFile " + folder.resolve("authorized_keys"),
                "AuthenticationMethods publickey",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "PrintMotd no",
                "LogLevel VERBOSE",
                // bash run by sshd reads ~/.bashrc unless nested; a slow one (pyenv) cost seconds per connection
                "SetEnv SHLVL=1",
                "");
    }

    private static void ensurePrivilegeSeparationDirectory() throws IOException {
        if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(PRIVSEP)) {
            Files.createDirectories(PRIVSEP);
        }
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
                    throw new IOException(
                            "sshd did not start listening on port " + port + ": "
                                    + Files.readString(folder.resolve("sshd.log")),
                            e);
                }
                LockSupport.parkNanos(20_000_000L);
            }
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
