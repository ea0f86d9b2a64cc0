package dev.countersign.gitops.internal.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.CommitId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.PersonIdent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeEditsTest {
    private static final PersonIdent WHO = new PersonIdent("test", "test@example.com");

    @TempDir
    Path directory;

    private GitStore git;

    @BeforeEach
    void open() {
        git = GitStore.open(directory);
    }

    @AfterEach
    void close() {
        git.close();
    }

    private CommitId commit(@Nullable CommitId parent, Map<String, byte @Nullable []> edits) {
        TreeId tree = git.writeTree(parent, edits);
        return git.commit(tree, parent == null ? List.of() : List.of(parent), WHO, WHO, "edit");
    }

    private static Map<String, byte @Nullable []> edits(String... pathsAndContents) {
        Map<String, byte @Nullable []> edits = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            String content = pathsAndContents[i + 1];
            edits.put(pathsAndContents[i], content == null ? null : content.getBytes(StandardCharsets.UTF_8));
        }
        return edits;
    }

    private SortedMap<String, String> files(CommitId commit) {
        SortedMap<String, String> files = new TreeMap<>();
        for (String path : git.changedPaths(null, commit)) {
            files.put(path, new String(git.read(commit, path).orElseThrow(), StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void replacesAddsAndRemovesPathsKeepingTheRest() {
        CommitId base = commit(null, edits("a/b/c.yaml", "1", "a/b/d.yaml", "2", "a/e.yaml", "3", "f.yaml", "4"));

        CommitId next = commit(base, edits("a/b/c.yaml", "one", "a/b/d.yaml", null, "a/x/y/z.yaml", "new", "g", "5"));

        assertThat(files(next))
                .containsExactly(
                        Map.entry("a/b/c.yaml", "one"),
                        Map.entry("a/e.yaml", "3"),
                        Map.entry("a/x/y/z.yaml", "new"),
                        Map.entry("f.yaml", "4"),
                        Map.entry("g", "5"));
    }

    @Test
    void dropsFoldersLeftEmptyAndKeepsAnEmptyRootTree() {
        CommitId base = commit(null, edits("a/b/c.yaml", "1"));

        CommitId next = commit(base, edits("a/b/c.yaml", null));

        assertThat(files(next)).isEmpty();
        assertThat(git.changedPaths(base, next)).containsExactly("a/b/c.yaml");
    }

    @Test
    void reusesUntouchedSubtreesById() {
        CommitId base = commit(null, edits("big/one.yaml", "1", "big/two.yaml", "2", "small/x.yaml", "3"));

        CommitId next = commit(base, edits("small/x.yaml", "4"));

        assertThat(git.changedPaths(base, next)).containsExactly("small/x.yaml");
        assertThat(subtree(next, "big")).isEqualTo(subtree(base, "big"));
    }

    @Test
    void writesTreesInGitOrderSoThatFsckAccepts() throws Exception {
        CommitId base = commit(null, edits("a-b", "1", "a.b", "2", "a0", "3", "a/c", "4"));
        commit(base, edits("a/d", "5", "a=", "6", "a/c", null));

        Process fsck = new ProcessBuilder("git", "--git-dir=" + directory, "fsck", "--strict", "--no-dangling")
                .redirectErrorStream(true)
                .start();
        String out = new String(fsck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(fsck.waitFor()).as(out).isZero();
        assertThat(out).doesNotContain("treeNotSorted");
    }

    private String subtree(CommitId commit, String folder) {
        try (org.eclipse.jgit.lib.Repository repository = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                        .setGitDir(directory.toFile())
                        .build();
                org.eclipse.jgit.treewalk.TreeWalk walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(
                        repository,
                        folder,
                        repository
                                .parseCommit(org.eclipse.jgit.lib.ObjectId.fromString(commit.name()))
                                .getTree())) {
            return walk.getObjectId(0).name();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
