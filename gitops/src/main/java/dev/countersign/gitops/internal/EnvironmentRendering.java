package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.render.layout.FileDifferences;
import dev.countersign.render.layout.NativeLayout;
import dev.countersign.render.layout.ReconcilerLayout;
import dev.countersign.stack.Environment;
import dev.countersign.stack.RendererChoice;
import dev.countersign.stack.Stack;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The content of an environment change: the environment file, and every stack recorded in the environment
 * rendered again under it. Its region is the environment file with the folders {@code environments/<env>},
 * {@code clusters/<env>}, {@code apps/<env>} and {@code argocd/<env>}; the content hash covers all of it.
 *
 * <p>Stack files and secrets files are carried over byte for byte; each stack's {@code rendered.yaml} and its
 * renderer's files are written anew, the old renderer's files removed. A stack's sops-encrypted Flux
 * {@code Secret} stays while the renderer stays Flux and goes when it leaves Flux; the library never decrypts,
 * so a switch to Flux cannot write one (a revert restores the one the reverted change removed).
 */
public final class EnvironmentRendering {
    private EnvironmentRendering() {}

    /**
     * Tells whether a path lies in an environment's region.
     *
     * @param environment the environment
     * @param path a repository path
     * @return true for the environment file and paths under the region's folders
     */
    static boolean inRegion(String environment, String path) {
        return path.equals(Layout.environmentFile(environment))
                || path.equals(RecipientFiles.path(environment))
                || path.equals(TopologyFiles.mappingPath(environment))
                || ReconcilerLayout.environmentFolders(environment).stream()
                        .anyMatch(folder -> path.startsWith(folder + "/"));
    }

    /**
     * Reads an environment's region in a tree: what an environment change's content hash covers.
     *
     * @param git the repository
     * @param tree the tree
     * @param environment the environment
     * @return path to content
     */
    public static SortedMap<String, byte[]> region(GitStore git, TreeId tree, String environment) {
        SortedMap<String, byte[]> files = git.readTreeFolder(tree, Layout.environmentFile(environment));
        files.putAll(git.readTreeFolder(tree, RecipientFiles.path(environment)));
        files.putAll(git.readTreeFolder(tree, TopologyFiles.mappingPath(environment)));
        ReconcilerLayout.environmentFolders(environment)
                .forEach(folder -> files.putAll(git.readTreeFolder(tree, folder)));
        return files;
    }

    /**
     * Lists the stacks recorded in an environment at a commit.
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment
     * @return the stack names
     */
    static List<String> stacks(GitStore git, CommitId commit, String environment) {
        return git.children(commit, "environments/" + environment);
    }

    /**
     * Returns the complete region after the change: the new environment file and every stack of the base
     * rendered again under it.
     *
     * @param git the repository
     * @param base the main-line commit the change starts from
     * @param changed the environment as it is to be
     * @param restoreFrom for a revert, the commit whose Flux Secrets may come back (when the stack's secrets file
     *     there equals the base's); null otherwise
     * @return path to content
     * @throws InvalidProposalException if the change defines a stack's secret variable as a plain variable (an
     *     environment the base does not define yet has no stacks: its region is the environment file alone)
     */
    public static SortedMap<String, byte[]> after(
            GitStore git, CommitId base, Environment changed, @Nullable CommitId restoreFrom) {
        return after(git, base, changed, restoreFrom, null);
    }

