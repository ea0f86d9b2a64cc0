package dev.countersign.gitops.issues;

import static dev.countersign.gitops.issues.Issue18Fixture.CAROL;
import static dev.countersign.gitops.issues.Issue18Fixture.CI;
import static dev.countersign.gitops.issues.Issue18Fixture.FORGE;
import static dev.countersign.gitops.issues.Issue18Fixture.INES;
import static dev.countersign.gitops.issues.Issue18Fixture.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.RecordedChange;
import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, time: the agent cannot record during a freeze by setting the host clock, nor date a record early. */
class Issue18TimeTest {
    @TempDir
    Path directory;

    private Issue18Fixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private Issue18Fixture at(String initializedAt) {
        fixture = new Issue18Fixture(directory, initializedAt);
        return fixture;
    }

    private static Proposal approvedTwice(Issue18Fixture f) {
        Proposal p = f.repo.proposer(FORGE).propose("production", web("1.0.0"), "add web", List.of());
        f.repo.reviewer(INES).approve(p.id());
        return f.repo.reviewer(CAROL).approve(p.id());
    }

    @Nested
    class AHostClockSetBack {
        @Test
        void threeDaysBackDuringAFreezeStillHoldsTheRecord() {
            Issue18Fixture f = at("2026-12-01T10:00:00Z");
            f.clock.set("2026-12-22T10:00:00Z");
            Proposal held = approvedTwice(f);
            assertThat(held.state()).isEqualTo(ProposalState.APPROVED);
            Map<String, String> before = f.refs();

            f.clock.set("2026-12-19T10:00:00Z");
            Proposal after = f.repo.record(held.id(), CI);

            assertThat(after.state()).isEqualTo(ProposalState.APPROVED);
            assertThat(after.decisions().get(after.decisions().size() - 1).rule())
                    .isEqualTo("freeze");
            assertThat(f.main()).isEqualTo(before.get("refs/heads/main"));
            assertThat(f.repo.log()).hasSize(1);
        }

        @Test
        void neverDatesTheRecordBeforeAnApproval() {
            Issue18Fixture f = at("2026-11-01T10:00:00Z");
            f.clock.set("2026-11-24T10:00:00.700Z");
            Proposal p = f.repo.proposer(FORGE).propose("production", web("1.0.0"), "add web", List.of());
            f.repo.reviewer(INES).approve(p.id());
            f.clock.set("2026-11-20T10:00:00Z");

            Proposal recorded = f.repo.reviewer(CAROL).approve(p.id());

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            Instant latestApproval = recorded.approvals().stream()
                    .map(Countersignature::at)
                    .max(Instant::compareTo)
                    .orElseThrow();
            assertThat(latestApproval).isEqualTo(Instant.parse("2026-11-24T10:00:00.700Z"));
            RecordedChange record = f.repo.log().get(0);
            assertThat(record.committedAt()).isAfterOrEqualTo(latestApproval);
            assertThat(f.repo.verify(null).findings()).isEmpty();
        }
    }

    @Nested
    class TheRecordNamesItsPrincipal {
        @Test
        void refusesAnAgentThatRecordsAndLandsNothing() {
            Issue18Fixture f = at("2026-12-01T10:00:00Z");
            f.clock.set("2026-12-22T10:00:00Z");
            Proposal held = approvedTwice(f);
            f.clock.set("2027-01-06T10:00:00Z");
            String main = f.main();

            assertThatThrownBy(() -> f.repo.record(held.id(), FORGE))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("agent-limits"));
            assertThatThrownBy(() -> f.repo.record(held.id(), Principal.agent("forge")))
                    .isInstanceOf(ActionDeniedException.class);
            assertThat(f.main()).isEqualTo(main);
            assertThat(f.repo.proposal(held.id()).state()).isEqualTo(ProposalState.APPROVED);
        }

        @Test
        void refusesAPrincipalWithoutTheRecordAction() {
            Issue18Fixture f = at("2026-12-01T10:00:00Z");
            f.clock.set("2026-12-22T10:00:00Z");
            Proposal held = approvedTwice(f);
            f.clock.set("2027-01-06T10:00:00Z");
            String main = f.main();

            assertThatThrownBy(() -> f.repo.record(held.id(), Principal.service("deploy-bot")))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("permission"));
            assertThat(f.main()).isEqualTo(main);
        }

        @Test
        void aServiceRecordsAfterTheFreezeAndTheTrailerNamesIt() {
            Issue18Fixture f = at("2026-12-01T10:00:00Z");
            f.clock.set("2026-12-22T10:00:00Z");
            Proposal held = approvedTwice(f);
            f.clock.set("2027-01-06T10:00:00Z");

            Proposal recorded = f.repo.record(held.id(), CI);

            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(recorded.decisions().get(recorded.decisions().size() - 1).principal())
                    .isEqualTo("service:ci");
            assertThat(f.repo.verify(null).findings()).isEmpty();
        }
    }

    @Nested
    class ABaseCommitDatedInTheFuture {
        @Test
        void afterTheFreezeDoesNotLetAClockInsideItRecord() {
            Issue18Fixture f = at("2027-01-10T10:00:00Z");
            f.clock.set("2026-12-22T10:00:00Z");
            Proposal held = approvedTwice(f);
            String main = f.main();

            assertThat(held.state()).isEqualTo(ProposalState.APPROVED);
            assertThat(f.repo.record(held.id(), CI).state()).isEqualTo(ProposalState.APPROVED);
            assertThat(f.main()).isEqualTo(main);
        }

        @Test
        void insideTheFreezeHoldsARecordWhoseClockIsBeforeIt() {
            Issue18Fixture f = at("2026-12-25T10:00:00Z");
            f.clock.set("2026-12-15T10:00:00Z");
            Proposal held = approvedTwice(f);
            String main = f.main();

            assertThat(held.state()).isEqualTo(ProposalState.APPROVED);
            assertThat(f.repo.record(held.id(), CI).state()).isEqualTo(ProposalState.APPROVED);
            assertThat(f.main()).isEqualTo(main);

            f.clock.set("2027-01-06T10:00:00Z");
            assertThat(f.repo.record(held.id(), CI).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(f.repo.log().get(0).committedAt()).isAfterOrEqualTo(Instant.parse("2027-01-06T10:00:00Z"));
        }

        @Test
        void datesTheRecordNoEarlierThanItsBase() {
            Issue18Fixture f = at("2026-11-30T10:00:00Z");
            f.clock.set("2026-11-24T10:00:00Z");
            Proposal p = f.repo.proposer(FORGE).propose("staging", web("1.0.0"), "add web", List.of());

            f.repo.reviewer(INES).approve(p.id());

            assertThat(f.repo.log().get(0).committedAt()).isAfterOrEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
            assertThat(f.repo.verify(null).findings()).isEmpty();
        }
    }

    @Nested
    class Verify {
        @Test
        void flagsARecordReDatedBeforeItsApprovalAndItsBase() {
            Issue18Fixture f = at("2026-11-20T10:00:00Z");
            f.clock.set("2026-11-24T10:00:00Z");
            Proposal p = f.repo.proposer(FORGE).propose("staging", web("1.0.0"), "add web", List.of());
            f.repo.reviewer(INES).approve(p.id());

            f.forgeHead(message -> message, Instant.parse("2026-11-19T10:00:00Z"));

            assertThat(f.repo.verify(null).findings())
                    .extracting(dev.countersign.gitops.Finding::rule)
                    .contains("record-before-approval", "record-before-base");
        }
    }
}
