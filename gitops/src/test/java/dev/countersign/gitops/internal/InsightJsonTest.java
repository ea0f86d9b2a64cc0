package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Insight;
import dev.countersign.gitops.InvalidInsightException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.ProposalProgress;
import dev.countersign.gitops.Subject;
import dev.countersign.policy.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An insight in {@code proposal.json}: its form byte for byte, read back, and checked again when read. */
class InsightJsonTest {
    private static final String WITH_INSIGHT = """
            {
              "id" : "p-0a1b2c3d4e5f",
              "environment" : "staging",
              "stack" : "",
              "proposer" : "agent:monitor",
              "onBehalfOf" : null,
              "rationale" : "memory pressure",
              "evidence" : [ ],
              "baseCommit" : "1111111111111111111111111111111111111111",
              "draftCommit" : "",
              "contentHash" : "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
              "changedPaths" : [ ".countersign/environments/staging.yaml" ],
              "reverts" : null,
              "supersedes" : null,
              "supersededBy" : null,
              "state" : "DRAFT",
              "approvals" : [ ],
              "decisions" : [ ],
              "recordedCommit" : null,
              "createdAt" : "2026-12-07T10:00:00Z",
              "insight" : {
                "summary" : "add a node: memory pressure is climbing",
                "evidence" : [ {
                  "metric" : "node_memory_working_set_ratio{pool=\\"workers\\"}",
                  "window" : "PT6H",
                  "values" : [ 0.71, 0.78, 0.86 ]
                } ],
                "confidence" : 0.8
              }
            }
            """;

    @Test
    void writesTheInsightLastByteForByte() {
        assertThat(write(proposal())).isEqualTo(WITH_INSIGHT);
    }

    @Test
    void readsItBack() {
        assertThat(ProposalMetadata.read(bytes(WITH_INSIGHT), "p-0a1b2c3d4e5f")).isEqualTo(proposal());
        assertThat(write(ProposalMetadata.read(bytes(WITH_INSIGHT), "p-0a1b2c3d4e5f")))
                .isEqualTo(WITH_INSIGHT);
    }

    @Test
    void readsAFileWithoutAnInsightAsOneWithout() {
        String before = WITH_INSIGHT.substring(0, WITH_INSIGHT.indexOf(",\n  \"insight\"")) + "\n}\n";

        Proposal read = ProposalMetadata.read(bytes(before), "p-0a1b2c3d4e5f");

        assertThat(read.insight()).isEmpty();
        assertThat(write(read)).isEqualTo(before);
    }

    @Test
    void checksAStoredInsightAgainWhenRead() {
        String forged = WITH_INSIGHT.replace("\"confidence\" : 0.8", "\"confidence\" : 7");

        assertThatThrownBy(() -> ProposalMetadata.read(bytes(forged), "p-0a1b2c3d4e5f"))
                .isInstanceOfSatisfying(
                        InvalidInsightException.class,
                        e -> assertThat(e.field()).isEqualTo("confidence"));
    }

    @Test
    void refusesAStoredWindowThatIsNoDuration() {
        String forged = WITH_INSIGHT.replace("PT6H", "soon");

        assertThatThrownBy(() -> ProposalMetadata.read(bytes(forged), "p-0a1b2c3d4e5f"))
                .isInstanceOf(GitOpsException.class)
                .hasMessageStartingWith("malformed metadata of proposal p-0a1b2c3d4e5f");
    }

    private static Proposal proposal() {
        Insight insight = Insight.of(
                "add a node: memory pressure is climbing",
                List.of(new Insight.Evidence(
                        "node_memory_working_set_ratio{pool=\"workers\"}",
                        Duration.ofHours(6),
                        List.of(0.71, 0.78, 0.86))),
                0.8);
        ProposalHeader header = new ProposalHeader(
                "p-0a1b2c3d4e5f",
                new Subject.EnvironmentChange("staging"),
                Principal.agent("monitor"),
                "memory pressure",
                List.of(),
                new CommitId("1".repeat(40)),
                "sha256:" + "a".repeat(64),
                List.of(".countersign/environments/staging.yaml"),
                null,
                null,
                Instant.parse("2026-12-07T10:00:00Z"),
                insight);
        return new Proposal(header, ProposalProgress.drafting());
    }

    private static String write(Proposal proposal) {
        return new String(Json.write(ProposalJson.of(proposal)), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
