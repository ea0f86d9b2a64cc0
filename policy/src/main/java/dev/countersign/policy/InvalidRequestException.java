package dev.countersign.policy;

/** Thrown when a request to the policy engine lacks what its action needs or names an unknown value. */
public final class InvalidRequestException extends PolicyException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing or wrong, naming the value and the rule
     */
    public InvalidRequestException(String message) {
        super(message, null);
    }
}
