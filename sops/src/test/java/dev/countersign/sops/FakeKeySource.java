package dev.countersign.sops;

import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test key source: wraps by XOR with SHA-256 of the recipient, and unwraps only for the recipients
 * it holds an "identity" for. Lets the format be tested before real age keys exist.
 */
public final class FakeKeySource implements KeySource {
    private final String type;
    private final Set<String> identities;

    public FakeKeySource(String type, Set<String> identities) {
        this.type = type;
        this.identities = Set.copyOf(identities);
    }

    public static FakeKeySource age(String... identities) {
        return new FakeKeySource("age", Set.of(identities));
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public KeyEntry wrap(byte[] dataKey, String recipient) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("recipient", recipient);
        fields.put("enc", Base64.getEncoder().encodeToString(xor(dataKey, recipient)) + "\n");
        return new KeyEntry(type, fields);
    }

    @Override
    public Optional<byte[]> unwrap(KeyEntry entry) {
        String recipient = entry.field("recipient").orElse("");
        if (!identities.contains(recipient)) {
            return Optional.empty();
        }
        byte[] wrapped =
                Base64.getDecoder().decode(entry.field("enc").orElseThrow().strip());
        return Optional.of(xor(wrapped, recipient));
    }

    private static byte[] xor(byte[] bytes, String recipient) {
        byte[] pad = sha256(recipient);
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) (bytes[i] ^ pad[i % pad.length]);
        }
        return out;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
