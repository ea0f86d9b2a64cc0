package dev.countersign.sops.internal;

import dev.countersign.sops.CreationRule;
import dev.countersign.sops.EncryptOptions;
import dev.countersign.sops.EncryptionRule;
import dev.countersign.sops.KeyGroups;
import dev.countersign.sops.MalformedFileException;
import dev.countersign.sops.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code creation_rules} of a {@code .sops.yaml}. */
public final class CreationRuleReader {
    private static final Map<String, String> KEY_TYPES = Map.of(
            "age",
            "age",
            "pgp",
            "pgp",
            "kms",
            "kms",
            "gcp_kms",
            "gcp_kms",
            "azure_keyvault",
            "azure_kv",
            "hc_vault_transit_uri",
            "hc_vault",
            "hc_vault",
            "hc_vault",
            "azure_kv",
            "azure_kv");

    private CreationRuleReader() {}

    /**
     * Parses the rules.
     *
     * @param config the YAML content
     * @return the rules in order
     * @throws MalformedFileException when the config or a rule is invalid
     * @throws dev.countersign.sops.FileLimitException when the config is larger than the size limit
     */
    public static List<CreationRule> read(byte[] config) {
        BoundedStore.check(config, "sops config");
        List<MapNode> documents = new YamlStore().readPlain(config);
        if (documents.isEmpty()
                || !(documents.get(0).get("creation_rules").orElse(NullNode.INSTANCE) instanceof ListNode list)) {
            throw new MalformedFileException("invalid sops config: it has no creation_rules list");
        }
        List<CreationRule> rules = new ArrayList<>();
        for (Node node : list.elements()) {
            if (node instanceof MapNode rule) {
                rules.add(checked(rule, rules.size()));
            }
        }
        return rules;
    }

    /** Reads one rule; an invalid regex or recipient (an {@link IllegalArgumentException}) is a malformed file. */
    private static CreationRule checked(MapNode rule, int index) {
        try {
            return rule(rule, index);
        } catch (IllegalArgumentException e) {
            throw new MalformedFileException(
                    "invalid sops config creation_rules[" + index + "]: " + Prefix.of(String.valueOf(e.getMessage())));
        }
    }

    private static CreationRule rule(MapNode rule, int index) {
        String where = "creation_rules[" + index + "]";
        Optional<Pattern> path =
                text(rule, "path_regex").filter(s -> !s.isEmpty()).map(r -> compile(r, where));
        List<List<Recipient>> groups = groups(rule, where);
        int threshold = text(rule, "shamir_threshold").map(Integer::parseInt).orElse(0);
        EncryptOptions options = new EncryptOptions(
                new KeyGroups(groups, groups.size() > 1 ? threshold : 0),
                selection(rule, where),
                text(rule, "mac_only_encrypted").map(Boolean::parseBoolean).orElse(false));
        return new CreationRule(path, options);
    }

    private static List<List<Recipient>> groups(MapNode rule, String where) {
        List<List<Recipient>> groups = new ArrayList<>();
        if (rule.get("key_groups").orElse(NullNode.INSTANCE) instanceof ListNode list) {
            for (Node group : list.elements()) {
                if (group instanceof MapNode map) {
                    groups.add(recipients(map));
                }
            }
        } else {
            groups.add(recipients(rule));
        }
        if (groups.isEmpty() || groups.stream().anyMatch(List::isEmpty)) {
            throw new MalformedFileException("invalid sops config " + where + ": it names no recipients");
        }
        return groups;
    }

    private static List<Recipient> recipients(MapNode map) {
        List<Recipient> recipients = new ArrayList<>();
        for (Item item : map.items()) {
            if (item instanceof Pair pair && KEY_TYPES.containsKey(pair.key())) {
                String type = KEY_TYPES.get(pair.key());
                values(pair.value()).forEach(id -> recipients.add(new Recipient(type, id)));
            }
        }
        return recipients;
    }

    private static List<String> values(Node node) {
        List<String> values = new ArrayList<>();
        if (node instanceof Scalar scalar) {
            for (String part : scalar.text().split(",", -1)) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        } else if (node instanceof ListNode list) {
            list.elements().forEach(e -> values.addAll(values(e)));
        } else if (node instanceof MapNode map) {
            map.get("arn")
                    .or(() -> map.get("resource_id"))
                    .or(() -> map.get("vaultUrl"))
                    .ifPresent(v -> values.addAll(values(v)));
        }
        return values;
    }

    private static EncryptionRule selection(MapNode rule, String where) {
        EncryptionRule found = null;
        for (EncryptionRule.Kind kind : EncryptionRule.Kind.values()) {
            Optional<String> value = text(rule, kind.metadataKey()).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                if (found != null) {
                    throw new MalformedFileException("invalid sops config " + where + ": it sets both "
                            + found.kind().metadataKey() + " and " + kind.metadataKey() + ", at most one is allowed");
                }
                found = new EncryptionRule(kind, value.get());
            }
        }
        return found == null ? EncryptionRule.DEFAULT : found;
    }

    private static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new MalformedFileException(
                    "invalid path_regex '" + Prefix.of(regex) + "' in " + where + ": not a regular expression", e);
        }
    }

    private static Optional<String> text(MapNode map, String key) {
        return map.get(key).filter(Scalar.class::isInstance).map(n -> ((Scalar) n).text());
    }
}
