package dev.countersign.sops.internal;

import dev.countersign.sops.NoMatchingKeyException;
import dev.countersign.sops.Recipient;
import dev.countersign.sops.SopsException;
import dev.countersign.sops.spi.KeySource;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered key sources, by type: unwraps a file's data key from its key groups and wraps a data
 * key for recipients. Entries of types without a source are skipped on read and kept as they are.
 */
public final class KeyRing {
    private final Map<String, KeySource> sources = new LinkedHashMap<>();

    /**
     * Creates a key ring.
     *
     * @param keySources the sources; a later source of the same type wins
     */
    public KeyRing(List<KeySource> keySources) {
        keySources.forEach(s -> sources.put(s.type(), s));
    }

    /**
     * Unwraps the data key.
     *
     * @param metadata the file's metadata
     * @return the 32-byte data key
     * @throws NoMatchingKeyException when no source can unwrap enough of it
     */
    public byte[] unwrap(Metadata metadata) {
        List<List<MasterKey>> groups = metadata.keyGroups();
        if (groups.size() == 1) {
            return unwrapGroup(groups.get(0)).orElseThrow(() -> noKey(groups));
        }
        throw new SopsException("files with " + groups.size() + " key groups need Shamir secret sharing");
    }

    private Optional<byte[]> unwrapGroup(List<MasterKey> group) {
        List<MasterKey> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparingInt(KeyRing::decryptionRank));
        for (MasterKey key : ordered) {
            KeySource source = sources.get(key.type());
            if (source != null) {
                Optional<byte[]> part = source.unwrap(key.entry());
                if (part.isPresent()) {
                    return part;
                }
            }
        }
        return Optional.empty();
    }

    private static int decryptionRank(MasterKey key) {
        return switch (key.type()) {
            case "age" -> 0;
            case "pgp" -> 1;
            default -> 2;
        };
    }

    private NoMatchingKeyException noKey(List<List<MasterKey>> groups) {
        List<String> recipients = new ArrayList<>();
        groups.forEach(g -> g.forEach(k -> recipients.add(k.type() + ":" + recipientOf(k))));
        return new NoMatchingKeyException("no key source could decrypt the data key; the file is encrypted for "
                + recipients + " and the sources configured are " + sources.keySet());
    }

    /**
     * Wraps a data key for every recipient.
     *
     * @param dataKey the data key
     * @param groups the recipients, one list per group
     * @param random randomness for key sharing
     * @return the master keys, one list per group
     */
    public List<List<MasterKey>> wrap(byte[] dataKey, List<List<Recipient>> groups, SecureRandom random) {
        return wrap(dataKey, groups, random, List.of());
    }

    /**
     * Wraps a data key for every recipient, reusing the given entries of recipients that already hold
     * this very key (so their entries, of any type, stay byte-identical).
     *
     * @param dataKey the data key
     * @param groups the recipients, one list per group
     * @param random randomness for key sharing
     * @param reusable entries that already wrap {@code dataKey} itself (single group only)
     * @return the master keys, one list per group
     */
    public List<List<MasterKey>> wrap(
            byte[] dataKey, List<List<Recipient>> groups, SecureRandom random, List<MasterKey> reusable) {
        if (groups.size() != 1) {
            throw new SopsException("encrypting for " + groups.size() + " key groups needs Shamir secret sharing");
        }
        List<MasterKey> keys = new ArrayList<>();
        for (Recipient recipient : groups.get(0)) {
            keys.add(reusable.stream()
                    .filter(k ->
                            k.type().equals(recipient.type()) && recipientOf(k).equals(recipient.id()))
                    .findFirst()
                    .orElseGet(() -> wrapOne(dataKey, recipient)));
        }
        return List.of(keys);
    }

    private MasterKey wrapOne(byte[] part, Recipient recipient) {
        KeySource source = sources.get(recipient.type());
        if (source == null) {
            throw new SopsException("cannot encrypt for " + recipient.type() + " recipient '" + recipient.id()
                    + "': no key source of that type is configured");
        }
        return MasterKey.of(source.wrap(part, recipient.id()));
    }

    /**
     * Returns the recipients of existing master keys.
     *
     * @param groups the master keys
     * @return the recipients, one list per group
     */
    public static List<List<Recipient>> recipients(List<List<MasterKey>> groups) {
        List<List<Recipient>> out = new ArrayList<>();
        for (List<MasterKey> group : groups) {
            out.add(group.stream()
                    .map(k -> new Recipient(k.type(), recipientOf(k)))
                    .toList());
        }
        return out;
    }

    /**
     * Names the recipient of an entry: the age {@code recipient}, the PGP {@code fp}, or the first
     * field that is neither {@code enc} nor {@code created_at}.
     *
     * @param key the entry
     * @return the recipient text
     */
    static String recipientOf(MasterKey key) {
        Map<String, String> fields = key.entry().fields();
        for (String name : List.of("recipient", "fp")) {
            if (fields.containsKey(name)) {
                return fields.get(name);
            }
        }
        return fields.entrySet().stream()
                .filter(e -> !e.getKey().equals("enc") && !e.getKey().equals("created_at"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("?");
    }

    /**
     * Wipes a key.
     *
     * @param key the bytes to zero
     */
    public static void wipe(byte[] key) {
        Arrays.fill(key, (byte) 0);
    }
}
