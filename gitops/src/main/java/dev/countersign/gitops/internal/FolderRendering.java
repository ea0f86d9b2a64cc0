package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.render.layout.FileDifferences;
import dev.countersign.render.layout.NativeLayout;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A stack folder's own rendering, {@code rendered.yaml}: the stack as rendered for its environment, secrets
 * redacted ({@link NativeLayout#files}), written by the engine from the folder's {@code stack.yaml} and never
 * taken from a draft as given. A draft or record whose {@code rendered.yaml} differs from what its stack renders
 * to (an object the stack does not declare, say) breaks the rendered-files rule like a hand-edited Flux or Argo
 * CD file, and so does a {@code stack.yaml} naming another stack than its folder.
 */
final class FolderRendering {
    private FolderRendering() {}

    /**
     * Returns a draft's folder with its {@code rendered.yaml} rendered from its {@code stack.yaml} for the
     * environment at the base; the folder unchanged when it has no stack or the base does not define the
     * environment.
     *
     * @param git the repository
     * @param base the main-line commit the draft starts from
     * @param environment the environment's name
     * @param folder file name inside the folder to content
     * @return file name inside the folder to content
     */
    static SortedMap<String, byte[]> completed(
            GitStore git, CommitId base, String environment, Map<String, byte[]> folder) {
        SortedMap<String, byte[]> files = new TreeMap<>(folder);
        byte[] stackFile = folder.get(StackLayout.STACK);
        Optional<Environment> env = RenderedLayout.environment(git, base, environment);
        if (stackFile != null && env.isPresent()) {
            Stack stack = StackFiles.parseStack(new String(stackFile, StandardCharsets.UTF_8), StackLayout.STACK);
            List<String> names = SecretFiles.names(folder.getOrDefault(StackLayout.SECRETS, new byte[0]));
            files.put(NativeLayout.RENDERED, rendered(stack, env.get(), names));
        }
        return files;
    }

    /**
     * Lists how a commit's {@code rendered.yaml} of a stack differs from what its {@code stack.yaml} renders to
     * in the environment the commit defines; nothing when it defines none (the stack renders nowhere).
     *
     * @param git the repository
     * @param commit the commit
     * @param environment the environment's name
     * @param stack the stack folder's name
     * @return {@code changed|missing|extra <path>}, and a stack file naming another stack
     */
    static List<String> differences(GitStore git, CommitId commit, String environment, String stack) {
        Optional<Environment> env = RenderedLayout.environment(git, commit, environment);
        if (env.isEmpty()) {
            return List.of();
        }
        String path = Layout.fileIn(Layout.stackFolder(environment, stack), NativeLayout.RENDERED);
        SortedMap<String, byte[]> expected = new TreeMap<>();
        SortedMap<String, byte[]> actual = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        StackLayout.stack(git, commit, environment, stack).ifPresent(parsed -> {
            if (!parsed.name().equals(stack)) {
                problems.add("stack file of folder " + stack + " names stack " + parsed.name());
            }
            List<String> names = StackLayout.secretNames(git, commit, environment, stack);
            expected.put(path, rendered(parsed, env.get(), names));
        });
        git.read(commit, path).ifPresent(content -> actual.put(path, content));
        problems.addAll(FileDifferences.compare(expected, actual));
        return problems;
    }

    private static byte[] rendered(Stack stack, Environment env, List<String> secretNames) {
        return Objects.requireNonNull(
                NativeLayout.files(stack, env, new HashSet<>(secretNames)).get(NativeLayout.RENDERED));
    }
}
