package dev.countersign.gitops;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The secret values a human supplies with a proposal: secret variable name to plaintext value, the
 * variables a stack references at secret places ({@code ${name}}). They are sops-encrypted before any Git
 * object is written. Immutable; {@link #toString()} shows names only, and no message of this class
 * contains a value.
 */
public final class Secrets {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> values;

    private Secrets(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Creates secrets from names and values.
     *
     * @param values secret variable name to plaintext value
     * @return the secrets
     * @throws InvalidProposalException if a name is not a variable name
     */
    public static Secrets of(Map<String, String> values) {
        Map<String, String> sorted = new TreeMap<>();
        values.forEach((name, value) -> sorted.put(checkedName(name), value));
        return new Secrets(java.util.Collections.unmodifiableMap(sorted));
    }

    /**
     * Reads a secrets file: a flat YAML map of secret variable name to a scalar value.
     *
     * @param yaml the file's text
     * @param source where the text comes from, for messages
     * @return the secrets
     * @throws InvalidProposalException if the text is not such a map; the message names the position or the
     *     name, never a value
     */
    public static Secrets parse(String yaml, String source) {
        Object tree = load(yaml, source);
        if (tree == null) {
            return of(Map.of());
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new InvalidProposalException(
                    "secrets file " + source + " must be a map of secret variable name to value");
        }
        Map<String, String> values = new TreeMap<>();
        map.forEach((key, value) -> values.put(entryName(source, key), scalar(source, key, value)));
        return of(values);
    }

    private static @Nullable Object load(String yaml, String source) {
        try {
            return new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String at = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new InvalidProposalException("secrets file " + source + " is not valid YAML" + at);
        } catch (YamlEngineException e) {
            throw new InvalidProposalException("secrets file " + source + " is not valid YAML");
        }
    }

    private static String entryName(String source, Object key) {
        if (!(key instanceof String name) || !NAME.matcher(name).matches()) {
            throw new InvalidProposalException("secrets file " + source + " has a key that is not a variable name: "
                    + "each must match " + NAME.pattern());
        }
        return name;
    }

    private static String scalar(String source, Object key, @Nullable Object value) {
        if (value == null || value instanceof Map || value instanceof Iterable) {
            throw new InvalidProposalException(
                    "secret '" + key + "' in " + source + " must have a scalar value (text, number or boolean)");
        }
        return value instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : value.toString();
    }

    private static String checkedName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidProposalException("invalid secret name '" + name + "': must match " + NAME.pattern());
        }
        return name;
    }

    /**
     * Returns the secret variable names.
     *
     * @return the names, sorted
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Returns the plaintext values; hand them only to the encryption step.
     *
     * @return name to value, sorted by name
     */
    public Map<String, String> reveal() {
        return values;
    }

    /**
     * Tells whether there is no secret.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Secrets that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /**
     * Returns the names only, never a value.
     *
     * @return {@code Secrets[names]}
     */
    @Override
    public String toString() {
        return "Secrets" + values.keySet();
    }
}
