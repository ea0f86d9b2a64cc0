package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy itself changed by a proposal: judged, approved and recorded under the policy in force at main's head
 * ({@code change-policy}), verified against the policy of each record's parent, and reverted like any change.
 */
class PolicyChangeTest {
    static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    static final Principal ROGUE = Principal.agent("rogue");
    static final Principal ALICE = Principal.human("alice");
    static final Principal CAROL = Principal.human("carol");
    static final Principal ERIN = Principal.human("erin");
    static final Principal BOB = Principal.human("bob");
    static final Principal DAVE = Principal.human("dave");
    static final Principal FRANK = Principal.human("frank");

    /** Admins may change the policy; production needs two approvals. */
    static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: acme}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
                admin:    [read, propose, withdraw, approve, reject, record, revert, change-policy]
              bindings:
                - {principal: "human:alice", roles: [admin], environments: ["*"]}
                - {principal: "human:carol", roles: [admin], environments: ["*"]}
                - {principal: "human:erin",  roles: [admin], environments: ["*"]}
                - {principal: "human:bob",   roles: [approver], environments: ["*"]}
                - {principal: "human:dave",  roles: [member], environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
                - {principal: "agent:rogue", roles: [admin], environments: ["*"]}
              environments:
                staging:    {approvals: {required: 1, from: [approver, admin]}}
                production: {approvals: {required: 2, from: [approver, admin]}}
            """;

    @TempDir
    Path directory;

    GitOpsRepository repo;

    @BeforeEach
    void open() {
        repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom());
        repo.initialize(ALICE, POLICY, Samples.ENVIRONMENTS);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    /** The policy with one more binding line. */
    static Policy withBinding(String binding) {
        return Policy.parse(POLICY.replace("\n  environments:\n", "\n    - " + binding + "\n  environments:\n"));
    }

    static Policy withFrankApproving() {
        return withBinding("{principal: \"human:frank\", roles: [approver], environments: [\"*\"]}");
    }

    String mainPolicy() {
        try (GitStore git = GitStore.open(directory)) {
            return git.read(git.resolve("refs/heads/main").orElseThrow(), ".countersign/policy.yaml")
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .orElseThrow();
        }
    }

    SortedMap<String, String> refs() throws IOException {
        return PushServer.refs(directory);
    }

    Proposal recordFrank() {
        Proposal p = repo.proposer(ALICE).proposePolicy(withFrankApproving(), "frank joins", List.of("HR-1"));
        repo.reviewer(CAROL).approve(p.id());
        return repo.reviewer(ERIN).approve(p.id());
    }

    @Test
    void proposesReviewsApprovesByTwoAdminsAndRecordsOneVerifiedCommit() throws IOException {
        Proposal proposed = repo.proposer(ALICE).proposePolicy(withFrankApproving(), "frank joins", List.of("HR-1"));

        assertThat(proposed.isPolicyChange()).isTrue();
        assertThat(proposed.isEnvironmentChange()).isFalse();
        assertThat(proposed.environment()).isEqualTo("*");
        assertThat(proposed.changedPaths()).containsExactly(".countersign/policy.yaml");
        assertThat(repo.review(proposed.id()).proposal().id()).isEqualTo(proposed.id());
        PolicyReview review = repo.policyReview(proposed.id());
        assertThat(review.before().hash()).isEqualTo(Policy.parse(POLICY).hash());
        assertThat(review.after().principals()).contains(FRANK);
        assertThat(review.changedLines())
                .containsExactly("+     - {principal: \"human:frank\", roles: [approver], environments: [\"*\"]}");
        assertThat(repo.reviewer(CAROL).approve(proposed.id()).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(mainPolicy()).doesNotContain("human:frank");

        Proposal recorded = repo.reviewer(ERIN).approve(proposed.id());

        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(mainPolicy()).contains("human:frank");
        assertThat(repo.policy().principals()).contains(FRANK);
        assertThat(PushServer.message(directory, recorded.recordedCommit()))
                .contains("Countersign-Subject: policy", "Countersign-Environment: *", "Approved-By: human:erin");
        assertThat(repo.verify().findings()).isEmpty();
    }

    @Test
    void theNewPolicyDecidesLaterChangesAndTheOldRecordKeepsVerifying() {
        recordFrank();

        Proposal stack = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "web", List.of());
        assertThat(repo.reviewer(FRANK).approve(stack.id()).state()).isEqualTo(ProposalState.RECORDED);
        Proposal dropErin = repo.proposer(ALICE)
                .proposePolicy(
                        Policy.parse(mainPolicy()
                                .replace(
                                        "    - {principal: \"human:erin\",  roles: [admin], environments: [\"*\"]}\n",
                                        "")),
                        "erin leaves",
                        List.of());
        repo.reviewer(CAROL).approve(dropErin.id());
        assertThat(repo.reviewer(ERIN).approve(dropErin.id()).state()).isEqualTo(ProposalState.RECORDED);

        assertThat(mainPolicy()).doesNotContain("human:erin");
        assertThat(repo.verify().findings()).isEmpty();
    }

    @Test
    void revertsAPolicyChangeThroughTheSameApprovals() throws IOException {
        String recorded = recordFrank().recordedCommit();

        Proposal revert = repo.proposer(ALICE).proposeRevert(recorded, "frank left");
        assertThat(revert.isPolicyChange()).isTrue();
        assertThat(revert.reverts()).isEqualTo(recorded);
        repo.reviewer(CAROL).approve(revert.id());
        Proposal reverted = repo.reviewer(ERIN).approve(revert.id());
        assertThat(reverted.state()).isEqualTo(ProposalState.RECORDED);

        assertThat(mainPolicy()).isEqualTo(POLICY);
        assertThat(PushServer.message(directory, reverted.recordedCommit()))
                .contains("Countersign-Reverts: " + recorded);
        assertThat(repo.verify().findings()).isEmpty();
    }

    @Test
    void aPolicyChangeRecordedFirstConflictsAnotherDraftedBeforeIt() {
        Proposal first = repo.proposer(ALICE).proposePolicy(withFrankApproving(), "frank", List.of());
        Proposal second = repo.proposer(CAROL)
                .proposePolicy(
                        withBinding("{principal: \"human:gina\", roles: [approver], environments: [\"*\"]}"),
                        "gina",
                        List.of());
        repo.reviewer(CAROL).approve(first.id());
        repo.reviewer(ERIN).approve(first.id());
        repo.reviewer(ALICE).approve(second.id());

        Proposal conflicted = repo.reviewer(ERIN).approve(second.id());
        assertThat(conflicted.state()).isEqualTo(ProposalState.CONFLICTED);
        assertThat(conflicted.decisions().get(conflicted.decisions().size() - 1).explanation())
                .endsWith("and changed .countersign/policy.yaml: the change needs a new proposal and a new review");
        assertThat(mainPolicy()).contains("human:frank").doesNotContain("human:gina");
    }

    @Test
    void aStackRecordedMeanwhileDoesNotConflictAPolicyChange() {
        Proposal policy = repo.proposer(ALICE).proposePolicy(withFrankApproving(), "frank", List.of());
        Proposal stack = repo.proposer(AGENT).propose("staging", Samples.web("1.0.0"), "web", List.of());
        assertThat(repo.reviewer(ALICE).approve(stack.id()).state()).isEqualTo(ProposalState.RECORDED);
        repo.reviewer(CAROL).approve(policy.id());

        assertThat(repo.reviewer(ERIN).approve(policy.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(mainPolicy()).contains("human:frank");
        assertThat(repo.verify().findings()).isEmpty();
    }

    @Test
    void refusesAPolicyThatChangesNothing() {
        assertThatThrownBy(() -> repo.proposer(ALICE).proposePolicy(Policy.parse(POLICY), "noop", List.of()))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("changes nothing");
        assertThat(repo.proposals(null)).isEmpty();
    }

    /** Every way around change-policy, from the attacker's side: refused, and nothing lands. */
    @Nested
    class Refuses {
        @Test
        void anAgentProposingEvenWhenBoundToAnAdminRole() throws IOException {
            SortedMap<String, String> before = refs();
            Policy agentsApprove = withBinding("{principal: \"agent:builder\", roles: [admin], environments: [\"*\"]}");

            assertThatThrownBy(() -> repo.proposer(ROGUE).proposePolicy(agentsApprove, "let me", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("agent-limits"));
            assertThatThrownBy(() -> repo.proposer(AGENT).proposePolicy(agentsApprove, "let me", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.getMessage())
                                    .contains("agents never approve, record, unprotect or change"));
            assertThat(refs()).isEqualTo(before);
            assertThat(mainPolicy()).isEqualTo(POLICY);
        }

        @Test
        void aHumanWithoutChangePolicyEvenIfTheProposedPolicyWouldGrantIt() throws IOException {
            SortedMap<String, String> before = refs();
            Policy selfPromotion = withBinding("{principal: \"human:dave\", roles: [admin], environments: [\"*\"]}");

            assertThatThrownBy(() -> repo.proposer(DAVE).proposePolicy(selfPromotion, "promote me", List.of()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("permission"));
            assertThat(refs()).isEqualTo(before);
        }

        @Test
        void anAgentApproving() throws IOException {
            Proposal p = repo.proposer(ALICE).proposePolicy(withFrankApproving(), "frank", List.of());
            String main = refs().get("refs/heads/main");

            for (Principal agent : List.of(AGENT, ROGUE)) {
                assertThatThrownBy(() -> repo.reviewer(agent).approve(p.id()))
                        .isInstanceOf(ActionDeniedException.class);
            }
            assertThat(refs().get("refs/heads/main")).isEqualTo(main);
            assertThat(repo.proposal(p.id()).approvals()).isEmpty();
            assertThat(mainPolicy()).isEqualTo(POLICY);
        }

        @Test
        void theProposerApprovingTheirOwnChange() throws IOException {
            Proposal p = repo.proposer(ALICE).proposePolicy(withFrankApproving(), "frank", List.of());
            String main = refs().get("refs/heads/main");

            assertThatThrownBy(() -> repo.reviewer(ALICE).approve(p.id()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("no-self-approval"));
            assertThat(refs().get("refs/heads/main")).isEqualTo(main);
            assertThat(repo.proposal(p.id()).approvals()).isEmpty();
        }

        @Test
        void anApproverWithoutChangePolicy() throws IOException {
            Proposal p = repo.proposer(ALICE).proposePolicy(withFrankApproving(), "frank", List.of());
            String main = refs().get("refs/heads/main");

            assertThatThrownBy(() -> repo.reviewer(BOB).approve(p.id()))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("permission"));
            assertThat(refs().get("refs/heads/main")).isEqualTo(main);
            assertThat(repo.proposal(p.id()).approvals()).isEmpty();
        }

        @Test
        void tooFewApprovalsRecordNothing() throws IOException {
            Proposal p = repo.proposer(ALICE).proposePolicy(withFrankApproving(), "frank", List.of());
            String main = refs().get("refs/heads/main");

            assertThat(repo.reviewer(CAROL).approve(p.id()).state()).isEqualTo(ProposalState.PROPOSED);
            assertThatThrownBy(() -> repo.reviewer(CAROL).record(p.id()))
                    .isInstanceOf(IllegalTransitionException.class);

            assertThat(repo.proposal(p.id()).state()).isEqualTo(ProposalState.PROPOSED);
            assertThat(refs().get("refs/heads/main")).isEqualTo(main);
            assertThat(mainPolicy()).isEqualTo(POLICY);
        }
    }
}
