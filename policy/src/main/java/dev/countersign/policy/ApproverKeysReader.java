package dev.countersign.policy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code spec.approverKeys}: canonical human principal to a non-empty list of public keys, each key
 * registered for one principal only (one key approving as two people would defeat a two-person rule).
 */
final class ApproverKeysReader {
    private static final int MAX_KEY_CHARS = 64 * 1024;
    private static final Set<String> SSH_TYPES = Set.of(
            "ssh-ed25519",
            "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521",
            "ssh-rsa",
            "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");
    private static final Set<String> RSA_ALGORITHMS = Set.of("rsa-sha2-256", "rsa-sha2-512");
    private static final String PGP_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String PGP_END = "-----END PGP PUBLIC KEY BLOCK-----";

    private final PrincipalSpellings spellings;
    private final Map<String, String> owners = new HashMap<>();

    ApproverKeysReader(PrincipalSpellings spellings) {
        this.spellings = spellings;
    }

    Map<String, List<ApproverKey>> read(@Nullable Field field) {
        Map<String, List<ApproverKey>> keys = new LinkedHashMap<>();
        if (field != null) {
            field.entries().forEach((name, list) -> {
                String principal = principal(list, name);
                List<ApproverKey> parsed =
                        list.items().stream().map(item -> key(item, principal)).toList();
                if (parsed.isEmpty()) {
                    throw new InvalidApproverKeyException(list.path(), principal, "lists no key");
                }
                keys.put(principal, parsed);
            });
        }
        return keys;
    }

    private String principal(Field field, String text) {
        Principal principal;
        try {
            principal = Principal.parse(text);
        } catch (InvalidPrincipalException e) {
            throw field.invalid(String.valueOf(e.getMessage()));
        }
        if (principal.kind() != Principal.Kind.HUMAN) {
            throw new InvalidApproverKeyException(
                    field.path(), principal.name(), "only humans approve, so only humans have approver keys");
        }
        return spellings.add(field, text, principal.name());
    }

    private ApproverKey key(Field item, String principal) {
        String text = item.text().strip();
        if (text.length() > MAX_KEY_CHARS) {
            throw new InvalidApproverKeyException(
                    item.path(), principal, "longer than " + MAX_KEY_CHARS + " characters");
        }
        ApproverKey key = text.startsWith("-----") ? openPgp(item, principal, text) : openSsh(item, principal, text);
        String identity =
                key.format() == ApproverKey.Format.OPENSSH ? key.text().split(" ", 3)[1] : key.text();
        String owner = owners.putIfAbsent(identity, principal);
        if (owner != null) {
            throw new InvalidApproverKeyException(
                    item.path(),
                    principal,
                    owner.equals(principal)
                            ? "the same key is listed twice"
                            : "the same key is registered for " + owner + ": one key approves as one person");
        }
        return key;
    }

    private static ApproverKey openPgp(Field item, String principal, String text) {
        if (text.contains("PRIVATE KEY")) {
            throw new InvalidApproverKeyException(
                    item.path(), principal, "is a private key: register only the public key, never a secret");
        }
        if (!text.startsWith(PGP_BEGIN) || !text.endsWith(PGP_END)) {
            throw new InvalidApproverKeyException(
                    item.path(), principal, "an armored key must be an OpenPGP public key block (" + PGP_BEGIN + ")");
        }
        return new ApproverKey(ApproverKey.Format.OPENPGP, text + "\n");
    }

    private static ApproverKey openSsh(Field item, String principal, String text) {
        String[] parts = text.split("\\s+", 3);
        if (parts.length < 2) {
            throw new InvalidApproverKeyException(
                    item.path(), principal, "must be an OpenSSH public key line 'type base64 [comment]'");
        }
        String type = RSA_ALGORITHMS.contains(parts[0]) ? "ssh-rsa" : parts[0];
        if (!SSH_TYPES.contains(type)) {
            throw new InvalidApproverKeyException(
                    item.path(),
                    principal,
                    "unsupported key type '" + Excerpt.of(parts[0]) + "': must be one of "
                            + new java.util.TreeSet<>(SSH_TYPES));
        }
        if (!type.equals(blobType(item, principal, parts[1]))) {
            throw new InvalidApproverKeyException(
                    item.path(), principal, "the line says " + type + " but its key is of another type");
        }
        return new ApproverKey(
                ApproverKey.Format.OPENSSH, type + " " + parts[1] + (parts.length == 3 ? " " + parts[2] : ""));
    }

    private static String blobType(Field item, String principal, String base64) {
        try {
            ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
            int length = blob.getInt();
            if (length <= 0 || length > blob.remaining() || length > 64) {
                throw new IllegalArgumentException("bad type length");
            }
            byte[] type = new byte[length];
            blob.get(type);
            return new String(type, StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new InvalidApproverKeyException(item.path(), principal, "the key is not valid OpenSSH base64");
        }
    }
}
