package dev.countersign.gitops;

/** Thrown when policy, or a rule built into the contract, denies an action; names the rule that decided. */
public final class ActionDeniedException extends GitOpsException {
    private static final long serialVersionUID = 1L;

    /** The rule that denied the action. */
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param action what was asked, such as {@code approve}
     * @param principal who asked, written {@code kind:id}
     * @param rule the rule that denied it
     * @param explanation why, without secret values
     */
    public ActionDeniedException(String action, String principal, String rule, String explanation) {
        super(action + " by " + principal + " denied by rule " + rule + ": " + explanation);
        this.rule = rule;
    }

    /**
     * Returns the rule that denied the action.
     *
     * @return the rule id, such as {@code no-self-approval}
     */
    public String rule() {
        return rule;
    }
}
