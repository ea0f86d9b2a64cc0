package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.GitStore;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The checks of what a recorded environment change holds: it changes only its environment's region, adds or
 * removes no stack, hashes to its trailer, and its renderings are what its definition writes.
 */
final class EnvironmentContentCheck {
    private final GitStore git;
    private final CommitId commit;
    private final BiConsumer<String, String> findings;

    /**
     * Creates the check of one commit.
     *
     * @param findings receives each finding's rule and message
     */
    EnvironmentContentCheck(GitStore git, CommitId commit, BiConsumer<String, String> findings) {
        this.git = git;
        this.commit = commit;
        this.findings = findings;
    }

    void checkPaths(CommitId parent, String env, List<String> changed) {
        List<String> outside = changed.stream()
                .filter(path -> !EnvironmentRendering.inRegion(env, path))
                .toList();
        if (!outside.isEmpty()) {
            findings.accept(
                    "outside-stack-folder",
                    "environment change of " + env + " changes " + outside + " outside its environment file and"
                            + " the renderings of its stacks");
        }
        if (!EnvironmentRendering.stacks(git, parent, env).equals(EnvironmentRendering.stacks(git, commit, env))) {
            findings.accept(
                    "outside-stack-folder",
                    "environment change of " + env + " adds or removes stacks: it may only render them again");
        }
    }

    void checkHashAndRenderings(String env, String contentHash) {
        String actual = ContentHash.of(EnvironmentRendering.region(git, git.tree(commit), env));
        if (!actual.equals(contentHash)) {
            findings.accept(
                    "content-hash-mismatch",
                    "recorded environment " + env + " hashes to " + actual + ", trailer says " + contentHash);
        }
        checkRendered(env);
    }

    private void checkRendered(String env) {
        List<String> problems;
        try {
            problems = EnvironmentRendering.differences(git, commit, env);
        } catch (dev.countersign.gitops.GitOpsException
                | dev.countersign.stack.StackException
                | dev.countersign.sops.SopsException e) {
            problems = List.of("cannot be rendered again: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            findings.accept(
                    RenderedCheck.RULE,
                    "renderings of environment " + env + " differ from what its definition writes: " + problems);
        }
    }
}
