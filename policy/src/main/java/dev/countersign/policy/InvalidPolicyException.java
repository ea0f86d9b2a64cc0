package dev.countersign.policy;

/**
 * Thrown when a policy file is malformed or inconsistent; the message names the field. A {@link
 * PrincipalCollisionException} says that two spellings name one principal.
 */
public sealed class InvalidPolicyException extends PolicyException
        permits PrincipalCollisionException, InvalidApproverKeyException {
    private static final long serialVersionUID = 1L;

    /** The dotted path of the offending field. */
    private final String field;

    /**
     * Creates the exception for one field.
     *
     * @param field the dotted path of the offending field, such as {@code spec.roles.viewer}
     * @param problem what is wrong with the field and which rule it breaks
     */
    public InvalidPolicyException(String field, String problem) {
        this(field, problem, null);
    }

    InvalidPolicyException(String field, String problem, @org.jspecify.annotations.Nullable Throwable cause) {
        super(Excerpt.message("invalid policy: " + Excerpt.of(field) + ": " + problem), cause);
        this.field = field;
    }

    /**
     * The field at fault.
     *
     * @return the dotted path of the offending field, such as {@code spec.roles.viewer}
     */
    public String field() {
        return field;
    }
}
