package dev.countersign.gitops;

import java.util.Objects;

/**
 * One commit of the main line that did not come through the contract, as the verifier found it.
 *
 * @param commit the commit's id (40 hex digits)
 * @param rule the broken rule, such as {@code missing-trailers} or {@code agent-approved}
 * @param message what is wrong, naming the values involved
 */
public record Finding(String commit, String rule, String message) {
    /**
     * Checks the parts.
     *
     * @param commit the commit's id
     * @param rule the broken rule
     * @param message what is wrong
     */
    public Finding {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return commit.substring(0, Math.min(12, commit.length())) + " " + rule + ": " + message;
    }
}
