package dev.countersign.policy;

import org.jspecify.annotations.Nullable;

/**
 * Why a decision came out as it did: the rule, a sentence for people, and where it applies.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the id of the rule, such as {@code protection} or a host rule's id
 * @param message a sentence naming the principal, value or object and the rule; never a secret value
 * @param component the component the reason is about, or {@code null}
 * @param pointer the JSON pointer inside the component, or {@code null}
 */
public record Reason(
        String rule,
        String message,
        @Nullable String component,
        @Nullable String pointer) {
    /**
     * A reason that is not about one place in the stack.
     *
     * @param rule the id of the rule
     * @param message a sentence for people
     * @return the reason
     */
    public static Reason of(String rule, String message) {
        return new Reason(rule, message, null, null);
    }

    /**
     * Where the reason applies, as {@code component} or {@code component:pointer}.
     *
     * @return the location, or an empty string when it is not about one place
     */
    public String path() {
        if (component == null) {
            return pointer == null ? "" : pointer;
        }
        return pointer == null || pointer.isEmpty() ? component : component + ":" + pointer;
    }
}
