package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Insight;
import dev.countersign.policy.Principal;
import dev.countersign.render.ClusterApiMapping;
import dev.countersign.stack.Environment;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change of an environment's definition about to be proposed: the environment file as it is to be, with
 * every stack recorded in the environment rendered again under it.
 *
 * @param proposer the proposer, with the human it acts for, if any
 * @param environment the environment as it is to be; its name names the file changed
 * @param rationale why
 * @param evidence backing links or notes
 * @param reverts the recorded commit this draft reverts, if any
 * @param restoreFrom for a revert, the commit whose Flux Secrets come back; null otherwise
 * @param insight the observation the change answers, if any
 * @param clusterApi the Cluster API mapping the change gives, or null to keep the recorded one
 */
public record EnvironmentDraft(
        Principal proposer,
        Environment environment,
        String rationale,
        List<String> evidence,
        @Nullable CommitId reverts,
        @Nullable CommitId restoreFrom,
        @Nullable Insight insight,
        @Nullable ClusterApiMapping clusterApi) {

    /**
     * A change without an insight.
     *
     * @param proposer the proposer, with the human it acts for, if any
     * @param environment the environment as it is to be
     * @param rationale why
     * @param evidence backing links or notes
     * @param reverts the recorded commit this draft reverts, if any
     * @param restoreFrom for a revert, the commit whose Flux Secrets come back; null otherwise
     */
    public EnvironmentDraft(
            Principal proposer,
            Environment environment,
            String rationale,
            List<String> evidence,
            @Nullable CommitId reverts,
            @Nullable CommitId restoreFrom) {
        this(proposer, environment, rationale, evidence, reverts, restoreFrom, null, null);
    }
}
