package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.ProposalProgress;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.RecordedDecision;
import dev.countersign.gitops.Subject;
import dev.countersign.policy.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code proposal.json} byte for byte: the file format of proposal metadata, without a repository. */
class ProposalJsonTest {
    private static final String STACK_CHANGE = """
            {
              "id" : "p-0a1b2c3d4e5f",
              "environment" : "prod",
              "stack" : "shop",
              "proposer" : "agent:builder",
              "onBehalfOf" : "human:carol",
              "rationale" : "add the cart service",
              "evidence" : [ "https://example.com/ticket/42" ],
              "baseCommit" : "1111111111111111111111111111111111111111",
              "draftCommit" : "2222222222222222222222222222222222222222",
              "contentHash" : "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
              "changedPaths" : [ "environments/prod/shop/rendered.yaml", "environments/prod/shop/stack.yaml" ],
              "reverts" : "3333333333333333333333333333333333333333",
              "supersedes" : "p-000000000001",
              "supersededBy" : "p-000000000002",
              "state" : "RECORDED",
              "approvals" : [ {
                "approver" : "human:alice",
                "proposal" : "p-0a1b2c3d4e5f",
                "contentHash" : "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "baseCommit" : "1111111111111111111111111111111111111111",
                "at" : "2026-11-24T11:00:00Z",
                "signature" : "c2lnbmF0dXJl"
              } ],
              "decisions" : [ {
                "action" : "approve",
                "principal" : "human:alice",
                "verdict" : "allow",
                "rule" : "two-approvals",
                "explanation" : "prod needs two approvals",
                "policyHash" : "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                "at" : "2026-11-24T11:00:00Z"
              } ],
              "recordedCommit" : "4444444444444444444444444444444444444444",
              "createdAt" : "2026-11-24T10:00:00Z"
            }
            """;

    private static final String ENVIRONMENT_CHANGE = """
            {
              "id" : "p-ffeeddccbbaa",
              "environment" : "staging",
              "stack" : "",
              "proposer" : "human:dave",
              "onBehalfOf" : null,
              "rationale" : "switch to flux",
              "evidence" : [ ],
              "baseCommit" : "5555555555555555555555555555555555555555",
              "draftCommit" : "",
              "contentHash" : "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
              "changedPaths" : [ ".countersign/environments/staging.yaml" ],
              "reverts" : null,
              "supersedes" : null,
              "supersededBy" : null,
              "state" : "DRAFT",
              "approvals" : [ ],
              "decisions" : [ ],
              "recordedCommit" : null,
              "createdAt" : "2026-11-25T09:30:00Z"
            }
            """;

    @Test
    void writesAStackChangeByteForByteAsRecorded() {
        assertThat(write(stackChange())).isEqualTo(STACK_CHANGE);
    }

    @Test
    void writesAnEnvironmentChangeWithAnEmptyStackAndNulls() {
        assertThat(write(environmentChange())).isEqualTo(ENVIRONMENT_CHANGE);
    }

    @Test
    void readsBackTheSameProposal() {
        assertThat(read(STACK_CHANGE)).isEqualTo(stackChange());
        assertThat(read(ENVIRONMENT_CHANGE)).isEqualTo(environmentChange());
    }

    @Test
    void roundTripsTheFileUnchanged() {
        assertThat(write(read(STACK_CHANGE))).isEqualTo(STACK_CHANGE);
        assertThat(write(read(ENVIRONMENT_CHANGE))).isEqualTo(ENVIRONMENT_CHANGE);
    }

    @Test
    void readsAnEmptyStackAsAnEnvironmentChange() {
        assertThat(read(ENVIRONMENT_CHANGE).header().subject()).isEqualTo(new Subject.EnvironmentChange("staging"));
        assertThat(read(STACK_CHANGE).header().subject()).isEqualTo(new Subject.StackChange("prod", "shop"));
    }

    @Test
    void readsTheDelegationOfAnAgent() {
        Principal proposer = read(STACK_CHANGE).proposer();

        assertThat(proposer.name()).isEqualTo("agent:builder");
        assertThat(proposer.onBehalfOf()).isEqualTo(Principal.human("carol"));
    }

    private static String write(Proposal proposal) {
        return new String(Json.write(ProposalJson.of(proposal)), StandardCharsets.UTF_8);
    }

    private static Proposal read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), ProposalJson.class, "test")
                .proposal();
    }

    private static Proposal stackChange() {
        String hash = "sha256:" + "a".repeat(64);
        ProposalHeader header = new ProposalHeader(
                "p-0a1b2c3d4e5f",
                new Subject.StackChange("prod", "shop"),
                Principal.agent("builder").actingFor(Principal.human("carol")),
                "add the cart service",
                List.of("https://example.com/ticket/42"),
                new CommitId("1".repeat(40)),
                hash,
                List.of("environments/prod/shop/rendered.yaml", "environments/prod/shop/stack.yaml"),
                new CommitId("3".repeat(40)),
                "p-000000000001",
                Instant.parse("2026-11-24T10:00:00Z"));
        Instant approvedAt = Instant.parse("2026-11-24T11:00:00Z");
        Countersignature approval = new Countersignature(
                Principal.human("alice"), "p-0a1b2c3d4e5f", hash, "1".repeat(40), approvedAt, "c2lnbmF0dXJl");
        RecordedDecision decision = new RecordedDecision(
                "approve",
                "human:alice",
                "allow",
                "two-approvals",
                "prod needs two approvals",
                "sha256:" + "b".repeat(64),
                approvedAt);
        ProposalProgress progress = new ProposalProgress(
                ProposalState.RECORDED,
                new CommitId("2".repeat(40)),
                List.of(approval),
                List.of(decision),
                new CommitId("4".repeat(40)),
                "p-000000000002");
        return new Proposal(header, progress);
    }

    private static Proposal environmentChange() {
        ProposalHeader header = new ProposalHeader(
                "p-ffeeddccbbaa",
                new Subject.EnvironmentChange("staging"),
                Principal.human("dave"),
                "switch to flux",
                List.of(),
                new CommitId("5".repeat(40)),
                "sha256:" + "c".repeat(64),
                List.of(".countersign/environments/staging.yaml"),
                null,
                null,
                Instant.parse("2026-11-25T09:30:00Z"));
        return new Proposal(header, ProposalProgress.drafting());
    }
}
