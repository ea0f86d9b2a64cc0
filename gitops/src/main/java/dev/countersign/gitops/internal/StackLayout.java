package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.RenderedStack;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a stack folder: {@code stack.yaml} as proposed, {@code rendered.yaml} as rendered for the
 * environment (secret values redacted), and, when the stack has secrets, {@code secrets.sops.yaml} (the values,
 * sops-encrypted) with {@code secrets.fingerprints.yaml} (their salted fingerprints). The YAML files are in the
 * model's canonical order, so they diff cleanly.
 */
public final class StackLayout {
    /** The stack as proposed. */
    public static final String STACK = "stack.yaml";

    /** The stack as rendered for its environment, secrets redacted. */
    public static final String RENDERED = "rendered.yaml";

    /** The secret values, sops-encrypted to the recipients of the repository's {@code .sops.yaml}. */
    public static final String SECRETS = "secrets.sops.yaml";

    /** The salted fingerprints of the secret values, for reviews. */
    public static final String FINGERPRINTS = "secrets.fingerprints.yaml";

    private StackLayout() {}

    /**
     * Writes the files of a stack for an environment.
     *
     * @param stack the stack as proposed
     * @param environment the environment it is rendered for
     * @return file name to content
     */
    public static SortedMap<String, byte[]> files(Stack stack, Environment environment) {
        return files(stack, environment, Set.of());
    }

    /**
     * Writes the stack and its rendering; secret variables with a value in the secrets file render as
     * {@link RenderedStack#REDACTED} wherever they are used, so no value reaches {@code rendered.yaml}.
     *
     * @param stack the stack as proposed
     * @param environment the environment it is rendered for
     * @param secretNames the secret variables the secrets file holds
     * @return file name to content
     * @throws dev.countersign.stack.UndefinedVariableException if a variable has no value, secrets included
     */
    public static SortedMap<String, byte[]> files(Stack stack, Environment environment, Set<String> secretNames) {
        stack.components().stream().map(Component::name).forEach(name -> Layout.name("component", name));
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(STACK, yaml(stack));
        files.put(
                RENDERED,
                yaml(stack.render(environment, placeholders(secretNames)).redacted()));
        return files;
    }

    /**
     * Returns the render overrides that stand in for secret values: {@link RenderedStack#REDACTED} each.
     *
     * @param secretNames the secret variables the secrets file holds
     * @return name to placeholder
     */
    public static Map<String, Object> placeholders(Collection<String> secretNames) {
        Map<String, Object> placeholders = new TreeMap<>();
        secretNames.forEach(name -> placeholders.put(name, RenderedStack.REDACTED));
        return placeholders;
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
        byte[] text = git.read(commit, path)
                .orElseThrow(() -> new InvalidProposalException("unknown environment '" + environment
                        + "': the repository has no " + path + "; add it with countersign init"));
        return StackFiles.parseEnvironment(new String(text, StandardCharsets.UTF_8), path);
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
        return git.read(commit, path)
                .map(bytes -> StackFiles.parseStack(new String(bytes, StandardCharsets.UTF_8), path));
    }

    private static byte[] yaml(Stack stack) {
        return StackFiles.toYaml(List.of(stack.toTree())).getBytes(StandardCharsets.UTF_8);
    }
}
