package dev.countersign.gitops;

import dev.countersign.gitops.internal.Layout;
import dev.countersign.gitops.internal.StackLayout;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.stack.Environment;
import org.jspecify.annotations.Nullable;

/** Reads an environment's definition where a commit may not define it: before it is added, after it is retired. */
final class DefinedEnvironment {
    private DefinedEnvironment() {}

    /**
     * Reads an environment's definition at a commit.
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment's name
     * @return the environment, or null when the commit has no environment file for it
     */
    static @Nullable Environment at(GitStore git, CommitId commit, String environment) {
        return git.read(commit, Layout.environmentFile(environment)).isEmpty()
                ? null
                : StackLayout.environment(git, commit, environment);
    }
}
