package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Policy;
import dev.countersign.policy.PolicyException;
import dev.countersign.render.spi.ProtectedObjects;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the policy a commit records protects ({@code spec.protect}), as the renderers read it to write the
 * reconciler's opt-out of deletion: read from the commit alone, so a verifier renders the same files again.
 */
final class PolicyProtection {
    private PolicyProtection() {}

    /**
     * Reads the protection of the policy at a commit.
     *
     * @param git the repository
     * @param commit the commit
     * @return the policy's protected kinds and components; the default kinds when the commit has no policy, or
     *     one that does not parse (no authority then decides anything from it)
     */
    static ProtectedObjects at(GitStore git, CommitId commit) {
        return git.read(commit, Layout.POLICY)
                .flatMap(PolicyProtection::parse)
                .map(policy -> ProtectedObjects.of(policy.protectedKinds(), policy.protectedComponents()))
                .orElseGet(ProtectedObjects::defaults);
    }

    private static Optional<Policy> parse(byte[] text) {
        try {
            return Optional.of(Policy.parse(new String(text, StandardCharsets.UTF_8)));
        } catch (PolicyException e) {
            return Optional.empty();
        }
    }
}
