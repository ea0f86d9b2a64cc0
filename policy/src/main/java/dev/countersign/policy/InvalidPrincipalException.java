package dev.countersign.policy;

/** Thrown when a principal is spelled wrongly or delegates in a way the model forbids. */
public final class InvalidPrincipalException extends PolicyException {
    private static final long serialVersionUID = 1L;

    /** The principal as it was written. */
    private final String value;

    /**
     * Creates the exception.
     *
     * @param value the offending spelling, such as {@code robot:x}
     * @param rule the rule the value breaks
     */
    public InvalidPrincipalException(String value, String rule) {
        super("invalid principal '" + value + "': " + rule, null);
        this.value = value;
    }

    /**
     * The offending value.
     *
     * @return the principal as it was written
     */
    public String value() {
        return value;
    }
}
