package dev.countersign.gitops.internal;

import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The files of a stack folder: {@code stack.yaml} as proposed and {@code rendered.yaml} as rendered for the
 * environment (secret values redacted). Both are YAML in the model's canonical order, so they diff cleanly.
 */
public final class StackLayout {
    /** The stack as proposed. */
    public static final String STACK = "stack.yaml";

    /** The stack as rendered for its environment, secrets redacted. */
    public static final String RENDERED = "rendered.yaml";

    private StackLayout() {}

    /**
     * Writes the files of a stack for an environment.
     *
     * @param stack the stack as proposed
     * @param environment the environment it is rendered for
     * @return file name to content
     */
    public static SortedMap<String, byte[]> files(Stack stack, Environment environment) {
        stack.components().stream().map(Component::name).forEach(name -> Layout.name("component", name));
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(STACK, yaml(stack));
        files.put(RENDERED, yaml(stack.render(environment).redacted()));
        return files;
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
    public static Environment environment(GitStore git, ObjectId commit, String environment) {
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
    public static Optional<Stack> stack(GitStore git, ObjectId commit, String environment, String stack) {
        String path = Layout.fileIn(Layout.stackFolder(environment, stack), STACK);
        return git.read(commit, path)
                .map(bytes -> StackFiles.parseStack(new String(bytes, StandardCharsets.UTF_8), path));
    }

    private static byte[] yaml(Stack stack) {
        return StackFiles.toYaml(List.of(stack.toTree())).getBytes(StandardCharsets.UTF_8);
    }
}
