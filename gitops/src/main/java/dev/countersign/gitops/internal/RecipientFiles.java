package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.GitStore;
import org.jspecify.annotations.Nullable;

/**
 * Where an environment's sops recipients are read from: its own rule file, written by a recipients change
 * ({@link EnvironmentRecipients}), else the repository's {@code .sops.yaml}.
 */
public final class RecipientFiles {
    private static final String FOLDER = ".countersign/recipients/";

    private RecipientFiles() {}

    /**
     * Returns the path of an environment's own recipients rule.
     *
     * @param environment the environment's name
     * @return {@code .countersign/recipients/<env>.sops.yaml}
     */
    public static String path(String environment) {
        return FOLDER + Layout.name("environment", environment) + ".sops.yaml";
    }

    /**
     * Returns the sops rules that apply to an environment's files at a commit: its own rule file, else the
     * repository's {@code .sops.yaml}.
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment's name
     * @return the rules file, or null when there is none
     */
    static byte @Nullable [] config(GitStore git, CommitId commit, String environment) {
        return git.read(commit, path(environment))
                .or(() -> git.read(commit, Layout.SOPS_CONFIG))
                .orElse(null);
    }
}
