package dev.countersign.gitops.issues;

import static dev.countersign.gitops.issues.Issue18Fixture.CAROL;
import static dev.countersign.gitops.issues.Issue18Fixture.FORGE;
import static dev.countersign.gitops.issues.Issue18Fixture.INES;
import static dev.countersign.gitops.issues.Issue18Fixture.secured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Secrets;
import dev.countersign.sops.AgeIdentity;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, secrets: a revert or revision that brings back an earlier secret value is a secret change. */
class Issue18SecretsTest {
    private static final Secrets LEAKED = Secrets.of(Map.of("admin_password", "pw-PLAIN-leaked"));
    private static final Secrets ROTATED = Secrets.of(Map.of("admin_password", "pw-PLAIN-rotated"));

    @TempDir
    Path directory;

    private Issue18Fixture fixture;

    @BeforeEach
    void open() {
        AgeIdentity key = AgeIdentity.generate(new SecureRandom());
        fixture = new Issue18Fixture(directory, "2026-11-24T10:00:00Z", List.of(key.recipient()));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private String recordByHuman(String version, Secrets secrets, String why) {
        Proposal p = fixture.repo.proposer(CAROL).propose("staging", secured(version), secrets, why, List.of());
        Proposal recorded = fixture.repo.reviewer(INES).approve(p.id());
        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        return Objects.requireNonNull(recorded.recordedCommit());
    }

    private String recordByAgent(String version) {
        Proposal p = fixture.repo.proposer(FORGE).propose("staging", secured(version), "bump", List.of());
        Proposal recorded = fixture.repo.reviewer(INES).approve(p.id());
        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        return Objects.requireNonNull(recorded.recordedCommit());
    }

    @Test
    void refusesAnAgentRevertingAHumansRotationAndLandsNothing() {
        recordByHuman("1.0.0", LEAKED, "add secured");
        String rotation = recordByHuman("1.0.0", ROTATED, "rotate the leaked password");
        Map<String, String> before = fixture.refs();

        assertThatThrownBy(() -> fixture.repo.proposer(FORGE).proposeRevert(rotation, "undo"))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("secrets-from-humans"))
                .hasMessageNotContaining("PLAIN");
        assertThat(fixture.refs()).isEqualTo(before);
    }

    @Test
    void refusesAnAgentRevertThatRestoresAnOldCiphertextAsASideEffect() {
        recordByHuman("1.0.0", LEAKED, "add secured");
        String bump = recordByAgent("1.0.1");
        recordByHuman("1.0.1", ROTATED, "rotate the leaked password");
        Map<String, String> before = fixture.refs();

        assertThatThrownBy(() -> fixture.repo.proposer(FORGE).proposeRevert(bump, "the bump broke it"))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("secrets-from-humans"));
        assertThat(fixture.refs()).isEqualTo(before);
    }

    @Test
    void refusesAnAgentRevisingItsRevertBackToAnOldCiphertext() {
        recordByHuman("1.0.0", LEAKED, "add secured");
        String bump = recordByAgent("1.0.1");
        Proposal revert = fixture.repo.proposer(FORGE).proposeRevert(bump, "the bump broke it");
        assertThat(revert.state()).isEqualTo(ProposalState.PROPOSED);
        recordByHuman("1.0.1", ROTATED, "rotate the leaked password");
        Map<String, String> before = fixture.refs();

        assertThatThrownBy(() -> fixture.repo.proposer(FORGE).revise(revert.id(), secured("1.0.0")))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("secrets-from-humans"));
        assertThat(fixture.refs()).isEqualTo(before);
        assertThat(fixture.repo.proposal(revert.id()).state()).isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void letsAHumanRevertARotationAndTheReviewSaysWhichValuesRevert() {
        recordByHuman("1.0.0", LEAKED, "add secured");
        String rotation = recordByHuman("1.0.0", ROTATED, "rotate");

        Proposal revert = fixture.repo.proposer(CAROL).proposeRevert(rotation, "the new password broke login");

        assertThat(fixture.repo.review(revert.id()).secretValues())
                .containsExactlyEntriesOf(Map.of("admin_password", "reverted"));
        assertThat(fixture.repo.reviewer(INES).approve(revert.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(fixture.repo.verify(null).findings()).isEmpty();
    }
}
