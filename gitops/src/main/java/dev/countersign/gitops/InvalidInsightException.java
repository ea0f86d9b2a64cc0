package dev.countersign.gitops;

/**
 * Thrown when an {@link Insight} or an insight file breaks a rule: {@link #field()} names the part (such as {@code
 * confidence} or {@code evidence[1].values}) and the message the rule. Messages quote no value of the insight beyond
 * its field name, so a misplaced secret does not reach a log.
 */
public final class InvalidInsightException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /** The part of the insight that breaks the rule. */
    private final String field;

    /** The rule the field breaks. */
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param field the part of the insight that breaks the rule
     * @param rule the rule, as a sentence fragment ("must be between 0 and 1")
     */
    public InvalidInsightException(String field, String rule) {
        super("invalid insight: " + field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    /**
     * Returns the part of the insight that breaks the rule.
     *
     * @return the field, such as {@code confidence} or {@code evidence[0].window}
     */
    public String field() {
        return field;
    }

    /**
     * Returns the rule the field breaks.
     *
     * @return the rule, as a sentence fragment ("must be a number from 0 to 1")
     */
    public String rule() {
        return rule;
    }
}
