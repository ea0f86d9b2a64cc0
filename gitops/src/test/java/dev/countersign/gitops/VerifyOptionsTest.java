package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyOptionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");

    @TempDir
    Path directory;

    @TempDir
    Path outside;

    private GitOpsRepository repo;
    private Path file;

    @BeforeEach
    void open() {
        repo = GitOpsRepository.open(directory.resolve("repo"), CLOCK, new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
        file = outside.resolve("checkpoint");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private String record(String stack) {
        Stack web = Samples.web("1.0.0");
        Proposal proposed = repo.proposer(AGENT)
                .propose("staging", new Stack(stack, web.variables(), web.components()), "add " + stack, List.of());
        return Objects.requireNonNull(
                repo.reviewer(ALICE).approve(proposed.id()).recordedCommit());
    }

    private Verification verifyWithFile() {
        return repo.verifyWith(VerifyOptions.fromRoot().withCheckpointFile(file));
    }

    private String checkpoint() throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    @Nested
    class CheckpointFile {
        @Test
        void startsAtTheRootWhenMissingAndAdvancesToTheHeadWhenClean() throws Exception {
            String first = record("web");

            Verification verification = verifyWithFile();

            assertThat(verification.findings()).isEmpty();
            assertThat(verification.commitsChecked()).isEqualTo(2);
            assertThat(checkpoint()).isEqualTo(first);
        }

        @Test
        void checksOnlyTheCommitsAfterTheCheckpointOnTheNextRun() throws Exception {
            record("web");
            verifyWithFile();
            String second = record("api");

            Verification verification = verifyWithFile();

            assertThat(verification.commitsChecked()).isEqualTo(1);
            assertThat(verification.head()).isEqualTo(second);
            assertThat(checkpoint()).isEqualTo(second);
        }

        @Test
        void catchesAForcePushThatRewroteHistoryAndKeepsTheFile() throws Exception {
            String first = record("web");
            String second = record("api");
            verifyWithFile();
            forceMain(first);
            String rewritten = record("db");

            Verification verification = verifyWithFile();

            assertThat(verification.findings())
                    .singleElement()
                    .satisfies(f -> assertThat(f.rule()).isEqualTo("checkpoint-not-ancestor"))
                    .satisfies(f -> assertThat(f.commit()).isEqualTo(second));
            assertThat(verification.head()).isEqualTo(rewritten);
            assertThat(checkpoint()).isEqualTo(second);
        }

        @Test
        void reportsACheckpointThatIsNotInTheRepositoryAsRewrittenHistory() throws Exception {
            String unknown = "0123456789abcdef0123456789abcdef01234567";
            Files.writeString(file, unknown + "\n");

            Verification verification = verifyWithFile();

            assertThat(verification.findings()).extracting(Finding::rule).containsExactly("checkpoint-not-ancestor");
            assertThat(checkpoint()).isEqualTo(unknown);
        }

        @Test
        void doesNotAdvancePastFindings() throws Exception {
            record("web");
            verifyWithFile();
            String before = checkpoint();
            forceMain(slipIn());

            Verification verification = verifyWithFile();

            assertThat(verification.findings()).extracting(Finding::rule).contains("missing-trailers");
            assertThat(checkpoint()).isEqualTo(before);
        }

        @Test
        void refusesAFileThatHoldsNoCommitId() throws Exception {
            Files.writeString(file, "main\n");

            assertThatThrownBy(VerifyOptionsTest.this::verifyWithFile)
                    .isInstanceOf(GitOpsException.class)
                    .hasMessageContaining("does not hold a commit id");
        }
    }

    @Test
    void refusesBothACheckpointAndACheckpointFile() {
        assertThatThrownBy(() -> VerifyOptions.fromRoot().withCheckpoint("main").withCheckpointFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void verifiesFromACheckpointCommitAsTheOneArgumentVerifyDoes() {
        String first = record("web");
        record("api");

        Verification verification = repo.verifyWith(VerifyOptions.fromRoot().withCheckpoint(first));

        assertThat(verification.commitsChecked()).isEqualTo(1);
        assertThat(verification.checkpoint()).isEqualTo(first);
    }

    /** Moves main as a force-push would, whatever it pointed at before. */
    private void forceMain(String commit) throws Exception {
        try (Repository git = new FileRepositoryBuilder()
                .setGitDir(directory.resolve("repo").toFile())
                .build()) {
            RefUpdate update = git.updateRef("refs/heads/main");
            update.setNewObjectId(ObjectId.fromString(commit));
            update.setForceUpdate(true);
            assertThat(update.update()).isIn(RefUpdate.Result.FORCED, RefUpdate.Result.FAST_FORWARD);
        }
    }

    /** Writes a plain commit on top of main, as {@code git commit} would: no trailers. */
    private String slipIn() throws Exception {
        try (Repository git = new FileRepositoryBuilder()
                        .setGitDir(directory.resolve("repo").toFile())
                        .build();
                org.eclipse.jgit.lib.ObjectInserter inserter = git.newObjectInserter()) {
            ObjectId head = git.resolve("refs/heads/main");
            org.eclipse.jgit.lib.CommitBuilder commit = new org.eclipse.jgit.lib.CommitBuilder();
            commit.setTreeId(git.parseCommit(head).getTree());
            commit.setParentId(head);
            org.eclipse.jgit.lib.PersonIdent mallory =
                    new org.eclipse.jgit.lib.PersonIdent("mallory", "mallory@example.com");
            commit.setAuthor(mallory);
            commit.setCommitter(mallory);
            commit.setMessage("quick fix");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id.name();
        }
    }
}
