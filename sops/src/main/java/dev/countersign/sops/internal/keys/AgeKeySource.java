package dev.countersign.sops.internal.keys;

import dev.countersign.sops.KeyDecryptionException;
import dev.countersign.sops.SopsException;
import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The age key source: wraps to any X25519 recipient and unwraps with the identities it was given.
 * Immutable and thread-safe.
 */
public final class AgeKeySource implements KeySource {
    /** The metadata list this source handles. */
    public static final String TYPE = "age";

    private static final String RECIPIENT = "recipient";
    private static final String ENC = "enc";

    private final List<X25519Identity> identities;

    /**
     * Creates a source holding identities.
     *
     * @param identities the identities to unwrap with; may be empty for an encrypt-only source
     */
    public AgeKeySource(List<X25519Identity> identities) {
        this.identities = List.copyOf(identities);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public KeyEntry wrap(byte[] dataKey, String recipient) {
        String checked = X25519Identity.checkRecipient(recipient);
        String enc;
        try {
            enc = AgeEnvelope.seal(dataKey, checked);
        } catch (GeneralSecurityException | IOException e) {
            throw new SopsException("cannot wrap the data key for age recipient '" + checked + "'", e);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(RECIPIENT, checked);
        fields.put(ENC, enc);
        return new KeyEntry(TYPE, fields);
    }

    @Override
    public Optional<byte[]> unwrap(KeyEntry entry) {
        String recipient = entry.field(RECIPIENT).orElse("<none>").strip();
        String enc = entry.field(ENC)
                .orElseThrow(() ->
                        new KeyDecryptionException("age entry for recipient '" + recipient + "' has no 'enc' field"));
        if (identities.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AgeEnvelope.open(enc, identities));
        } catch (GeneralSecurityException | IOException e) {
            if (holds(recipient)) {
                throw new KeyDecryptionException(
                        "cannot decrypt the age entry for recipient '" + recipient
                                + "' with its identity: the entry is corrupt or was tampered with",
                        e);
            }
            return Optional.empty();
        }
    }

    private boolean holds(String recipient) {
        return identities.stream().anyMatch(identity -> identity.recipient().equals(recipient));
    }

    @Override
    public String toString() {
        return "AgeKeySource[identities=" + identities.size() + "]";
    }
}