    /**
     * Returns the complete region after the change, with the Cluster API mapping the change gives (see {@link
     * TopologyFiles}).
     *
     * @param git the repository
     * @param base the main-line commit the change starts from
     * @param changed the environment as it is to be
     * @param restoreFrom for a revert, the commit whose Flux Secrets may come back; null otherwise
     * @param clusterApi the Cluster API mapping the change gives, or null to keep the recorded one
     * @return path to content
     */
    static SortedMap<String, byte[]> after(
            GitStore git,
            CommitId base,
            Environment changed,
            @Nullable CommitId restoreFrom,
            dev.countersign.render.@Nullable ClusterApiMapping clusterApi) {
        String name = changed.name();
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(Layout.environmentFile(name), NativeLayout.environmentFile(changed));
        git.read(base, RecipientFiles.path(name)).ifPresent(rule -> files.put(RecipientFiles.path(name), rule));
        files.putAll(TopologyFiles.files(git, base, changed, clusterApi));
        for (String stackName : stacks(git, base, name)) {
            files.putAll(stack(git, base, changed, stackName, restoreFrom));
        }
        return files;
    }

    private static SortedMap<String, byte[]> stack(
            GitStore git, CommitId base, Environment env, String stackName, @Nullable CommitId restoreFrom) {
        String folder = Layout.stackFolder(env.name(), stackName);
        Stack stack = StackLayout.stack(git, base, env.name(), stackName)
                .orElseThrow(() -> new InvalidProposalException(folder + " has no " + StackLayout.STACK));
        requireNoSecretVariables(env, stack);
        SortedMap<String, byte[]> byName = new TreeMap<>();
        git.readFolder(base, folder)
                .forEach((path, content) -> byName.put(path.substring(folder.length() + 1), content));
        List<String> names = StackLayout.secretNames(git, base, env.name(), stackName);
        byName.putAll(StackLayout.files(stack, env, new java.util.HashSet<>(names)));
        SortedMap<String, byte[]> files = new TreeMap<>();
        byName.forEach((file, content) -> files.put(Layout.fileIn(folder, file), content));
        files.putAll(RenderedLayout.forDraft(
                git, base, env, stackName, byName, fluxSecret(git, base, env, stackName, restoreFrom)));
        return files;
    }

    private static byte @Nullable [] fluxSecret(
            GitStore git, CommitId base, Environment env, String stack, @Nullable CommitId restoreFrom) {
        if (env.renderer() != RendererChoice.FLUX) {
            return null;
        }
        String path = RenderedLayout.fluxSecret(env.name(), stack);
        byte[] recorded = git.read(base, path).orElse(null);
        if (recorded != null || restoreFrom == null) {
            return recorded;
        }
        String secrets = Layout.fileIn(Layout.stackFolder(env.name(), stack), StackLayout.SECRETS);
        boolean sameSecrets = Arrays.equals(
                git.read(base, secrets).orElse(null),
                git.read(restoreFrom, secrets).orElse(null));
        return sameSecrets ? git.read(restoreFrom, path).orElse(null) : null;
    }

    private static void requireNoSecretVariables(Environment env, Stack stack) {
        List<String> plain = stack.secretVariables().stream()
                .filter(env.variables()::containsKey)
                .toList();
        if (!plain.isEmpty()) {
            throw new InvalidProposalException("environment " + env.name() + " defines " + plain + " as plain"
                    + " variables, but stack " + stack.name() + " uses them at secret places: secret values come"
                    + " only from a human's secrets file");
        }
    }

    /**
     * Lists what a recorded environment change's region holds beyond, or differently from, what rendering the
     * commit's environment file and stacks again writes: each stack's {@code rendered.yaml} and renderer files.
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment
     * @return one entry per path: {@code changed <path>}, {@code missing <path>} or {@code extra <path>}
     */
    static List<String> differences(GitStore git, CommitId commit, String environment) {
        SortedMap<String, byte[]> actual = region(git, git.tree(commit), environment);
        if (git.read(commit, Layout.environmentFile(environment)).isEmpty()) {
            return FileDifferences.compare(new TreeMap<>(), actual);
        }
        Environment env = StackLayout.environment(git, commit, environment);
        SortedMap<String, byte[]> expected = after(git, commit, env, null);
        String file = Layout.environmentFile(environment);
        git.read(commit, file).ifPresent(content -> expected.put(file, content));
        return FileDifferences.compare(expected, actual);
    }
}
