package dev.countersign.gitops.issues;

import static dev.countersign.gitops.issues.Issue18Fixture.FORGE;
import static dev.countersign.gitops.issues.Issue18Fixture.INES;
import static dev.countersign.gitops.issues.Issue18Fixture.web;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.Finding;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, history: verify walks each recorded proposal's event log and names the event rewritten. */
class Issue18HistoryTest {
    @TempDir
    Path directory;

    private Issue18Fixture fixture;
    private Proposal recorded;

    @BeforeEach
    void record() {
        fixture = new Issue18Fixture(directory, "2026-11-24T10:00:00Z");
        Proposal p = fixture.repo
                .proposer(FORGE)
                .propose("staging", web("1.0.0"), "add web", List.of("https://tickets.example.com/42"));
        recorded = fixture.repo.reviewer(INES).approve(p.id());
        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(fixture.repo.verify(null).findings()).isEmpty();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<Finding> findings() {
        return fixture.repo.verify(null).findings();
    }

    @Test
    void flagsARecordedProposalRewrittenToWithdrawnNamingTheEvent() {
        fixture.forgeProposal(
                recorded.id(),
                json -> json.replaceAll("\"state\"\\s*:\\s*\"RECORDED\"", "\"state\":\"WITHDRAWN\""),
                false);

        assertThat(fixture.repo.proposal(recorded.id()).state()).isEqualTo(ProposalState.WITHDRAWN);
        assertThat(findings())
                .extracting(Finding::rule)
                .contains("proposal-state-contradicts-record", "proposal-state-rewritten");
        assertThat(findings()).anySatisfy(f -> assertThat(f.message()).contains("tidy up"));
    }

    @Test
    void flagsAnApprovalReDatedTo2001InARewrittenHistory() {
        fixture.forgeProposal(
                recorded.id(),
                json -> json.replaceAll("\"at\"\\s*:\\s*\"2026-11-24T10:00:00Z\"", "\"at\":\"2001-01-01T00:00:00Z\""),
                true);

        assertThat(findings())
                .extracting(Finding::rule)
                .contains("proposal-history-rewritten", "approval-before-proposal");
    }

    @Test
    void flagsAnAppendedEventThatErasesDecisions() {
        fixture.forgeProposal(recorded.id(), Issue18HistoryTest::withoutDecisions, false);

        assertThat(findings()).extracting(Finding::rule).contains("decision-rewritten");
    }

    private static String withoutDecisions(String json) {
        tools.jackson.databind.json.JsonMapper mapper =
                tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) mapper.readTree(json);
        tree.putArray("decisions");
        return mapper.writeValueAsString(tree);
    }

    @Test
    void flagsRewrittenRationaleAndEvidence() {
        fixture.forgeProposal(
                recorded.id(),
                json -> json.replace("add web", "routine bump").replace("tickets.example.com/42", "example.com"),
                false);

        assertThat(findings()).extracting(Finding::rule).contains("proposal-history-rewritten");
    }
}
