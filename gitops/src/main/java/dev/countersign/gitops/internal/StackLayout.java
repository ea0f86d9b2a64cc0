package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.render.layout.NativeLayout;
import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * A stack folder in Git: its files ({@link NativeLayout}) written after a check of their names, and the stack,
 * its environment and its secret names read back from a commit.
 */
public final class StackLayout {
    /** The stack as proposed: {@link NativeLayout#STACK}. */
    public static final String STACK = NativeLayout.STACK;

    /** The secret values, sops-encrypted: {@link NativeLayout#SECRETS}. */
    public static final String SECRETS = NativeLayout.SECRETS;

    /** The salted fingerprints of the secret values: {@link NativeLayout#FINGERPRINTS}. */
    public static final String FINGERPRINTS = NativeLayout.FINGERPRINTS;

    private StackLayout() {}

    /**
     * Writes the stack and its rendering ({@link NativeLayout#files}), after checking its component names.
     *
     * @param stack the stack as proposed
     * @param environment the environment it is rendered for
     * @param secretNames the secret variables the secrets file holds
     * @return file name to content
     * @throws InvalidProposalException if a component name could escape its folder
     * @throws dev.countersign.stack.UndefinedVariableException if a variable has no value, secrets included
     */
    public static SortedMap<String, byte[]> files(Stack stack, Environment environment, Set<String> secretNames) {
        stack.components().stream().map(Component::name).forEach(name -> Layout.name("component", name));
        return NativeLayout.files(stack, environment, secretNames);
    }

    /**
     * Reads the names of the secrets recorded in a folder at a commit.
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment
     * @param stack the stack's name
     * @return the names in its secrets file, or none
     */
    public static List<String> secretNames(GitStore git, CommitId commit, String environment, String stack) {
        return git.read(commit, Layout.fileIn(Layout.stackFolder(environment, stack), SECRETS))
                .map(SecretFiles::names)
                .orElse(List.of());
    }

    /**
     * Reads an environment's definition at a commit.
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment's name
     * @return the environment
     * @throws InvalidProposalException if the repository does not define it
     */
    public static Environment environment(GitStore git, CommitId commit, String environment) {
        String path = Layout.environmentFile(environment);
        return git.parsed()
                .read(
                        commit,
                        path,
                        Environment.class,
                        text -> StackFiles.parseEnvironment(new String(text, StandardCharsets.UTF_8), path))
                .orElseThrow(() -> new InvalidProposalException("unknown environment '" + environment
                        + "': the repository has no " + path
                        + "; propose adding it with countersign propose-environment FILE"));
    }

    /**
     * Reads the stack recorded in a folder at a commit.
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment
     * @param stack the stack's name
     * @return the stack, or empty when the commit has none there
     */
    public static Optional<Stack> stack(GitStore git, CommitId commit, String environment, String stack) {
        String path = Layout.fileIn(Layout.stackFolder(environment, stack), STACK);
        return git.parsed()
                .read(
                        commit,
                        path,
                        Stack.class,
                        bytes -> StackFiles.parseStack(new String(bytes, StandardCharsets.UTF_8), path));
    }
}
