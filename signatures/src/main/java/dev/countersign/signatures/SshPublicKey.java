package dev.countersign.signatures;

import dev.countersign.limits.InputLimits;
import dev.countersign.signatures.ssh.Names;
import dev.countersign.signatures.ssh.VerifyingKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * An OpenSSH public key, as written in {@code authorized_keys} and {@code .pub} files: {@code ssh-ed25519},
 * {@code ecdsa-sha2-nistp256/384/521}, {@code ssh-rsa} (2048 bits or more) and the FIDO security key kinds
 * {@code sk-ssh-ed25519@openssh.com} and {@code sk-ecdsa-sha2-nistp256@openssh.com}. Immutable and
 * thread-safe; two keys are equal when their key blobs are, whatever their comments.
 */
public final class SshPublicKey {
    private static final int MAX_CHARS = InputLimits.PUBLIC_KEY_CHARS;

    private final String type;
    private final byte[] blob;
    private final String comment;

    private SshPublicKey(String type, byte[] blob, String comment) {
        this.type = type;
        this.blob = blob;
        this.comment = comment;
    }

    /**
     * Parses a public key line: {@code type base64 [comment]}.
     *
     * @param line the line, surrounding whitespace allowed
     * @return the key
     * @throws SignatureFormatException when the line is not a well-formed public key
     * @throws UnsupportedKeyTypeException when the key type is not supported
     */
    public static SshPublicKey parse(String line) {
        if (line.length() > MAX_CHARS) {
            throw new SignatureFormatException("SSH public key line is longer than " + MAX_CHARS + " characters");
        }
        String[] parts = line.strip().split("[ \t]+", 3);
        if (parts.length < 2) {
            throw new SignatureFormatException("SSH public key line must read 'type base64 [comment]'");
        }
        byte[] blob = decodeBase64(parts[1]);
        SshPublicKey key = fromBlob(blob, parts.length == 3 ? parts[2] : "");
        if (!key.type.equals(parts[0])) {
            throw new SignatureFormatException(
                    "SSH public key line says type '" + Names.bounded(parts[0]) + "' but its key is " + key.type);
        }
        return key;
    }

    static SshPublicKey fromBlob(byte[] blob, String comment) {
        VerifyingKey key = VerifyingKey.decode(blob);
        return new SshPublicKey(key.type(), blob.clone(), comment);
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SignatureFormatException("SSH public key is not valid base64");
        }
    }

    /**
     * The key type, such as {@code ssh-ed25519} or {@code sk-ssh-ed25519@openssh.com}.
     *
     * @return the key type
     */
    public String type() {
        return type;
    }

    /**
     * The comment of the line the key was parsed from, empty when there was none.
     *
     * @return the comment
     */
    public String comment() {
        return comment;
    }

    /**
     * The fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:} and the unpadded base64 of the
     * SHA-256 of the key blob.
     *
     * @return the fingerprint
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The key as one line {@code type base64}, without the comment: what an allowed-signers file holds.
     *
     * @return the line
     */
    public String toOpenSsh() {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    byte[] blob() {
        return blob.clone();
    }

    boolean hasBlob(byte[] other) {
        return MessageDigest.isEqual(blob, other);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SshPublicKey that && Arrays.equals(blob, that.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    /** Returns the type and fingerprint, such as {@code ssh-ed25519 SHA256:...}. */
    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
