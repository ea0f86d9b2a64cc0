package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed forms of {@link GitOpsRepository}: a parsed policy at {@code initialize}, {@code verify()}. */
class GitOpsRepositoryOverloadsTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final String SPELLED_BY_HAND = "# the team's policy, as written\r\n"
            + Samples.POLICY.replace("\n", "\r\n").replace("{name: acme}", "{ name: acme }");

    @TempDir
    Path directory;

    @Test
    void initializesFromAParsedPolicyStoringItsTextByteForByte() throws Exception {
        Path typed = directory.resolve("typed");
        Path text = directory.resolve("text");
        String typedRoot = initialize(
                typed, repo -> repo.initialize(ALICE, Policy.parse(SPELLED_BY_HAND), Samples.ENVIRONMENTS, List.of()));
        String textRoot =
                initialize(text, repo -> repo.initialize(ALICE, SPELLED_BY_HAND, Samples.ENVIRONMENTS, List.of()));

        assertThat(policyFile(typed)).isEqualTo(SPELLED_BY_HAND);
        assertThat(policyFile(typed)).isEqualTo(policyFile(text));
        assertThat(typedRoot).isEqualTo(textRoot);
    }

    @Test
    void initializesFromAParsedPolicyWithoutRecipientsLikeTheTextForm() {
        try (GitOpsRepository repository = GitOpsRepository.open(directory, CLOCK, new SecureRandom())) {
            repository.initialize(ALICE, Policy.parse(Samples.POLICY), Samples.ENVIRONMENTS);

            assertThat(repository.policy().hash())
                    .isEqualTo(Policy.parse(Samples.POLICY).hash());
            assertThat(repository.policy().source()).isEqualTo(Samples.POLICY);
            assertThatThrownBy(() -> repository.initialize(ALICE, Policy.parse(Samples.POLICY), Samples.ENVIRONMENTS))
                    .isInstanceOf(GitOpsException.class);
        }
    }

    @Test
    void verifiesFromTheRootWithoutANullCheckpoint() {
        try (GitOpsRepository repository = GitOpsRepository.open(directory, CLOCK, new SecureRandom())) {
            String root = repository.initialize(ALICE, Policy.parse(Samples.POLICY), Samples.ENVIRONMENTS);
            Proposal proposed = repository
                    .proposer(AGENT)
                    .propose(ProposalRequest.of("staging", Samples.web("1.0.0")).rationale("add web"));
            String recorded = repository.reviewer(ALICE).approve(proposed.id()).recordedCommit();

            Verification fromRoot = repository.verify();

            assertThat(fromRoot.isClean()).isTrue();
            assertThat(fromRoot.head()).isEqualTo(recorded);
            assertThat(fromRoot.checkpoint()).isEmpty();
            assertThat(fromRoot.commitsChecked()).isEqualTo(2);
            assertThat(repository.verify(root).commitsChecked()).isEqualTo(1);
        }
    }

    private static String initialize(Path directory, java.util.function.Function<GitOpsRepository, String> how) {
        try (GitOpsRepository repository = GitOpsRepository.open(directory, CLOCK, new SecureRandom())) {
            return how.apply(repository);
        }
    }

    private static String policyFile(Path directory) throws Exception {
        try (Git git = Git.open(directory.toFile())) {
            Repository repository = git.getRepository();
            ObjectId tree = repository
                    .parseCommit(repository.resolve("refs/heads/main"))
                    .getTree()
                    .getId();
            try (TreeWalk walk = TreeWalk.forPath(repository, ".countersign/policy.yaml", tree)) {
                return new String(repository.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
