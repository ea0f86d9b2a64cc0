package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metadata smuggling: an agent that can write {@code refs/countersign/*} points a proposal's draft at a commit
 * that also edits the policy. The record writes only what the draft changes inside its stack's own region,
 * recomputed from the draft and its base, so the edit is refused before anything is written.
 */
class RecordScopeIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal CAROL = Principal.human("carol");
    private static final Clock FROZEN = Clock.fixed(Instant.parse("2026-12-22T10:00:00Z"), ZoneOffset.UTC);
    private static final Clock CLOCK_AFTER_FREEZE = Clock.fixed(Instant.parse("2027-01-10T10:00:00Z"), ZoneOffset.UTC);
    private static final String POLICY = ".countersign/policy.yaml";
    private static final String EVIL_POLICY = Samples.POLICY.replace(
            "{principal: \"agent:builder\", roles: [member]", "{principal: \"agent:builder\", roles: [approver]");

    @TempDir
    Path directory;

    @TempDir
    Path scratch;

    private GitOpsRepository repo;

    @AfterEach
    void close() {
        repo.close();
    }

    private RefWriter open() {
        repo = GitOpsRepository.open(directory, CLOCK, new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
        return new RefWriter(directory, scratch);
    }

    private static void pointDraftAtPolicyEdit(RefWriter agent, Proposal p, boolean listThePath) throws Exception {
        String evil = agent.commit(p.draftCommit(), p.baseCommit(), Map.of(POLICY, EVIL_POLICY));
        agent.rewriteMetadata(p.id(), json -> {
            String swapped = json.replace(p.draftCommit(), evil);
            return listThePath
                    ? swapped.replaceFirst("\"changedPaths\"\\s*:\\s*\\[", "\"changedPaths\" : [ \"" + POLICY + "\",")
                    : swapped;
        });
    }

    @Test
    void refusesAtApproveADraftThatAlsoEditsThePolicy() throws Exception {
        RefWriter agent = open();
        Proposal p = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());
        pointDraftAtPolicyEdit(agent, p, true);
        String before = agent.state();

        assertThatThrownBy(() -> repo.reviewer(ALICE).approve(p.id()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("record-scope"))
                .hasMessageContaining(POLICY)
                .hasMessageContaining("outside the stack's own folder environments/staging/web");
        assertThat(agent.state()).isEqualTo(before);
        assertThat(agent.git(null, "show", "main:" + POLICY)).isEqualTo(Samples.POLICY);
    }

    @Test
    void refusesADraftWhoseMetadataHidesThePathItChanges() throws Exception {
        RefWriter agent = open();
        Proposal p = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());
        pointDraftAtPolicyEdit(agent, p, false);
        String before = agent.state();

        assertThatThrownBy(() -> repo.reviewer(ALICE).approve(p.id()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("record-scope"))
                .hasMessageContaining(POLICY);
        assertThat(agent.state()).isEqualTo(before);
    }

    @Test
    void refusesAtRecordADraftSwappedWhileAFreezeHeldTheApprovedRecord() throws Exception {
        repo = GitOpsRepository.open(directory, FROZEN, new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
        RefWriter agent = new RefWriter(directory, scratch);
        Proposal p = repo.proposer(AGENT).propose("production", Samples.web("1.0.0"), "add web", List.of());
        repo.reviewer(ALICE).approve(p.id());
        assertThat(repo.reviewer(CAROL).approve(p.id()).state()).isEqualTo(ProposalState.APPROVED);
        pointDraftAtPolicyEdit(agent, p, true);
        repo.close();
        repo = GitOpsRepository.open(directory, CLOCK_AFTER_FREEZE, new SecureRandom());
        String before = agent.state();

        assertThatThrownBy(() -> repo.reviewer(CAROL).record(p.id()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("record-scope"))
                .hasMessageContaining("record by human:carol")
                .hasMessageContaining(POLICY);
        assertThat(agent.state()).isEqualTo(before);
        assertThat(agent.git(null, "show", "main:" + POLICY)).isEqualTo(Samples.POLICY);
    }

    @Test
    void verifyFlagsAPolicyEditSlippedOntoMainByHand() throws Exception {
        RefWriter agent = open();
        Proposal p = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "add web", List.of());
        String recorded = repo.reviewer(ALICE).approve(p.id()).recordedCommit();
        String message = agent.git(null, "log", "-1", "--format=%B", recorded);
        String forged = agent.commit(recorded, recorded + "^", Map.of(POLICY, EVIL_POLICY));
        String tree = agent.git(null, "rev-parse", forged + "^{tree}").strip();
        String slipped = agent.git(null, "commit-tree", tree, "-p", recorded + "^", "-m", message)
                .strip();
        agent.git(null, "update-ref", "refs/heads/main", slipped, recorded);

        assertThat(repo.verify(null).findings()).extracting(Finding::rule).contains("outside-stack-folder");
    }
}
