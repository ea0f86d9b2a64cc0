package dev.countersign.benchmarks.gitops;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.TreeId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A bare repository of a given number of files, 100 per folder under {@code environments/<env>/<stack>/}
 * (written by {@code git fast-import}, so it is packed as a cloned repository is), recorded into either by
 * the library's record path (tree from the base tree and the changed path, commit, compare-and-swap of
 * {@code main}) or by {@code git} plumbing on the {@code plumbing} branch. Not thread-safe.
 */
final class RecordFixture implements AutoCloseable {
    static final String PATH = "environments/env-00/stack-0000/file-000.yaml";
    private static final String MAIN = "refs/heads/main";
    private static final String PLUMBING = "refs/heads/plumbing";
    private static final PersonIdent RECORDER =
            new PersonIdent("service:countersign", "service-countersign@countersign.invalid");

    private final Path directory;
    private final Path index;
    private final GitStore git;
    private CommitId libraryHead;
    private String plumbingHead;

    private RecordFixture(Path directory, GitStore git, CommitId seed) {
        this.directory = directory;
        this.index = directory.resolve("countersign-temporary-index");
        this.git = git;
        this.libraryHead = seed;
        this.plumbingHead = seed.name();
    }

    /** Creates the repository in a new temporary folder. */
    static RecordFixture create(int files) {
        try {
            Path directory = Files.createTempDirectory("countersign-record-");
            run(directory, List.of("git", "init", "-q", "--bare", directory.toString()), null, null);
            run(directory, List.of("git", "fast-import", "--quiet"), null, fastImport(files));
            String seed = run(directory, List.of("git", "rev-parse", MAIN), null, null);
            run(directory, List.of("git", "update-ref", PLUMBING, seed), null, null);
            return new RecordFixture(directory, GitStore.open(directory), new CommitId(seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fastImport(int files) {
        StringBuilder stream = new StringBuilder("commit refs/heads/main\n")
                .append("committer Seed <seed@example.com> 1764000000 +0000\n")
                .append("data 5\nseed\n");
        for (int i = 0; i < files; i++) {
            String content = "replicas: " + i + "\nimage: registry.example.com/app:" + i + "\n";
            stream.append("M 100644 inline ")
                    .append(path(i))
                    .append("\ndata ")
                    .append(content.getBytes(StandardCharsets.UTF_8).length)
                    .append('\n')
                    .append(content)
                    .append('\n');
        }
        return stream.append("done\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The path of file {@code i}: 100 files per stack folder, 100 stacks per environment. */
    static String path(int i) {
        return String.format(
                java.util.Locale.ROOT, "environments/env-%02d/stack-%04d/file-%03d.yaml", i / 10_000, i / 100, i % 100);
    }

    /**
     * Records one changed file the way the engine does: a tree from the base tree and the changed path
     * only, a commit with trailers, and a compare-and-swap of {@code main}.
     *
     * @return the new tree
     */
    TreeId recordWithLibrary(byte[] content) {
        CommitId head = git.resolve(MAIN).orElseThrow();
        TreeId tree = git.writeTree(head, Map.of(PATH, content));
        CommitId commit = git.commit(tree, List.of(head), RECORDER, RECORDER, message());
        if (!git.compareAndSwap(MAIN, head, commit, "record")) {
            throw new IllegalStateException("main moved during the benchmark");
        }
        libraryHead = commit;
        return tree;
    }

    /**
     * Records the same change with {@code git} plumbing: hash-object, read-tree and update-index on a
     * temporary index, write-tree, commit-tree, update-ref with the expected old value.
     *
     * @return the new tree
     */
    String recordWithGit(byte[] content) {
        try {
            Files.deleteIfExists(index);
            String blob = git(List.of("hash-object", "-w", "--stdin"), content);
            git(List.of("read-tree", plumbingHead), null);
            git(List.of("update-index", "--add", "--cacheinfo", "100644," + blob + "," + PATH), null);
            String tree = git(List.of("write-tree"), null);
            String commit = git(
                    List.of("commit-tree", tree, "-p", plumbingHead, "-F", "-"),
                    message().getBytes(StandardCharsets.UTF_8));
            git(List.of("update-ref", PLUMBING, commit, plumbingHead), null);
            plumbingHead = commit;
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CommitId libraryHead() {
        return libraryHead;
    }

    private String git(List<String> args, byte @org.jspecify.annotations.Nullable [] stdin) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(args);
        return run(directory, command, index, stdin);
    }

    private static String message() {
        return "staging/web: scale up\n\nCountersign-Proposal: p-000000000000\nCountersign-Approved-By: human:alice\n";
    }

    private static String run(
            Path directory,
            List<String> command,
            @org.jspecify.annotations.Nullable Path index,
            byte @org.jspecify.annotations.Nullable [] stdin)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> environment = builder.environment();
        environment.put("GIT_DIR", directory.toString());
        environment.put("GIT_AUTHOR_NAME", RECORDER.getName());
        environment.put("GIT_AUTHOR_EMAIL", RECORDER.getEmailAddress());
        environment.put("GIT_COMMITTER_NAME", RECORDER.getName());
        environment.put("GIT_COMMITTER_EMAIL", RECORDER.getEmailAddress());
        if (index != null) {
            environment.put("GIT_INDEX_FILE", index.toString());
        }
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return out;
    }

    @Override
    public void close() {
        git.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
