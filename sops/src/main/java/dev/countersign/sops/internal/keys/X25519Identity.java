package dev.countersign.sops.internal.keys;

import com.exceptionfactory.jagged.bech32.Bech32;
import com.exceptionfactory.jagged.bech32.Bech32Address;
import dev.countersign.sops.MalformedKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.jspecify.annotations.Nullable;

/**
 * An age X25519 identity: a 32-byte secret scalar and the {@code age1…} recipient derived from it.
 * Immutable and thread-safe; {@link #toString()} never shows the secret.
 */
public final class X25519Identity {
    static final String SECRET_PREFIX = "AGE-SECRET-KEY-";
    static final String RECIPIENT_PREFIX = "age";
    private static final int KEY_SIZE = 32;

    private final byte[] secret;
    private final String recipient;

    private X25519Identity(byte[] secret) {
        this.secret = secret;
        byte[] point = new byte[KEY_SIZE];
        X25519.scalarMultBase(secret, 0, point, 0);
        this.recipient = Bech32.getEncoder().encode(RECIPIENT_PREFIX, point).toString();
    }

    /**
     * Generates a new identity.
     *
     * @param random the source of the secret scalar
     * @return the identity
     */
    public static X25519Identity generate(SecureRandom random) {
        byte[] secret = new byte[KEY_SIZE];
        random.nextBytes(secret);
        return new X25519Identity(secret);
    }

    /**
     * Parses an {@code AGE-SECRET-KEY-1…} string.
     *
     * @param encoded the encoded identity
     * @param origin where the text came from, for messages (a file and line, an variable name)
     * @return the identity
     * @throws MalformedKeyException when the text is not an X25519 age identity; the message names
     *     the origin, never the text
     */
    public static X25519Identity parse(String encoded, String origin) {
        if (!encoded.startsWith(SECRET_PREFIX + "1")) {
            throw new MalformedKeyException("invalid age identity at " + origin
                    + ": only X25519 identities (AGE-SECRET-KEY-1...) are supported");
        }
        byte[] data = decode(encoded, SECRET_PREFIX, origin);
        return new X25519Identity(data);
    }

    /**
     * Checks an {@code age1…} X25519 recipient.
     *
     * @param recipient the recipient string
     * @return the recipient, trimmed
     * @throws MalformedKeyException when it is not a bech32 X25519 age recipient
     */
    public static String checkRecipient(String recipient) {
        String trimmed = recipient.strip();
        if (!trimmed.startsWith(RECIPIENT_PREFIX + "1") || trimmed.startsWith("age1pq1")) {
            throw new MalformedKeyException(
                    "unsupported age recipient '" + trimmed + "': only X25519 recipients (age1...) are supported");
        }
        Arrays.fill(decode(trimmed, RECIPIENT_PREFIX, "recipient '" + trimmed + "'"), (byte) 0);
        return trimmed;
    }

    private static byte[] decode(String encoded, String prefix, String origin) {
        Bech32Address address;
        try {
            address = Bech32.getDecoder().decode(encoded);
        } catch (RuntimeException e) {
            throw new MalformedKeyException("invalid age key at " + origin + ": bad bech32 encoding");
        }
        byte[] data = address.getData();
        String hrp = address.getHumanReadablePart().toString();
        if (!hrp.equalsIgnoreCase(prefix) || data.length != KEY_SIZE) {
            Arrays.fill(data, (byte) 0);
            throw new MalformedKeyException(
                    "invalid age key at " + origin + ": expected a 32-byte '" + prefix + "' bech32 key");
        }
        return data;
    }

    /**
     * Returns the public recipient of this identity.
     *
     * @return the {@code age1…} recipient
     */
    public String recipient() {
        return recipient;
    }

    /**
     * Returns the secret as an {@code AGE-SECRET-KEY-1…} string. Callers must not log it.
     *
     * @return the encoded secret
     */
    public String encodedSecret() {
        return Bech32.getEncoder()
                .encode(SECRET_PREFIX.toLowerCase(Locale.ROOT), secret)
                .toString()
                .toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof X25519Identity that && that.recipient.equals(recipient);
    }

    @Override
    public int hashCode() {
        return recipient.hashCode();
    }

    @Override
    public String toString() {
        return "X25519Identity[recipient=" + recipient + ", secret=<redacted>]";
    }
}
