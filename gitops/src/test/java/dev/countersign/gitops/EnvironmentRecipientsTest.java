package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Principal;
import dev.countersign.sops.AgeIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An environment's SOPS recipients change by proposal; agents propose, never approve, and never re-encrypt. */
class EnvironmentRecipientsTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path directory;

    @TempDir
    Path keys;

    private final AgeIdentity kept = AgeIdentity.generate(RANDOM);
    private final AgeIdentity removed = AgeIdentity.generate(RANDOM);
    private final AgeIdentity added = AgeIdentity.generate(RANDOM);
    private GitOpsRepository repo;

    @BeforeEach
    void open() {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS, List.of(kept.recipient(), removed.recipient()));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private DecryptionKeys keptKey() throws Exception {
        Path file = keys.resolve("kept.txt");
        Files.writeString(file, kept.revealSecretKey() + "\n");
        return DecryptionKeys.read(file);
    }

    private void recordSecrets() {
        Proposal p = repo.proposer(BOB)
                .propose(
                        "staging",
                        Samples.secured("${api_token}", "1.0.0"),
                        Secrets.of(Map.of("api_token", "tok-PLAIN", "admin_password", "pw-PLAIN")),
                        "add secured",
                        List.of());
        repo.reviewer(ALICE).approve(p.id());
    }

    private String main(String path) {
        try (GitStore git = GitStore.open(directory)) {
            return git.read(git.resolve("refs/heads/main").orElseThrow(), path)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .orElse("<absent>");
        }
    }

    @Test
    void aHumanRemovesARecipientRotatingTheSecretsInOneReviewedRecord() throws Exception {
        recordSecrets();
        String before = main("environments/staging/secured/secrets.sops.yaml");

        Proposal p = repo.proposer(BOB)
                .proposeRecipients(
                        "staging",
                        List.of(added.recipient()),
                        List.of(removed.recipient()),
                        keptKey(),
                        "offboard",
                        List.of());
        assertThat(repo.environmentReview(p.id()).change()).isEqualTo("recipients");
        assertThat(p.changedPaths())
                .contains(".countersign/recipients/staging.sops.yaml", "environments/staging/secured/secrets.sops.yaml")
                .doesNotContain("environments/staging/secured/fingerprints.yaml", ".sops.yaml");
        assertThat(repo.reviewer(ALICE).approve(p.id()).state()).isEqualTo(ProposalState.RECORDED);

        String after = main("environments/staging/secured/secrets.sops.yaml");
        assertThat(after)
                .isNotEqualTo(before)
                .contains(kept.recipient(), added.recipient())
                .doesNotContain(removed.recipient(), "tok-PLAIN");
        assertThat(main(".countersign/recipients/staging.sops.yaml")).doesNotContain(removed.recipient());
        assertThat(repo.verify(null).findings()).isEmpty();
    }

    @Test
    void aStackProposedAfterTheChangeIsEncryptedToTheNewRecipients() throws Exception {
        Proposal p = repo.proposer(BOB)
                .proposeRecipients(
                        "staging", List.of(), List.of(removed.recipient()), DecryptionKeys.none(), "", List.of());
        repo.reviewer(ALICE).approve(p.id());

        recordSecrets();

        assertThat(main("environments/staging/secured/secrets.sops.yaml"))
                .contains(kept.recipient())
                .doesNotContain(removed.recipient());
        assertThat(main(".sops.yaml")).contains(removed.recipient());
        assertThat(repo.verify(null).findings()).isEmpty();
    }

    @Test
    void anAgentMayProposeARemovalButNeverApproveIt() {
        Proposal p = repo.proposer(AGENT)
                .proposeRecipients(
                        "production", List.of(), List.of(removed.recipient()), DecryptionKeys.none(), "", List.of());

        assertThatThrownBy(() -> repo.reviewer(AGENT).approve(p.id())).isInstanceOf(ActionDeniedException.class);
        assertThat(repo.proposal(p.id()).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(main(".countersign/recipients/production.sops.yaml")).isEqualTo("<absent>");
    }

    @Test
    void anAgentCannotReEncryptAnEnvironmentsSecrets() throws Exception {
        recordSecrets();
        DecryptionKeys key = keptKey();

        assertThatThrownBy(() -> repo.proposer(AGENT)
                        .proposeRecipients("staging", List.of(), List.of(removed.recipient()), key, "", List.of()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("secrets-from-humans"));
        assertThat(repo.proposals(null)).hasSize(1);
    }

    @Test
    void refusesUnknownOrDuplicateRecipientsAndAnEmptySet() {
        DecryptionKeys none = DecryptionKeys.none();

        assertThatThrownBy(() -> repo.proposer(BOB)
                        .proposeRecipients("staging", List.of(), List.of(added.recipient()), none, "", List.of()))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("cannot remove recipient");
        assertThatThrownBy(() -> repo.proposer(BOB)
                        .proposeRecipients("staging", List.of(kept.recipient()), List.of(), none, "", List.of()))
                .hasMessageContaining("already");
        assertThatThrownBy(() -> repo.proposer(BOB)
                        .proposeRecipients(
                                "staging",
                                List.of(),
                                List.of(kept.recipient(), removed.recipient()),
                                none,
                                "",
                                List.of()))
                .hasMessageContaining("no recipients left");
        assertThat(repo.proposals(null)).isEmpty();
    }

    @Test
    void keysThatOpenNoFileRefuseTheChangeWithoutQuotingThem() {
        recordSecrets();

        assertThatThrownBy(() -> repo.proposer(BOB)
                        .proposeRecipients(
                                "staging",
                                List.of(),
                                List.of(removed.recipient()),
                                DecryptionKeys.none(),
                                "",
                                List.of()))
                .isInstanceOf(GitOpsException.class)
                .hasMessageContaining("cannot re-encrypt")
                .hasMessageNotContaining("AGE-SECRET-KEY");
        assertThat(repo.proposals(null)).hasSize(1);
    }
}
