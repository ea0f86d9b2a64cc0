package dev.countersign.gitops.internal.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.CommitId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jgit.lib.PersonIdent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files parsed once per blob: the same answers as reading and parsing every time, with fewer parses. */
class ParsedBlobsTest {
    private static final PersonIdent WHO = Idents.of("service:test", java.time.Instant.parse("2026-11-24T10:00:00Z"));

    @TempDir
    Path temp;

    private GitStore git;
    private final AtomicInteger parses = new AtomicInteger();

    @BeforeEach
    void open() {
        git = GitStore.open(temp.resolve("repo"));
    }

    @AfterEach
    void close() {
        git.close();
    }

    private CommitId commit(@Nullable CommitId parent, Map<String, byte @Nullable []> edits) {
        TreeId tree = git.writeTree(parent, edits);
        return git.commit(tree, parent == null ? List.of() : List.of(parent), WHO, WHO, "change\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private final Function<byte[], String> parser = content -> {
        parses.incrementAndGet();
        return new String(content, StandardCharsets.UTF_8).strip();
    };

    @Test
    void parsesAFileOnceWhileItsBlobStaysTheSameAcrossCommits() {
        CommitId first = commit(null, Map.of("env/a.yaml", bytes("a: 1"), "env/b.yaml", bytes("b: 1")));
        CommitId second = commit(first, Map.of("env/b.yaml", bytes("b: 2")));

        assertThat(git.parsed().read(first, "env/a.yaml", String.class, parser)).contains("a: 1");
        assertThat(git.parsed().read(second, "env/a.yaml", String.class, parser))
                .contains("a: 1");
        assertThat(git.parsed().read(first, "env/b.yaml", String.class, parser)).contains("b: 1");
        assertThat(git.parsed().read(second, "env/b.yaml", String.class, parser))
                .contains("b: 2");

        assertThat(parses).hasValue(3);
    }

    @Test
    void answersAsReadDoesForMissingPathsFoldersAndFilesInTheWay() {
        CommitId commit = commit(null, Map.of("env/a.yaml", bytes("a: 1"), "file", bytes("x")));
        Map<String, @Nullable String> expected = new HashMap<>();
        Map<String, @Nullable String> actual = new HashMap<>();
        for (String path : List.of("env/a.yaml", "env/missing.yaml", "missing/a.yaml", "file", "file/below", "env")) {
            expected.put(
                    path,
                    git.read(commit, path)
                            .map(b -> new String(b, StandardCharsets.UTF_8).strip())
                            .orElse(null));
            actual.put(
                    path, git.parsed().read(commit, path, String.class, parser).orElse(null));
        }

        assertThat(actual).isEqualTo(expected);
        assertThat(actual.get("env")).isNotNull();
        assertThat(actual.get("file/below")).isNull();
    }

    @Test
    void keepsAParseByTypeAndPathAsWellAsByBlob() {
        CommitId commit = commit(null, Map.of("a.yaml", bytes("same"), "b.yaml", bytes("same")));

        git.parsed().read(commit, "a.yaml", String.class, parser);
        git.parsed().read(commit, "b.yaml", String.class, parser);
        assertThat(git.parsed().read(commit, "a.yaml", Object.class, content -> {
                    parses.incrementAndGet();
                    return 42;
                }))
                .contains(42);

        assertThat(parses).hasValue(3);
    }

    @Test
    void keepsNoFailedParse() {
        CommitId commit = commit(null, Map.of("a.yaml", bytes("broken")));
        Function<byte[], String> failing = content -> {
            parses.incrementAndGet();
            throw new IllegalStateException("cannot parse");
        };

        assertThatThrownBy(() -> git.parsed().read(commit, "a.yaml", String.class, failing))
                .hasMessage("cannot parse");
        assertThatThrownBy(() -> git.parsed().read(commit, "a.yaml", String.class, failing))
                .hasMessage("cannot parse");

        assertThat(parses).hasValue(2);
    }
}
