package dev.countersign.stack;

import java.util.List;

/**
 * A stack resolved for one environment: every variable substituted, with the provenance of each
 * use. Immutable. {@link #stack()} holds plaintext secret values; show {@link #redacted()} instead.
 *
 * @param stack the resolved stack (its variable defaults are emptied: nothing is left to resolve)
 * @param environment the environment name it was rendered for
 * @param uses every variable use, in document order
 */
public record RenderedStack(Stack stack, String environment, List<VariableUse> uses) {
    /** The text that replaces a secret value wherever one is shown. */
    public static final String REDACTED = "<redacted>";

    /** Copies the list.
     *
     * @param stack the resolved stack (its variable defaults are emptied: nothing is left to resolve)
     * @param environment the environment name it was rendered for
     * @param uses every variable use, in document order
     */
    public RenderedStack {
        uses = List.copyOf(uses);
    }

    /**
     * Returns the resolved stack with every secret value replaced by {@link #REDACTED}.
     *
     * @return the redacted stack
     */
    public Stack redacted() {
        return stack.redacted();
    }

    /**
     * Returns the uses of variables that carry a secret, for a review to mark.
     *
     * @return the uses with {@link VariableUse#secret()} set, in document order
     */
    public List<VariableUse> secretUses() {
        return uses.stream().filter(VariableUse::secret).toList();
    }

    @Override
    public String toString() {
        return "RenderedStack[stack=" + stack.name() + ", environment=" + environment + ", uses=" + uses.size() + "]";
    }
}
