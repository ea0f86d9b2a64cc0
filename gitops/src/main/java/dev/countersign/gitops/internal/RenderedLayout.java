package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.render.RenderException;
import dev.countersign.render.layout.ReconcilerLayout;
import dev.countersign.render.spi.ProtectedObjects;
import dev.countersign.sops.CreationRules;
import dev.countersign.sops.EncryptOptions;
import dev.countersign.sops.Recipient;
import dev.countersign.stack.Environment;
import dev.countersign.stack.RendererChoice;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The files an environment's renderer ({@code spec.renderer: flux | argocd}) records for a stack beside its
 * folder, in the same commit ({@link ReconcilerLayout}), read from and rendered against Git. They are rendered
 * from the stack folder, the environment file and the repository's {@code .sops.yaml} alone, so the verifier
 * renders them again from any recorded commit.
 */
public final class RenderedLayout {
    private static final Path ROOT = Path.of("/countersign-repository");

    private RenderedLayout() {}

    /**
     * Returns the Flux sops rules every stack of an environment shares: {@link ReconcilerLayout#sharedRules}.
     *
     * @param environment the environment
     * @return {@code apps/<env>/.sops.yaml}
     */
    public static String sharedRules(String environment) {
        return ReconcilerLayout.sharedRules(environment);
    }

    /**
     * Returns the path of a stack's sops-encrypted Flux {@code Secret}: {@link ReconcilerLayout#fluxSecret}.
     *
     * @param environment the environment
     * @param stack the stack
     * @return {@code apps/<env>/<stack>/secrets/secret.sops.yaml}
     */
    public static String fluxSecret(String environment, String stack) {
        return ReconcilerLayout.fluxSecret(environment, stack);
    }

    /**
     * Tells whether a path belongs to a stack's rendered files, under any renderer: {@link ReconcilerLayout#owns}.
     *
     * @param environment the environment
     * @param stack the stack
     * @param path a repository path
     * @return true for the stack's own Flux and Argo CD paths
     */
    public static boolean owns(String environment, String stack, String path) {
        return ReconcilerLayout.owns(environment, stack, path);
    }

