package dev.countersign.signatures.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The SSH identity a repository in remote mode presents to an {@code ssh://} Git server: the file of a
 * private key in OpenSSH or PEM format (with its passphrase if it is encrypted), and the {@code known_hosts}
 * file listing the server's host key. The host supplies both (for example as files of a secret mount); Countersign reads nothing from
 * {@code ~/.ssh}, uses no SSH agent and no SSH config, and connects only to servers whose host key the
 * {@code known_hosts} file lists: an unknown or changed host key is refused, never trusted on first use.
 *
 * <p>Holds paths and, for an encrypted key, a copy of its passphrase (never shown by {@link #toString()}),
 * never key material. The passphrase is given to the key's decryption only, once per connection and never
 * interactively: a wrong or missing passphrase fails the action (the repository reports
 * a remote authentication failure) at once, with no retry. Immutable and thread-safe.
 */
public final class SshIdentity {
    private static final char[] NONE = new char[0];

    private final Path privateKey;
    private final Path knownHosts;
    private final char[] passphrase;

    private SshIdentity(Path privateKey, Path knownHosts, char[] passphrase) {
        this.privateKey = privateKey;
        this.knownHosts = knownHosts;
        this.passphrase = passphrase;
    }

    /**
     * Creates an identity from a private key file and a {@code known_hosts} file.
     *
     * @param privateKey the private key file, unencrypted (see {@link #withPassphrase(char[])} for an encrypted
     *     one); keep it readable by the host's user only
     * @param knownHosts the {@code known_hosts} file, in OpenSSH format, listing the server's host key
     * @return the identity
     * @throws IllegalArgumentException if either file is not a readable regular file
     */
    public static SshIdentity of(Path privateKey, Path knownHosts) {
        return new SshIdentity(readable("SSH private key", privateKey), readable("known_hosts", knownHosts), NONE);
    }

    /**
     * Returns this identity with the passphrase that decrypts its private key. The characters are copied, so
     * the caller can clear its array as soon as this returns.
     *
     * @param passphrase the passphrase, not empty
     * @return a new identity with the same files and the passphrase
     * @throws IllegalArgumentException if the passphrase is empty
     */
    public SshIdentity withPassphrase(char[] passphrase) {
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("invalid passphrase for SSH private key " + privateKey
                    + ": must not be empty (an unencrypted key needs no passphrase)");
        }
        return new SshIdentity(privateKey, knownHosts, passphrase.clone());
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
     * Tells whether a passphrase was given for the private key.
     *
     * @return true if {@link #withPassphrase(char[])} made this identity
     */
    public boolean hasPassphrase() {
        return passphrase.length > 0;
    }

    /**
     * Returns a copy of the private key's passphrase. Handle it as a secret and clear the copy after use.
     *
     * @return a fresh copy of the passphrase, empty if none was given
     */
    public char[] passphrase() {
        return Arrays.copyOf(passphrase, passphrase.length);
    }

    /**
     * Shows both paths and whether a passphrase was given (never the passphrase or the key itself).
     *
     * @return {@code SshIdentity[privateKey=PATH, knownHosts=PATH]}, with {@code , passphrase=***} if one was given
     */
    @Override
    public String toString() {
        return "SshIdentity[privateKey=" + privateKey + ", knownHosts=" + knownHosts
                + (hasPassphrase() ? ", passphrase=***" : "") + "]";
    }
}
