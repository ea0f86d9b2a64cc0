package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.IllegalTransitionException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.ProposalProgress;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.policy.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract's own rules as pure functions of a proposal, without a repository. */
class ContractRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String BASE = "1".repeat(40);
    private static final Principal AGENT = Principal.agent("builder");
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");

    private static Proposal proposal(Principal proposer, List<Countersignature> approvals) {
        ProposalHeader header = new ProposalHeader(
                "p-1",
                new Subject.StackChange("prod", "shop"),
                proposer,
                "why",
                List.of(),
                new CommitId(BASE),
                "sha256:abc",
                List.of("environments/prod/shop/stack.yaml"),
                null,
                null,
                NOW);
        ProposalProgress progress = new ProposalProgress(
                ProposalState.PROPOSED, new CommitId("2".repeat(40)), approvals, List.of(), null, null);
        return new Proposal(header, progress);
    }

    private static Countersignature approval(Principal approver, String contentHash) {
        return new Countersignature(approver, "p-1", contentHash, BASE, NOW, null);
    }

    @Nested
    class OnApproval {
        @Test
        void allowsAnotherHuman() {
            assertThat(ContractRules.onApproval(proposal(AGENT, List.of()), ALICE))
                    .isEmpty();
        }

        @Test
        void refusesAnAgentOrAService() {
            assertThat(rule(ContractRules.onApproval(proposal(ALICE, List.of()), AGENT)))
                    .isEqualTo("humans-approve");
            assertThat(rule(ContractRules.onApproval(proposal(ALICE, List.of()), Principal.service("ci"))))
                    .isEqualTo("humans-approve");
        }

        @Test
        void refusesTheProposer() {
            assertThat(rule(ContractRules.onApproval(proposal(ALICE, List.of()), ALICE)))
                    .isEqualTo("no-self-approval");
        }

        @Test
        void refusesTheHumanAnAgentActsFor() {
            Proposal delegated = proposal(AGENT.actingFor(ALICE), List.of());

            assertThat(rule(ContractRules.onApproval(delegated, ALICE))).isEqualTo("no-self-approval");
            assertThat(ContractRules.onApproval(delegated, BOB)).isEmpty();
        }

        @Test
        void refusesASecondApprovalOfTheSameContent() {
            Proposal approved = proposal(AGENT, List.of(approval(ALICE, "sha256:abc")));

            assertThat(rule(ContractRules.onApproval(approved, ALICE))).isEqualTo("one-approval-each");
        }

        @Test
        void allowsApprovingAgainWhenTheEarlierApprovalNoLongerBinds() {
            Proposal revised = proposal(AGENT, List.of(approval(ALICE, "sha256:old")));

            assertThat(ContractRules.onApproval(revised, ALICE)).isEmpty();
        }

        @Test
        void deniesWithAnExplanationNamingWhoAndWhat() {
            Ruling ruling =
                    ContractRules.onApproval(proposal(ALICE, List.of()), ALICE).orElseThrow();

            assertThat(ruling.verdict()).isEqualTo(Verdict.DENY);
            assertThat(ruling.explanation()).contains("human:alice", "p-1");
        }

        private String rule(Optional<Ruling> ruling) {
            return ruling.orElseThrow().rule();
        }
    }

    @Nested
    class RequireProposer {
        @Test
        void letsTheProposerAct() {
            assertThatCode(() -> ContractRules.requireProposer(proposal(AGENT, List.of()), AGENT, "revise"))
                    .doesNotThrowAnyException();
        }

        @Test
        void refusesAnyoneElseWithTheRuleProposerOnly() {
            assertThatThrownBy(() -> ContractRules.requireProposer(proposal(AGENT, List.of()), ALICE, "withdraw"))
                    .isInstanceOfSatisfying(
                            ActionDeniedException.class,
                            e -> assertThat(e.rule()).isEqualTo("proposer-only"))
                    .hasMessageContaining("agent:builder");
        }
    }

    @Nested
    class RequireOpen {
        @Test
        void passesAnEventTheStateTakes() {
            assertThatCode(() -> ContractRules.requireOpen(ProposalState.PROPOSED, ProposalEvent.APPROVE))
                    .doesNotThrowAnyException();
        }

        @Test
        void refusesAnEventOfAnEndState() {
            assertThatThrownBy(() -> ContractRules.requireOpen(ProposalState.RECORDED, ProposalEvent.APPROVE))
                    .isInstanceOf(IllegalTransitionException.class);
        }
    }
}
