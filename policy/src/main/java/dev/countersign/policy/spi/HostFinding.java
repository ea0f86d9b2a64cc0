package dev.countersign.policy.spi;

import org.jspecify.annotations.Nullable;

/**
 * What a host rule may say: deny, or require more approvals. There is no way to say "allow": the
 * engine combines findings so that a host rule can only make a decision stricter.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface HostFinding {
    /**
     * A sentence for people explaining the finding; it must not contain secret values.
     *
     * @return the message
     */
    String message();

    /**
     * A denial.
     *
     * @param message why the request is denied
     * @return the finding
     */
    static HostFinding deny(String message) {
        return new Denial(message, null, null);
    }

    /**
     * A denial about one place in the stack.
     *
     * @param message why the request is denied
     * @param component the component the denial is about
     * @param pointer the JSON pointer inside the component
     * @return the finding
     */
    static HostFinding denyAt(String message, String component, String pointer) {
        return new Denial(message, component, pointer);
    }

    /**
     * A demand for more approvals before recording.
     *
     * @param count how many more approvals, at least one
     * @param message why they are needed
     * @return the finding
     * @throws IllegalArgumentException if {@code count} is below one
     */
    static HostFinding requireApprovals(int count, String message) {
        return new ExtraApprovals(count, message);
    }

    /**
     * A denial.
     *
     * @param message why the request is denied
     * @param component the component it is about, or {@code null}
     * @param pointer the JSON pointer inside the component, or {@code null}
     */
    record Denial(
            String message,
            @Nullable String component,
            @Nullable String pointer) implements HostFinding {}

    /**
     * A demand for more approvals, from the roles the environment accepts approvals from.
     *
     * @param count how many more approvals, at least one
     * @param message why they are needed
     */
    record ExtraApprovals(int count, String message) implements HostFinding {
        /**
         * Validates the count.
         *
         * @param count see the record component
         * @param message see the record component
         *
         * @throws IllegalArgumentException if {@code count} is below one
         */
        public ExtraApprovals {
            if (count < 1) {
                throw new IllegalArgumentException("extra approvals " + count + ": must be at least 1");
            }
        }
    }
}
