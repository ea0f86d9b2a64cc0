package dev.countersign.gitops.content;

import java.util.Map;
import java.util.TreeMap;

/**
 * One use of a variable in the proposed stack, rendered for its environment: the value that lands at the place of
 * use and where it came from. The value of a secret-carrying variable is always {@link #REDACTED}. Immutable.
 *
 * @param variable the variable's name
 * @param location where it is used: {@code component:/json/pointer}
 * @param scope the scope that supplied it: {@code environment}, {@code stack-default}, {@code inline-default} or
 *     {@code override} (a secret from the secrets file)
 * @param source the repository file that set it, such as {@code environments/dev.yaml}
 * @param value the resolved value at the place of use (a plain tree: text, number, boolean, list or map); {@link
 *     #REDACTED} for a secret
 * @param secret whether the variable carries a secret
 */
public record VariableValue(
        String variable, String location, String scope, String source, Object value, boolean secret) {
    /** What a secret's value shows as. */
    public static final String REDACTED = "<redacted>";

    /**
     * Redacts a secret's value, whatever was passed.
     *
     * @param variable see the record component
     * @param location see the record component
     * @param scope see the record component
     * @param source see the record component
     * @param value see the record component
     * @param secret see the record component
     */
    public VariableValue {
        if (secret) {
            value = REDACTED;
        }
    }

    /**
     * Returns the use as a plain tree with sorted keys: {@code variable}, {@code location}, {@code scope}, {@code
     * source}, {@code value}, {@code secret}.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("variable", variable);
        tree.put("location", location);
        tree.put("scope", scope);
        tree.put("source", source);
        tree.put("value", value);
        tree.put("secret", secret);
        return tree;
    }
}
