package dev.countersign.policy;

import java.util.Locale;

/** What a principal asks to do; a role in a policy is a set of actions. */
public enum Action {
    /** Read stacks, proposals and the record. */
    READ,
    /** Propose a new desired state for an environment. */
    PROPOSE,
    /** Approve someone else's proposal. */
    APPROVE,
    /** Reject a proposal. */
    REJECT,
    /** Withdraw a proposal. */
    WITHDRAW,
    /** Record an approved proposal on the environment's main line. */
    RECORD,
    /** Propose the revert of a recorded change. */
    REVERT,
    /** Protect a component or object against removal. */
    PROTECT,
    /** Lift the protection of a component or object, as a change of its own. */
    UNPROTECT,
    /** Read secret values in plaintext. */
    READ_SECRET,
    /** Change the policy itself. */
    CHANGE_POLICY;

    /**
     * The spelling used in policy files and on the command line.
     *
     * @return for example {@code read-secret}
     */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses the spelling used in policy files and on the command line.
     *
     * @param text for example {@code change-policy}
     * @return the action
     * @throws InvalidRequestException if no action is spelled so
     */
    public static Action parse(String text) {
        for (Action action : values()) {
            if (action.spelling().equals(text)) {
                return action;
            }
        }
        throw new InvalidRequestException("unknown action '" + text + "': must be one of " + spellings());
    }

    static String spellings() {
        StringBuilder all = new StringBuilder();
        for (Action action : values()) {
            all.append(all.length() == 0 ? "" : ", ").append(action.spelling());
        }
        return all.toString();
    }
}
