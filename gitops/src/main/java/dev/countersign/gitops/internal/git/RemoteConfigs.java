package dev.countersign.gitops.internal.git;

import dev.countersign.gitops.GitOpsException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.Optional;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.URIish;
import org.jspecify.annotations.Nullable;

/**
 * The remote of a repository in remote mode, kept in its Git config as {@code remote "origin"} so that every
 * later open of the directory uses it too.
 */
public final class RemoteConfigs {
    private static final String REMOTE = "remote";
    private static final String ORIGIN = "origin";

    private RemoteConfigs() {}

    /**
     * Settles the remote of a repository: the one given, or the one saved in its config.
     *
     * @param git the local repository
     * @param url the remote asked for, or null to use the saved one if any
     * @return the remote's URL, or empty for a local-only repository
     * @throws GitOpsException if the URL is invalid, carries a password, or differs from the saved one
     */
    public static Optional<String> settle(GitStore git, @Nullable String url) {
        StoredConfig config = git.repository().getConfig();
        String saved = config.getString(REMOTE, ORIGIN, "url");
        if (url == null || url.equals(saved)) {
            return Optional.ofNullable(saved);
        }
        if (saved != null) {
            throw new GitOpsException("repository at " + git.gitDirectory() + " already syncs with " + parse(saved)
                    + "; refusing to switch to " + parse(url));
        }
        parse(url);
        return Optional.of(url);
    }

    /**
     * Saves the remote in the repository's config, once the first fetch from it succeeded.
     *
     * @param git the local repository
     * @param url the remote's URL
     * @throws GitOpsException if the config cannot be written
     */
    public static void save(GitStore git, String url) {
        StoredConfig config = git.repository().getConfig();
        if (!url.equals(config.getString(REMOTE, ORIGIN, "url"))) {
            save(config, url);
        }
    }

    /**
     * Parses a remote URL.
     *
     * @param url a {@code file://}, {@code git://}, {@code http(s)://} or {@code ssh://} URL, or a path
     * @return the parsed URL
     * @throws GitOpsException if it is invalid or carries a password
     */
    static URIish parse(String url) {
        try {
            URIish uri = new URIish(url);
            if (uri.getPass() != null) {
                throw new GitOpsException("invalid remote URL " + uri
                        + ": it carries a password; pass credentials to the builder, never in the URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new GitOpsException("invalid remote URL: " + e.getReason());
        }
    }

    private static void save(StoredConfig config, String url) {
        parse(url);
        config.setString(REMOTE, ORIGIN, "url", url);
        config.setStringList(
                REMOTE,
                ORIGIN,
                "fetch",
                java.util.List.of("+refs/heads/*:refs/heads/*", "+refs/countersign/*:refs/countersign/*"));
        try {
            config.save();
        } catch (IOException e) {
            throw new GitOpsException("cannot save the remote in the repository's config: " + e.getMessage(), e);
        }
    }
}
