package dev.countersign.policy;

/**
 * Thrown when a policy names one principal in two spellings that are equal after canonical folding
 * (see {@link Principal}), such as {@code human:Ines} and {@code human:INES}: one person would
 * otherwise hold two names.
 */
public final class PrincipalCollisionException extends InvalidPolicyException {
    private static final long serialVersionUID = 1L;

    /** The canonical name both spellings fold to. */
    private final String canonical;

    /** The spelling met first. */
    private final String first;

    /** The spelling that collides with it. */
    private final String second;

    PrincipalCollisionException(String field, String canonical, String first, String firstField, String second) {
        super(
                field,
                "'" + second + "' and '" + first + "' (at " + firstField + ") name the same principal " + canonical
                        + " after NFKC normalisation, trimming and lower-casing: spell every principal once",
                null);
        this.canonical = canonical;
        this.first = first;
        this.second = second;
    }

    /**
     * The canonical name both spellings fold to.
     *
     * @return for example {@code human:ines}
     */
    public String canonical() {
        return canonical;
    }

    /**
     * The spelling met first in the document.
     *
     * @return for example {@code human:Ines}
     */
    public String first() {
        return first;
    }

    /**
     * The spelling that collides with the first.
     *
     * @return for example {@code human:INES}
     */
    public String second() {
        return second;
    }
}
