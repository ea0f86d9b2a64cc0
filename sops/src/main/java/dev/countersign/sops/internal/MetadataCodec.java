package dev.countersign.sops.internal;

import dev.countersign.sops.EncryptionRule;
import dev.countersign.sops.MalformedFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code sops} mapping in any layout sops ever wrote, and writes it as sops 3.13 does. */
public final class MetadataCodec {
    private static final Set<String> SCALAR_KEYS =
            Set.of("lastmodified", "mac", "version", "shamir_threshold", "mac_only_encrypted", "key_groups");

    private MetadataCodec() {}

    /**
     * Reads metadata.
     *
     * @param sops the {@code sops} mapping
     * @return the metadata
     * @throws MalformedFileException when a mandatory field is missing
     */
    public static Metadata read(MapNode sops) {
        List<List<MasterKey>> groups = readGroups(sops);
        Optional<EncryptionRule> rule = readRule(sops);
        String lastModified = text(sops, "lastmodified")
                .orElseThrow(() -> new MalformedFileException("sops metadata has no lastmodified"));
        return new Metadata(
                groups,
                text(sops, "shamir_threshold").map(MetadataCodec::parseInt).orElse(0),
                lastModified,
                text(sops, "mac").orElse(""),
                rule.orElse(EncryptionRule.DEFAULT),
                rule.isPresent(),
                text(sops, "mac_only_encrypted")
                        .map(t -> t.toLowerCase(Locale.ROOT).equals("true"))
                        .orElse(false),
                text(sops, "version").orElse(""));
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new MalformedFileException("invalid shamir_threshold '" + text + "': must be an integer", e);
        }
    }

    private static Optional<EncryptionRule> readRule(MapNode sops) {
        EncryptionRule found = null;
        for (EncryptionRule.Kind kind : EncryptionRule.Kind.values()) {
            Optional<String> value = text(sops, kind.metadataKey()).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                if (found != null) {
                    throw new MalformedFileException(
                            "sops metadata sets both " + found.kind().metadataKey() + " and " + kind.metadataKey()
                                    + ": at most one encryption rule is allowed");
                }
                found = rule(kind, value.get());
            }
        }
        return Optional.ofNullable(found);
    }

    private static EncryptionRule rule(EncryptionRule.Kind kind, String argument) {
        try {
            return new EncryptionRule(kind, argument);
        } catch (IllegalArgumentException e) {
            // an invalid regex: the rule's message quotes at most a prefix of it (Prefix)
            throw new MalformedFileException("invalid sops metadata: " + e.getMessage());
        }
    }

    private static List<List<MasterKey>> readGroups(MapNode sops) {
        List<MasterKey> top = readKeys(sops);
        if (!top.isEmpty()) {
            return List.of(top);
        }
        List<List<MasterKey>> groups = new ArrayList<>();
        if (sops.get("key_groups").orElse(NullNode.INSTANCE) instanceof ListNode list) {
            for (Node group : list.elements()) {
                if (group instanceof MapNode map) {
                    groups.add(readKeys(map));
                }
            }
        }
        if (groups.isEmpty()) {
            throw new MalformedFileException("sops metadata has no master keys");
        }
        return groups;
    }

    private static List<MasterKey> readKeys(MapNode map) {
        List<MasterKey> keys = new ArrayList<>();
        for (Item item : map.items()) {
            if (item instanceof Pair pair && !SCALAR_KEYS.contains(pair.key()) && pair.value() instanceof ListNode l) {
                for (Node element : l.elements()) {
                    if (element instanceof MapNode entry) {
                        if (pair.key().isBlank()) {
                            // found by fuzzing: KeyEntry refuses a blank type with an IllegalArgumentException
                            throw new MalformedFileException("sops metadata has a master key list with a blank name");
                        }
                        keys.add(new MasterKey(pair.key(), entry));
                    }
                }
            }
        }
        return keys;
    }

    private static Optional<String> text(MapNode map, String key) {
        return map.get(key).filter(Scalar.class::isInstance).map(n -> ((Scalar) n).text());
    }

    /**
     * Writes metadata with every level's keys sorted, as sops 3.13 does.
     *
     * @param metadata the metadata
     * @return the {@code sops} mapping
     */
    public static MapNode write(Metadata metadata) {
        List<Pair> pairs = new ArrayList<>();
        if (metadata.keyGroups().size() == 1) {
            pairs.addAll(keyLists(metadata.keyGroups().get(0)));
        } else {
            List<Node> groups = new ArrayList<>();
            for (List<MasterKey> group : metadata.keyGroups()) {
                groups.add(sortedMap(keyLists(group)));
            }
            pairs.add(new Pair("key_groups", new ListNode(groups)));
        }
        if (metadata.shamirThreshold() != 0) {
            pairs.add(new Pair(
                    "shamir_threshold", Scalar.of(ValueType.INT, Integer.toString(metadata.shamirThreshold()))));
        }
        pairs.add(new Pair("lastmodified", Scalar.str(metadata.lastModified())));
        pairs.add(new Pair("mac", Scalar.str(metadata.mac())));
        if (metadata.macOnlyEncrypted()) {
            pairs.add(new Pair("mac_only_encrypted", Scalars.bool(true)));
        }
        if (metadata.ruleWritten()) {
            pairs.add(new Pair(
                    metadata.rule().kind().metadataKey(),
                    Scalar.str(metadata.rule().argument())));
        }
        pairs.add(new Pair("version", Scalar.str(metadata.version())));
        return sortedMap(pairs);
    }

    private static List<Pair> keyLists(List<MasterKey> group) {
        List<String> types =
                group.stream().map(MasterKey::type).distinct().sorted().toList();
        List<Pair> pairs = new ArrayList<>();
        for (String type : types) {
            List<Node> entries = new ArrayList<>();
            group.stream().filter(k -> k.type().equals(type)).forEach(k -> entries.add(k.sorted()));
            pairs.add(new Pair(type, new ListNode(entries)));
        }
        return pairs;
    }

    private static MapNode sortedMap(List<Pair> pairs) {
        List<Pair> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparing(Pair::key));
        return new MapNode(List.copyOf(sorted));
    }
}