    /**
     * Reads the files a stack owns in a tree (not the shared rules).
     *
     * @param git the repository
     * @param tree the tree
     * @param environment the environment
     * @param stack the stack
     * @return path to content
     */
    public static SortedMap<String, byte[]> owned(GitStore git, TreeId tree, String environment, String stack) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        ReconcilerLayout.regions(environment, stack).forEach(region -> files.putAll(git.readTreeFolder(tree, region)));
        return files;
    }

    /**
     * Returns the content a proposal's hash covers: its stack folder and the files the stack owns.
     *
     * @param git the repository
     * @param tree the tree
     * @param environment the environment
     * @param stack the stack
     * @return path to content
     */
    public static SortedMap<String, byte[]> hashed(GitStore git, TreeId tree, String environment, String stack) {
        SortedMap<String, byte[]> files = git.readTreeFolder(tree, Layout.stackFolder(environment, stack));
        files.putAll(owned(git, tree, environment, stack));
        return files;
    }

    /**
     * Renders a stack's files for its environment; none for the native layout or a removed stack.
     *
     * @param env the environment
     * @param stack the stack, or null when the folder is removed
     * @param secretNames the secret variables the secrets file holds
     * @param fluxSecret whether the stack's Flux Secret holds them (Flux then references them)
     * @param sopsConfig the repository's {@code .sops.yaml}, or null
     * @param protection what the policy protects: those objects carry the reconciler's opt-out of deletion
     * @return path to content
     * @throws GitOpsException if the environment's renderer options or the stack break a rule of its layout
     */
    public static SortedMap<String, byte[]> render(
            Environment env,
            @Nullable Stack stack,
            Collection<String> secretNames,
            boolean fluxSecret,
            byte @Nullable [] sopsConfig,
            ProtectedObjects protection) {
        try {
            return ReconcilerLayout.render(
                    env, stack, secretNames, fluxSecret, ageRecipients(env, sopsConfig), protection);
        } catch (RenderException e) {
            throw new GitOpsException(String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * Renders a stack's files from what a commit records: its folder, the environment, the sops rules, and
     * whether its Flux Secret is there.
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment's name
     * @param stack the stack's name
     * @return path to content
     */
    public static SortedMap<String, byte[]> expected(GitStore git, CommitId commit, String environment, String stack) {
        Optional<Environment> defined = environment(git, commit, environment);
        if (defined.isEmpty() || defined.get().renderer() == RendererChoice.NATIVE) {
            return new TreeMap<>();
        }
        Environment env = defined.get();
        return render(
                env,
                StackLayout.stack(git, commit, environment, stack).orElse(null),
                StackLayout.secretNames(git, commit, environment, stack),
                git.read(commit, fluxSecret(environment, stack)).isPresent(),
                RecipientFiles.config(git, commit, environment),
                PolicyProtection.at(git, commit));
    }

    /**
     * Returns the rendered files of a draft, its Flux Secret, and the shared rules as they must be after it.
     *
     * @param git the repository
     * @param base the main-line commit the draft starts from
     * @param environment the environment's name; none rendered when the base does not define it
     * @param stackName the stack's name
     * @param folder the draft's stack folder, by name inside it
     * @param secret the stack's Flux Secret, or null for none
     * @return repository path to content
     */
    static SortedMap<String, byte[]> forDraft(
            GitStore git,
            CommitId base,
            String environment,
            String stackName,
            Map<String, byte[]> folder,
            byte @Nullable [] secret) {
        Optional<Environment> defined = environment(git, base, environment);
        if (defined.isEmpty() || defined.get().renderer() == RendererChoice.NATIVE) {
            return new TreeMap<>();
        }
        return forDraft(git, base, defined.get(), stackName, folder, secret);
    }

    /**
     * Reads an environment's definition at a commit, if the commit has one.
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment's name
     * @return the environment, or empty
     */
    static Optional<Environment> environment(GitStore git, CommitId commit, String environment) {
        String path = Layout.environmentFile(environment);
        return git.parsed()
                .read(
                        commit,
                        path,
                        Environment.class,
                        text -> StackFiles.parseEnvironment(new String(text, StandardCharsets.UTF_8), path));
    }

    /**
     * Returns the rendered files of a draft for an environment as given (not necessarily the recorded one).
     *
     * @param git the repository
     * @param base the main-line commit the draft starts from
     * @param env the environment
     * @param stackName the stack's name
     * @param folder the draft's stack folder, by name inside it
     * @param secret the stack's Flux Secret, or null for none
     * @return repository path to content
     */
    static SortedMap<String, byte[]> forDraft(
            GitStore git,
            CommitId base,
            Environment env,
            String stackName,
            Map<String, byte[]> folder,
            byte @Nullable [] secret) {
        Stack stack = draftStack(env, stackName, folder);
        List<String> names = SecretFiles.names(folder.getOrDefault(StackLayout.SECRETS, new byte[0]));
        boolean keepSecret =
                secret != null && stack != null && !names.isEmpty() && env.renderer() == RendererChoice.FLUX;
        SortedMap<String, byte[]> files = render(
                env,
                stack,
                names,
                keepSecret,
                RecipientFiles.config(git, base, env.name()),
                PolicyProtection.at(git, base));
        if (keepSecret) {
            files.put(fluxSecret(env.name(), stackName), secret);
        }
        keepSharedRules(git, base, env, stackName, files);
        return files;
    }

    private static @Nullable Stack draftStack(Environment env, String stackName, Map<String, byte[]> folder) {
        String path = Layout.fileIn(Layout.stackFolder(env.name(), stackName), StackLayout.STACK);
        byte[] stackFile = folder.get(StackLayout.STACK);
        return stackFile == null ? null : StackFiles.parseStack(new String(stackFile, StandardCharsets.UTF_8), path);
    }

    /** Keeps the environment's recorded shared rules when the draft renders none but other stacks remain. */
    private static void keepSharedRules(
            GitStore git, CommitId base, Environment env, String stackName, SortedMap<String, byte[]> files) {
        String shared = sharedRules(env.name());
        Optional<byte[]> recorded = git.read(base, shared);
        if (!files.containsKey(shared) && recorded.isPresent() && othersRemain(git, base, env, stackName)) {
            files.put(shared, recorded.get());
        }
    }

    private static boolean othersRemain(GitStore git, CommitId base, Environment env, String stack) {
        return env.renderer() == RendererChoice.FLUX
                && git.children(base, "environments/" + env.name()).stream().anyMatch(name -> !name.equals(stack));
    }

    /**
     * Returns the age recipients the repository's rules name for an environment's secrets files.
     *
     * @param env the environment
     * @param sopsConfig the repository's {@code .sops.yaml}, or null
     * @return the {@code age1…} keys; empty without rules
     */
    static List<String> ageRecipients(Environment env, byte @Nullable [] sopsConfig) {
        if (sopsConfig == null) {
            return List.of();
        }
        String probe = Layout.fileIn(Layout.stackFolder(env.name(), "stack"), StackLayout.SECRETS);
        return CreationRules.parse(ROOT, sopsConfig)
                .optionsFor(ROOT.resolve(probe))
                .map(EncryptOptions::keyGroups)
                .map(groups -> groups.groups().stream()
                        .flatMap(List::stream)
                        .filter(r -> r.type().equals("age"))
                        .map(Recipient::id)
                        .toList())
                .orElse(List.of());
    }
}
