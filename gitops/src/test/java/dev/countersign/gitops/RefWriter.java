package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An agent with a shell and write access to the repository's refs, using the real {@code git}: it builds
 * commits with plumbing commands and moves {@code refs/countersign/*} as it likes.
 */
final class RefWriter {
    private final Path repository;
    private final Path scratch;

    RefWriter(Path repository, Path scratch) {
        this.repository = repository;
        this.scratch = scratch;
    }

    /** Writes a commit whose tree is {@code from}'s with some files replaced, whose parent is {@code parent}. */
    String commit(String from, String parent, Map<String, String> files) throws Exception {
        Path index = Files.createTempFile(scratch, "index", "");
        Files.delete(index);
        git(index, "read-tree", from);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path content = Files.createTempFile(scratch, "blob", "");
            Files.writeString(content, file.getValue());
            String blob = git(null, "hash-object", "-w", content.toString()).strip();
            git(index, "update-index", "--add", "--cacheinfo", "100644," + blob + "," + file.getKey());
        }
        String tree = git(index, "write-tree").strip();
        return git(null, "commit-tree", tree, "-p", parent, "-m", "draft").strip();
    }

    /** Rewrites a proposal's metadata as the agent likes, and moves its ref there. */
    void rewriteMetadata(String id, java.util.function.UnaryOperator<String> edit) throws Exception {
        String ref = "refs/countersign/proposals/" + id;
        String old = git(null, "rev-parse", ref).strip();
        String json = edit.apply(git(null, "show", old + ":proposal.json"));
        String metadata = commit(old, old, Map.of("proposal.json", json));
        git(null, "update-ref", ref, metadata, old);
    }

    /** Every ref and the number of objects: what "nothing landed" compares. */
    String state() throws Exception {
        return git(null, "for-each-ref", "--format=%(refname) %(objectname)")
                + git(null, "count-objects", "-v")
                        .lines()
                        .filter(line -> line.startsWith("count") || line.startsWith("in-pack"))
                        .toList();
    }

    String git(Path index, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 4];
        command[0] = "env";
        command[1] = index == null ? "GIT_INDEX_FILE=" + scratch.resolve("unused-index") : "GIT_INDEX_FILE=" + index;
        command[2] = "git";
        command[3] = "--git-dir=" + repository;
        System.arraycopy(arguments, 0, command, 4, arguments.length);
        Processes.Result result = Processes.run(scratch, command);
        assertThat(result.code())
                .as("git %s: %s", String.join(" ", arguments), result.err())
                .isZero();
        return result.out();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
