package dev.countersign.sops;

import dev.countersign.sops.internal.keys.X25519Identity;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * An age X25519 identity (private key), written {@code AGE-SECRET-KEY-1…}, with the {@code age1…}
 * recipient derived from it. Immutable and thread-safe; {@link #toString()} shows the recipient
 * only, and two identities are equal when they are the same key.
 */
public final class AgeIdentity {
    private final X25519Identity key;

    private AgeIdentity(X25519Identity key) {
        this.key = key;
    }

    /**
     * Parses an {@code AGE-SECRET-KEY-1…} identity.
     *
     * @param encoded the identity as {@code age-keygen} writes it
     * @return the identity
     * @throws MalformedKeyException when the text is not an X25519 age identity; the message never
     *     contains the text
     */
    public static AgeIdentity parse(String encoded) {
        return new AgeIdentity(X25519Identity.parse(encoded.strip(), "the given identity"));
    }

    /**
     * Generates a new identity, as {@code age-keygen} does.
     *
     * @param random the source of the private key
     * @return the identity
     */
    public static AgeIdentity generate(SecureRandom random) {
        return new AgeIdentity(X25519Identity.generate(random));
    }

    static AgeIdentity of(X25519Identity key) {
        return new AgeIdentity(key);
    }

    X25519Identity key() {
        return key;
    }

    /**
     * Returns the public recipient that data keys are wrapped to for this identity.
     *
     * @return the {@code age1…} recipient
     */
    public String recipient() {
        return key.recipient();
    }

    /**
     * Reveals the private key in the {@code AGE-SECRET-KEY-1…} form, for writing a keys file. This
     * is the only method that exposes it; never log the result.
     *
     * @return the encoded private key
     */
    public String revealSecretKey() {
        return key.encodedSecret();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof AgeIdentity that && that.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "AgeIdentity[recipient=" + key.recipient() + ", secret=<redacted>]";
    }
}
