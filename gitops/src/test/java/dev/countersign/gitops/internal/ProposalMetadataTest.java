package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.GitOpsException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A pusher's hand-written {@code proposal.json} (issue 23) ends in a typed error that quotes little of it. */
class ProposalMetadataTest {
    @Test
    void refusesMetadataWithMissingFields() {
        assertThatThrownBy(() -> read("{}"))
                .isInstanceOf(GitOpsException.class)
                .hasMessageContaining("malformed metadata of proposal p-1");
    }

    @Test
    void refusesAnInvalidCommitIdQuotingOnlyAPrefix() {
        String huge = "x".repeat(100_000) + "TAIL";
        String json = """
                {"id": "p-1", "environment": "staging", "stack": "web", "proposer": "agent:builder",
                 "rationale": "r", "evidence": [], "baseCommit": "%s", "draftCommit": "", "contentHash": "h",
                 "changedPaths": [], "state": "PROPOSED", "approvals": [], "decisions": [],
                 "createdAt": "2026-12-01T10:00:00Z"}
                """.formatted(huge);

        assertThatThrownBy(() -> read(json))
                .isInstanceOf(GitOpsException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .hasSizeLessThan(400)
                        .doesNotContain("TAIL")
                        .contains("IllegalArgumentException"));
    }

    private static void read(String json) {
        ProposalMetadata.read(json.getBytes(StandardCharsets.UTF_8), "p-1");
    }
}
