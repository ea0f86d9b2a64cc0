package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ALICE;
import static dev.countersign.policy.Fixtures.BOB;
import static dev.countersign.policy.Fixtures.BUILDER;
import static dev.countersign.policy.Fixtures.CAROL;
import static dev.countersign.policy.Fixtures.DAVE;
import static dev.countersign.policy.Fixtures.HASH_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Decision.Outcome;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProtectionRuleTest {
    private final PolicyEngine engine = Fixtures.engine();

    private Decision propose(Principal who, Change change) {
        return engine.decide(PolicyRequest.builder(who, Action.PROPOSE, "staging")
                .change(change)
                .build());
    }

    private static String without(String stack, String componentStart, String nextComponentStart) {
        int from = stack.indexOf(componentStart);
        return stack.substring(0, from) + stack.substring(stack.indexOf(nextComponentStart));
    }

    @Nested
    class Removals {
        @Test
        void allowsEditingAProtectedObject() {
            Change change = Fixtures.edit("storage: 10Gi", "storage: 20Gi");

            assertThat(propose(ALICE, change).allowed()).isTrue();
        }

        @Test
        void deniesRemovingAComponentNamedInThePolicy() {
            Change change = Fixtures.change(
                    Fixtures.STACK,
                    without(Fixtures.STACK, "    - name: postgres", "    - name: storage")
                            .replace("dependsOn: [postgres, cache]", "dependsOn: [cache]"));

            Decision decision = propose(DAVE, change);

            assertThat(decision.reasons())
                    .filteredOn(r -> r.pointer() != null && r.pointer().isEmpty())
                    .singleElement()
                    .satisfies(reason -> {
                        assertThat(reason.rule()).isEqualTo("protection");
                        assertThat(reason.component()).isEqualTo("postgres");
                        assertThat(reason.message()).startsWith("component 'postgres' is protected by the policy");
                    });
        }

        @Test
        void deniesDeletingAnObjectOfAProtectedKind() {
            Change change = Fixtures.change(
                    Fixtures.STACK, without(Fixtures.STACK, "    - name: storage", "    - name: cache"));

            Decision decision = propose(DAVE, change);

            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
            assertThat(decision.reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.message())
                        .isEqualTo("PersistentVolumeClaim/db/data is protected in the recorded"
                                + " state; deleting it is denied; record a separate unprotect change first");
                assertThat(reason.path()).isEqualTo("storage:/manifests/0");
            });
        }

        @Test
        void deniesDeletingALabelledObjectEvenWhenTheSameChangeRemovesTheLabel() {
            String unlabelled = Fixtures.STACK.replace("labels: {countersign.dev/protected: \"true\"}", "labels: {}");
            Change change = Fixtures.change(
                    Fixtures.STACK,
                    without(unlabelled, "    - name: cache", "    - name: api")
                            .replace("dependsOn: [postgres, cache]", "dependsOn: [postgres]"));

            assertThat(propose(DAVE, change).reasons())
                    .extracting(Reason::message)
                    .singleElement()
                    .asString()
                    .startsWith("Deployment/shop/cache is protected in the recorded state");
        }

        @Test
        void judgesAgainstTheBaseSoANewLabelDoesNotProtectYet() {
            String labelled = Fixtures.STACK.replace(
                    "kind: ConfigMap\n                  metadata: {name: pg-config," + " namespace: db}",
                    "kind: ConfigMap\n                  metadata: {name: pg-config, namespace:"
                            + " db, labels: {countersign.dev/protected: \"true\"}}");
            Change change = Fixtures.change(Fixtures.STACK, labelled);

            assertThat(propose(ALICE, change).allowed()).isTrue();
        }
    }

    @Nested
    class Unprotecting {
        private final Change unlabel = Fixtures.edit(
                "labels: {countersign.dev/protected: \"true\"}", "labels: {countersign.dev/protected: \"false\"}");

        @Test
        void deniesAnAgentLiftingAProtection() {
            Decision decision = propose(BUILDER, unlabel);

            assertThat(decision.reasons()).extracting(Reason::rule).contains("agent-limits");
            assertThat(decision.reasons())
                    .filteredOn(r -> r.rule().equals("agent-limits"))
                    .singleElement()
                    .extracting(Reason::message)
                    .asString()
                    .isEqualTo("agents never unprotect: this change lifts the protection of [Deployment/shop/cache]"
                            + " and was proposed by agent:builder");
        }

        @Test
        void deniesAServiceProposingAnUnprotectChangeEvenWithThePermission() {
            Policy generous = Policy.parse(Fixtures.POLICY.replace(
                    "{principal: \"service:ci\", roles: [approver]", "{principal: \"service:ci\", roles: [admin]"));
            Decision decision = PolicyEngine.of(generous, Fixtures.CLOCK)
                    .decide(PolicyRequest.builder(Fixtures.CI, Action.PROPOSE, "staging")
                            .change(unlabel)
                            .build());

            assertThat(decision.reasons())
                    .extracting(Reason::message)
                    .singleElement()
                    .asString()
                    .endsWith("an unprotect change is proposed by a human, not by service:ci");
        }

        @Test
        void countsNoServiceApprovalForAnUnprotectChange() {
            Policy generous = Policy.parse(Fixtures.POLICY.replace(
                    "{principal: \"service:ci\", roles: [approver]", "{principal: \"service:ci\", roles: [admin]"));
            Decision decision = PolicyEngine.of(generous, Fixtures.CLOCK)
                    .decide(PolicyRequest.builder(CAROL, Action.RECORD, "staging")
                            .proposer(DAVE)
                            .contentHash(HASH_A)
                            .approvals(List.of(new Approval(Fixtures.CI, HASH_A)))
                            .change(unlabel)
                            .build());

            assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVALS);
            assertThat(decision.reasons())
                    .extracting(Reason::message)
                    .contains("approval by service:ci does not count: an unprotect change is approved by humans only");
        }

        @Test
        void deniesAHumanWithoutTheUnprotectPermission() {
            assertThat(propose(ALICE, unlabel).reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.rule()).isEqualTo("protection");
                assertThat(reason.message())
                        .endsWith("which needs the unprotect permission that human:alice lacks" + " in staging");
            });
        }

        @Test
        void allowsAnAdminToProposeAndNeedsAnotherAdminToApprove() {
            assertThat(propose(DAVE, unlabel).allowed()).isTrue();

            PolicyRequest.Builder record = PolicyRequest.builder(Fixtures.CI, Action.RECORD, "staging")
                    .proposer(DAVE)
                    .contentHash(HASH_A)
                    .change(unlabel);
            Decision byApprover = engine.decide(
                    record.approvals(List.of(new Approval(CAROL, HASH_A))).build());

            assertThat(byApprover.outcome()).isEqualTo(Outcome.NEEDS_APPROVALS);
            assertThat(byApprover.approverRoles()).containsExactly("admin");
            assertThat(byApprover.reasons())
                    .extracting(Reason::message)
                    .contains("approval by human:carol does not count: it holds none of the roles [admin]");
        }

        @Test
        void notesWhyAnUnprotectChangeNeedsApproversWhoMayUnprotect() {
            Decision decision = engine.decide(PolicyRequest.builder(Fixtures.CI, Action.RECORD, "staging")
                    .proposer(DAVE)
                    .contentHash(HASH_A)
                    .change(unlabel)
                    .build());

            assertThat(decision.reasons())
                    .containsExactly(
                            Reason.of("approvals", "0 of 2 required approvals from [admin]"),
                            new Reason(
                                    "protection",
                                    "this change lifts the protection of [Deployment/shop/cache]: it needs approval"
                                            + " from a role that may unprotect",
                                    "cache",
                                    "/manifests/0"),
                            Reason.of(
                                    "blast-radius",
                                    "changing [cache] reaches 4 dependents [admin-ui, api, web, worker], more than 3: 1"
                                            + " extra approval(s) required"));
        }

        @Test
        void asksForTheRolesThatMayUnprotectWhenTheEnvironmentsApproversMayNot() {
            Policy approversOnly = Policy.parse(Fixtures.POLICY
                    .replace(
                            "staging:    {approvals: {required: 1, from: [approver, admin]}}",
                            "staging:    {approvals: {required: 1, from: [approver]}}")
                    .replace(
                            "{principal: \"human:bob\",   roles: [admin],    environments: [production]}",
                            "{principal: \"human:bob\",   roles: [admin],    environments: [\"*\"]}"));

            Decision decision = PolicyEngine.of(approversOnly, Fixtures.CLOCK)
                    .decide(PolicyRequest.builder(Fixtures.CI, Action.RECORD, "staging")
                            .proposer(DAVE)
                            .contentHash(HASH_A)
                            .approvals(List.of(new Approval(BOB, HASH_A)))
                            .change(unlabel)
                            .build());

            assertThat(decision.approverRoles()).containsExactly("admin");
            assertThat(decision.missingApprovals()).isEqualTo(1);
            assertThat(decision.reasons())
                    .first()
                    .isEqualTo(Reason.of("approvals", "1 of 2 required approvals from [admin]: human:bob"));
        }

        @Test
        void countsOnlyAdminsOtherThanTheProposerForAnUnprotectChange() {
            Policy policy = Fixtures.policy();
            Decision decision = PolicyEngine.of(policy, Fixtures.CLOCK)
                    .decide(PolicyRequest.builder(Fixtures.CI, Action.RECORD, "production")
                            .proposer(DAVE)
                            .contentHash(HASH_A)
                            .approvals(List.of(new Approval(BOB, HASH_A), new Approval(DAVE, HASH_A)))
                            .change(unlabel)
                            .build());

            // production needs 2, plus 1 because the cache reaches 4 dependents; only bob counts
            assertThat(decision.missingApprovals()).isEqualTo(2);
            assertThat(decision.approverRoles()).containsExactly("admin");
            assertThat(decision.reasons()).extracting(Reason::rule).contains("self-approval", "blast-radius");
        }
    }
}
