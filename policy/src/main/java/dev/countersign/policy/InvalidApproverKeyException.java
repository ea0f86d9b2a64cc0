package dev.countersign.policy;

/**
 * Thrown when {@code spec.approverKeys} registers a key that is malformed, of an unsupported type, secret,
 * repeated, or registered for a principal that cannot approve. The message never quotes key material.
 */
public final class InvalidApproverKeyException extends InvalidPolicyException {
    private static final long serialVersionUID = 1L;

    /** The canonical name of the principal the key is registered for. */
    private final String principal;

    InvalidApproverKeyException(String field, String principal, String problem) {
        super(field, "approver key of " + principal + ": " + problem, null);
        this.principal = principal;
    }

    /**
     * The principal the offending key is registered for.
     *
     * @return its canonical name, such as {@code human:ines}
     */
    public String principal() {
        return principal;
    }
}
