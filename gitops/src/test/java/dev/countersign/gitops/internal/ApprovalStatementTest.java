package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApprovalStatementTest {
    @Test
    void writesTheVersionedStatementLineByLine() {
        ApprovalStatement statement = new ApprovalStatement("p-1", "staging", "web", "sha256:abc", "human:alice");

        assertThat(new String(statement.bytes(), StandardCharsets.UTF_8)).isEqualTo("""
                        countersign-approval v1
                        proposal: p-1
                        environment: staging
                        stack: web
                        content-hash: sha256:abc
                        approver: human:alice
                        decision: approve
                        """);
    }

    @Test
    void writesVersionTwoBindingTheBaseTheChangesAndTheProposer() {
        ApprovalStatement statement = new ApprovalStatement(
                "p-2",
                "staging",
                "web",
                "sha256:abc",
                "human:bob",
                new ApprovalStatement.Binding("p-1", "0123abcd", "sha256:def", "agent:builder", "human:alice"));

        assertThat(new String(statement.bytes(), StandardCharsets.UTF_8)).isEqualTo("""
                        countersign-approval v2
                        proposal: p-2
                        supersedes: p-1
                        environment: staging
                        stack: web
                        base: 0123abcd
                        content-hash: sha256:abc
                        changes: sha256:def
                        proposer: agent:builder
                        on-behalf-of: human:alice
                        approver: human:bob
                        decision: approve
                        """);
        assertThatThrownBy(() -> new ApprovalStatement.Binding("-", "0123", "sha256:d\nx", "agent:b", "-"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesFieldsThatWouldForgeFurtherLines() {
        assertThatThrownBy(() -> new ApprovalStatement("p-1", "staging", "web", "sha256:abc\napprover: x", "human:a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one non-empty line");
        assertThatThrownBy(() -> new ApprovalStatement("p-1", "", "web", "sha256:abc", "human:a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTheEnvironmentAsSubjectOfAnEnvironmentChange() {
        ApprovalStatement statement = new ApprovalStatement("p-2", "staging", "", "sha256:abc", "human:alice");

        assertThat(new String(statement.bytes(), StandardCharsets.UTF_8))
                .contains("environment: staging\nsubject: environment\ncontent-hash: sha256:abc\n")
                .doesNotContain("stack:");
    }

    @Test
    void readsApprovalsStoredBeforeSignaturesExistedAsUnsigned() {
        String json = """
                {"approver": "human:alice", "proposal": "p-1", "contentHash": "sha256:abc",
                 "baseCommit": "0123456789abcdef0123456789abcdef01234567", "at": "2026-11-24T10:00:00Z"}
                """;

        ProposalJson.ApprovalJson approval =
                Json.read(json.getBytes(StandardCharsets.UTF_8), ProposalJson.ApprovalJson.class, "test");

        assertThat(approval.signature()).isNull();
        assertThat(approval.at()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    }
}
