package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ALICE;
import static dev.countersign.policy.Fixtures.BOB;
import static dev.countersign.policy.Fixtures.BUILDER;
import static dev.countersign.policy.Fixtures.CAROL;
import static dev.countersign.policy.Fixtures.CI;
import static dev.countersign.policy.Fixtures.HASH_A;
import static dev.countersign.policy.Fixtures.HASH_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Decision.Outcome;
import dev.countersign.policy.spi.HostFinding;
import dev.countersign.policy.spi.HostRule;
import dev.countersign.policy.spi.RuleContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
    private final PolicyEngine engine = Fixtures.engine();

    static PolicyRequest.Builder ask(Principal who, Action action, String environment) {
        return PolicyRequest.builder(who, action, environment);
    }

    static PolicyRequest.Builder record(String environment, Approval... approvals) {
        return ask(CI, Action.RECORD, environment)
                .proposer(BUILDER.actingFor(ALICE))
                .contentHash(HASH_A)
                .approvals(List.of(approvals));
    }

    static Approval approval(Principal who) {
        return new Approval(who, HASH_A);
    }

    @Nested
    class Permission {
        @Test
        void allowsWhatTheRolesGrant() {
            Decision decision =
                    engine.decide(ask(BUILDER, Action.PROPOSE, "staging").build());

            assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decision.policy()).isEqualTo(engine.policy().hash());
        }

        @Test
        void deniesWhatNoRoleGrantsNamingThePrincipalAndTheRoles() {
            Decision decision =
                    engine.decide(ask(ALICE, Action.CHANGE_POLICY, "staging").build());

            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
            assertThat(decision.reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.rule()).isEqualTo("permission");
                assertThat(reason.message())
                        .isEqualTo(
                                "human:alice may not change-policy in staging: its roles [approver] do not grant it");
            });
        }

        @Test
        void deniesAPrincipalWithoutAnyBinding() {
            Decision decision = engine.decide(
                    ask(Principal.human("mallory"), Action.READ, "staging").build());

            assertThat(decision.reasons())
                    .extracting(Reason::message)
                    .containsExactly("human:mallory may not read in staging: it holds no role there");
        }
    }

    @Nested
    class AgentLimits {
        @Test
        void letsAnAgentPropose() {
            assertThat(engine.decide(ask(BUILDER, Action.PROPOSE, "production").build())
                            .allowed())
                    .isTrue();
        }

        @Test
        void neverLetsAnAgentApproveEvenWithTheRole() {
            Policy generous = Policy.parse(Fixtures.POLICY.replace(
                    "{principal: \"agent:builder\", roles: [member]", "{principal: \"agent:builder\", roles: [admin]"));
            Decision decision = PolicyEngine.of(generous, Fixtures.CLOCK)
                    .decide(ask(BUILDER, Action.APPROVE, "staging")
                            .proposer(ALICE)
                            .contentHash(HASH_A)
                            .build());

            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
            assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("agent-limits");
            assertThat(decision.reasons().get(0).message())
                    .isEqualTo("agents never approve, record, unprotect or change policy: agent:builder asked to"
                            + " approve");
        }

        @Test
        void deniesRecordUnprotectAndChangePolicyToAnAgent() {
            for (Action action : List.of(Action.RECORD, Action.UNPROTECT, Action.CHANGE_POLICY)) {
                PolicyRequest.Builder ask = ask(BUILDER, action, "staging");
                if (action == Action.RECORD) {
                    ask = ask.proposer(ALICE).contentHash(HASH_A);
                }
                assertThat(engine.decide(ask.build()).reasons())
                        .extracting(Reason::rule)
                        .contains("agent-limits");
            }
        }
    }

    @Nested
    class SelfApproval {
        @Test
        void letsAnotherHumanApprove() {
            Decision decision = engine.decide(ask(CAROL, Action.APPROVE, "staging")
                    .proposer(ALICE)
                    .contentHash(HASH_A)
                    .build());

            assertThat(decision.allowed()).isTrue();
        }

        @Test
        void deniesTheProposer() {
            Decision decision = engine.decide(ask(ALICE, Action.APPROVE, "staging")
                    .proposer(ALICE)
                    .contentHash(HASH_A)
                    .build());

            assertThat(decision.reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.rule()).isEqualTo("self-approval");
                assertThat(reason.message()).endsWith("human:alice may not approve the proposal of human:alice");
            });
        }

        @Test
        void deniesTheHumanOnWhoseBehalfAnAgentProposed() {
            Decision decision = engine.decide(ask(ALICE, Action.APPROVE, "staging")
                    .proposer(BUILDER.actingFor(ALICE))
                    .contentHash(HASH_A)
                    .build());

            assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("self-approval");
            assertThat(decision.reasons().get(0).message()).contains("agent:builder on behalf of human:alice");
        }
    }

    @Nested
    class Approvals {
        @Test
        void recordsWithEnoughApprovalsFromTheRightRoles() {
            Decision decision = engine.decide(
                    record("production", approval(BOB), approval(CAROL)).build());

            assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
            assertThat(decision.reasons().get(0).message())
                    .isEqualTo("2 of 2 required approvals from [admin, approver]: human:bob, human:carol");
        }

        @Test
        void needsTheMissingApprovalsNamingTheRoles() {
            Decision decision =
                    engine.decide(record("production", approval(BOB)).build());

            assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVALS);
            assertThat(decision.missingApprovals()).isEqualTo(1);
            assertThat(decision.approverRoles()).containsExactlyInAnyOrder("approver", "admin");
        }

        @Test
        void countsAnApprovalOnlyForTheExactContentHash() {
            Decision decision = engine.decide(record("production", approval(BOB), new Approval(CAROL, HASH_B))
                    .build());

            assertThat(decision.missingApprovals()).isEqualTo(1);
            assertThat(decision.reasons())
                    .filteredOn(r -> r.rule().equals("approval-hash"))
                    .singleElement()
                    .extracting(Reason::message)
                    .asString()
                    .isEqualTo("approval by human:carol does not count: it was given for " + HASH_B
                            + ", not for this content " + HASH_A);
        }

        @Test
        void countsNeitherAgentsNorTheDelegatingHumanNorDuplicates() {
            Decision decision = engine.decide(
                    record("staging", approval(BUILDER), approval(ALICE)).build());

            assertThat(decision.missingApprovals()).isEqualTo(1);
            assertThat(decision.reasons())
                    .extracting(Reason::rule)
                    .containsExactly("approvals", "agent-limits", "self-approval");
            assertThat(engine.decide(record("production", approval(BOB), approval(BOB))
                                    .build())
                            .missingApprovals())
                    .isEqualTo(1);
        }

        @Test
        void countsNoApprovalFromAHumanWithoutARoleThere() {
            Decision decision = engine.decide(record("staging", approval(BOB)).build());

            assertThat(decision.missingApprovals()).isEqualTo(1);
            assertThat(decision.reasons())
                    .extracting(Reason::message)
                    .contains("approval by human:bob does not count: it may not approve in staging");
        }

        @Test
        void requiresProposerAndContentHashToRecord() {
            assertThatThrownBy(() -> ask(CI, Action.RECORD, "staging").build())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("action record needs the proposer and the proposal's content hash");
        }
    }

    @Nested
    class Freeze {
        private PolicyEngine at(String instant) {
            return PolicyEngine.of(Fixtures.policy(), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
        }

        @Test
        void recordsOutsideEveryWindow() {
            assertThat(at("2026-11-25T10:00:00Z")
                            .decide(record("production", approval(BOB), approval(CAROL))
                                    .build())
                            .allowed())
                    .isTrue();
        }

        @Test
        void deniesRecordingInAnAbsoluteWindowNamingItsReason() {
            Decision decision = at("2026-12-24T10:00:00Z")
                    .decide(record("production", approval(BOB), approval(CAROL)).build());

            assertThat(decision.reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.rule()).isEqualTo("freeze");
                assertThat(reason.message())
                        .isEqualTo("production is frozen at 2026-12-24T10:00:00Z: from"
                                + " 2026-12-20T00:00:00Z to 2027-01-05T00:00:00Z (year-end freeze)");
            });
        }

        @Test
        void judgesAWeeklyWindowInItsOwnTimeZone() {
            // Friday 23:30 UTC is already Saturday 00:30 in Berlin
            Decision decision = at("2026-11-27T23:30:00Z")
                    .decide(record("production", approval(BOB), approval(CAROL)).build());

            assertThat(decision.reasons())
                    .extracting(Reason::message)
                    .singleElement()
                    .asString()
                    .contains("no weekend changes");
        }

        @Test
        void doesNotFreezeOtherEnvironmentsOrProposals() {
            PolicyEngine christmas = at("2026-12-24T10:00:00Z");

            assertThat(christmas
                            .decide(record("staging", approval(CAROL)).build())
                            .allowed())
                    .isTrue();
            assertThat(christmas
                            .decide(ask(BUILDER, Action.PROPOSE, "production").build())
                            .allowed())
                    .isTrue();
        }
    }

    @Nested
    class HostRules {
        private final HostRule denyAll = rule("acme-change-board", c -> List.of(HostFinding.deny("board says no")));

        @Test
        void addsAHostDenialUnderTheHostRulesId() {
            Decision decision = engine.withHostRule(denyAll)
                    .decide(ask(BUILDER, Action.PROPOSE, "staging").build());

            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
            assertThat(decision.reasons()).containsExactly(Reason.of("acme-change-board", "board says no"));
        }

        @Test
        void addsRequiredApprovalsOnTopOfTheEnvironments() {
            HostRule twoMore = rule("acme-billing", c -> List.of(HostFinding.requireApprovals(1, "billing change")));

            Decision decision = engine.withHostRule(twoMore)
                    .decide(record("staging", approval(CAROL)).build());

            assertThat(decision.missingApprovals()).isEqualTo(1);
            assertThat(decision.reasons()).contains(Reason.of("acme-billing", "billing change"));
        }

        @Test
        void addsUpTheApprovalsOneHostRuleDemandsInTwoFindings() {
            HostRule two = rule(
                    "acme-billing",
                    c -> List.of(
                            HostFinding.requireApprovals(1, "billing change"),
                            HostFinding.requireApprovals(1, "payments change")));

            Decision decision = engine.withHostRule(two)
                    .decide(record("staging", approval(CAROL)).build());

            assertThat(decision.missingApprovals()).isEqualTo(2);
            assertThat(decision.reasons())
                    .containsExactly(
                            Reason.of("approvals", "1 of 3 required approvals from [admin, approver]: human:carol"),
                            Reason.of("acme-billing", "billing change"),
                            Reason.of("acme-billing", "payments change"));
        }

        @Test
        void runsTwoHostRulesWithDifferentIds() {
            HostRule board = rule("acme-board", c -> List.of(HostFinding.deny("board says no")));

            Decision decision = engine.withHostRule(denyAll)
                    .withHostRule(board)
                    .decide(ask(BUILDER, Action.PROPOSE, "staging").build());

            assertThat(decision.reasons())
                    .containsExactly(
                            Reason.of("acme-change-board", "board says no"), Reason.of("acme-board", "board says no"));
        }

        @Test
        void seesTheRequestPolicyAndClock() {
            List<RuleContext> seen = new java.util.ArrayList<>();
            engine.withHostRule(rule("acme-spy", c -> {
                        seen.add(c);
                        return List.of();
                    }))
                    .decide(ask(BUILDER, Action.PROPOSE, "staging").build());

            assertThat(seen).singleElement().satisfies(c -> {
                assertThat(c.now()).isEqualTo(Fixtures.WEDNESDAY);
                assertThat(c.policy()).isSameAs(engine.policy());
                assertThat(c.request().principal()).isEqualTo(BUILDER);
            });
        }

        @Test
        void cannotLiftABuiltInDenial() {
            HostRule nothing = rule("acme-quiet", c -> List.of());

            Decision decision = engine.withHostRule(nothing)
                    .decide(ask(BUILDER, Action.APPROVE, "staging")
                            .proposer(ALICE)
                            .contentHash(HASH_A)
                            .build());

            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
        }

        @Test
        void deniesWhenAHostRuleFailsWithoutLeakingItsMessage() {
            HostRule broken = rule("acme-broken", c -> {
                throw new IllegalStateException("password=hunter2");
            });

            Decision decision = engine.withHostRule(broken)
                    .decide(ask(BUILDER, Action.PROPOSE, "staging").build());

            assertThat(decision.reasons())
                    .extracting(Reason::message)
                    .containsExactly("host rule failed with IllegalStateException; denied to fail closed");
        }

        @Test
        void rejectsABuiltInOrDuplicateOrMalformedId() {
            assertThatThrownBy(() -> engine.withHostRule(rule("freeze", c -> List.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'freeze'");
            assertThatThrownBy(() -> engine.withHostRule(denyAll).withHostRule(denyAll))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> engine.withHostRule(rule("Bad Id", c -> List.of())))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsAFindingAskingForFewerThanOneApproval() {
            assertThatThrownBy(() -> HostFinding.requireApprovals(0, "none"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("extra approvals 0: must be at least 1");
        }
    }

    static HostRule rule(String id, java.util.function.Function<RuleContext, List<HostFinding>> body) {
        return new HostRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<HostFinding> evaluate(RuleContext context) {
                return body.apply(context);
            }
        };
    }

    @Nested
    class Changes {
        @Test
        void acceptsStacksThroughThePublicBuilder() {
            var base = dev.countersign.stack.StackFiles.parseStack(Fixtures.STACK, "base");
            var proposed = dev.countersign.stack.StackFiles.parseStack(
                    Fixtures.STACK.replace("image: {tag: \"1.0\"}", "image: {tag: \"2.0\"}"), "proposed");

            PolicyRequest request = ask(BUILDER, Action.PROPOSE, "staging")
                    .change(base, proposed)
                    .build();

            assertThat(request.hasChange()).isTrue();
            assertThat(engine.decide(request).reasons())
                    .extracting(Reason::path)
                    .containsExactly("api:/helm/values/image/tag");
        }

        @Test
        void judgesAFirstVersionAsAdditionsOnly() {
            var proposed = dev.countersign.stack.StackFiles.parseStack(Fixtures.STACK, "proposed");

            Decision decision = engine.decide(
                    ask(ALICE, Action.PROPOSE, "staging").firstVersion(proposed).build());

            assertThat(decision.allowed()).isTrue();
        }
    }
}
