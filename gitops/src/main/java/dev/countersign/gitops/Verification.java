package dev.countersign.gitops;

import java.util.List;

/**
 * The result of verifying a main line offline, from Git alone.
 *
 * @param head the main-line commit the walk started from
 * @param checkpoint the commit the walk stopped at, or the empty string when it walked to the root
 * @param commitsChecked how many commits were checked
 * @param findings every commit that did not come through the contract, newest first
 */
public record Verification(String head, String checkpoint, int commitsChecked, List<Finding> findings) {
    /**
     * Copies the findings.
     *
     * @param head the main-line commit the walk started from
     * @param checkpoint the commit the walk stopped at, or empty
     * @param commitsChecked how many commits were checked
     * @param findings the findings
     */
    public Verification {
        findings = List.copyOf(findings);
    }

    /**
     * Tells whether every checked commit came through the contract.
     *
     * @return true when there are no findings
     */
    public boolean isClean() {
        return findings.isEmpty();
    }
}
