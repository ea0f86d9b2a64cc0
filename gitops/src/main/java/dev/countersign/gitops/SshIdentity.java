package dev.countersign.gitops;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SSH identity a repository in remote mode presents to an {@code ssh://} Git server: the file of an
 * unencrypted private key in OpenSSH or PEM format, and the {@code known_hosts} file listing the server's
 * host key. The host supplies both (for example as files of a secret mount); Countersign reads nothing from
 * {@code ~/.ssh}, uses no SSH agent and no SSH config, and connects only to servers whose host key the
 * {@code known_hosts} file lists: an unknown or changed host key is refused, never trusted on first use.
 *
 * <p>Holds paths only, never key material; immutable and thread-safe.
 */
public final class SshIdentity {
    private final Path privateKey;
    private final Path knownHosts;

    private SshIdentity(Path privateKey, Path knownHosts) {
        this.privateKey = privateKey;
        this.knownHosts = knownHosts;
    }

    /**
     * Creates an identity from a private key file and a {@code known_hosts} file.
     *
     * @param privateKey the private key file (unencrypted; keep it readable by the host's user only)
     * @param knownHosts the {@code known_hosts} file, in OpenSSH format, listing the server's host key
     * @return the identity
     * @throws IllegalArgumentException if either file is not a readable regular file
     */
    public static SshIdentity of(Path privateKey, Path knownHosts) {
        return new SshIdentity(readable("SSH private key", privateKey), readable("known_hosts", knownHosts));
    }

    private static Path readable(String what, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(
                    "invalid " + what + " file " + file + ": must be a readable regular file");
        }
        return file.toAbsolutePath();
    }

    /**
     * Returns the private key file.
     *
     * @return the absolute path of the private key file
     */
    public Path privateKey() {
        return privateKey;
    }

    /**
     * Returns the {@code known_hosts} file.
     *
     * @return the absolute path of the {@code known_hosts} file
     */
    public Path knownHosts() {
        return knownHosts;
    }

    /**
     * Shows both paths (never the key itself).
     *
     * @return {@code SshIdentity[privateKey=PATH, knownHosts=PATH]}
     */
    @Override
    public String toString() {
        return "SshIdentity[privateKey=" + privateKey + ", knownHosts=" + knownHosts + "]";
    }
}
