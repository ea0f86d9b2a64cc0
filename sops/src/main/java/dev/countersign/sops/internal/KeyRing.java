package dev.countersign.sops.internal;

import dev.countersign.sops.NoMatchingKeyException;
import dev.countersign.sops.Recipient;
import dev.countersign.sops.SopsException;
import dev.countersign.sops.internal.keys.Shamir;
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
        List<byte[]> parts = new ArrayList<>();
        groups.forEach(g -> unwrapGroup(g).ifPresent(parts::add));
        int threshold = metadata.shamirThreshold() == 0 ? groups.size() : metadata.shamirThreshold();
        try {
            if (parts.size() < Math.max(threshold, 2)) {
                throw new NoMatchingKeyException("only " + parts.size() + " of " + groups.size()
                        + " key groups could be decrypted, " + threshold + " are needed; the file is encrypted for "
                        + describe(groups) + " and the sources configured are " + sources.keySet());
            }
            return Shamir.combine(parts);
        } finally {
            parts.forEach(KeyRing::wipe);
        }
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
        return new NoMatchingKeyException("no key source could decrypt the data key; the file is encrypted for "
                + describe(groups) + " and the sources configured are " + sources.keySet());
    }

    private static List<String> describe(List<List<MasterKey>> groups) {
        List<String> recipients = new ArrayList<>();
        groups.forEach(g -> g.forEach(k -> recipients.add(k.type() + ":" + recipientOf(k))));
        return recipients;
    }

    /**
     * Wraps a data key for every recipient.
     *
     * @param dataKey the data key
     * @param groups the recipients, one list per group
     * @param threshold the Shamir threshold for several groups, 0 for all
     * @param random randomness for key sharing
     * @return the master keys, one list per group
     */
    public List<List<MasterKey>> wrap(
            byte[] dataKey, List<List<Recipient>> groups, int threshold, SecureRandom random) {
        return wrap(dataKey, groups, threshold, random, List.of());
    }

    /**
     * Wraps a data key for every recipient, reusing the given entries of recipients that already hold
     * this very key (so their entries, of any type, stay byte-identical).
     *
     * @param dataKey the data key
     * @param groups the recipients, one list per group
     * @param threshold the Shamir threshold for several groups, 0 for all
     * @param random randomness for key sharing
     * @param reusable entries that already wrap {@code dataKey} itself (single group only)
     * @return the master keys, one list per group
     */
    public List<List<MasterKey>> wrap(
            byte[] dataKey,
            List<List<Recipient>> groups,
            int threshold,
            SecureRandom random,
            List<MasterKey> reusable) {
        if (groups.size() > 1) {
            return wrapShares(dataKey, groups, threshold, random);
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

    private List<List<MasterKey>> wrapShares(
            byte[] dataKey, List<List<Recipient>> groups, int threshold, SecureRandom random) {
        int needed = threshold == 0 ? groups.size() : threshold;
        List<byte[]> shares = Shamir.split(dataKey, groups.size(), needed, random);
        try {
            List<List<MasterKey>> out = new ArrayList<>();
            for (int i = 0; i < groups.size(); i++) {
                byte[] share = shares.get(i);
                out.add(groups.get(i).stream().map(r -> wrapOne(share, r)).toList());
            }
            return out;
        } finally {
            shares.forEach(KeyRing::wipe);
        }
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
