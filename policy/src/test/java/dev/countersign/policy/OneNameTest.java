package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.HASH_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Decision.Outcome;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 18, names: one person has one name, whatever spelling an identity source hands over. */
class OneNameTest {
    private final PolicyEngine engine = Fixtures.engine();

    @Nested
    class Canonical {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "human:Ines",
                    "human:INES",
                    "Human:iNeS",
                    "human:ｉｎｅｓ",
                    "human:ＩＮＥＳ",
                    "  human:ines\t",
                    "human:ines\u3000",
                    "\u00a0human:Ines"
                })
        void foldsEverySpellingOfOnePersonToOnePrincipal(String spelling) {
            Principal principal = Principal.parse(spelling);

            assertThat(principal).isEqualTo(Principal.human("ines")).hasSameHashCodeAs(Principal.human("ines"));
            assertThat(principal.toString()).isEqualTo("human:ines");
            assertThat(principal.name()).isEqualTo("human:ines");
        }

        @Test
        void foldsCompatibilityCharactersLikeLigatures() {
            assertThat(Principal.human("\ufb01ona")).isEqualTo(Principal.human("fiona"));
        }

        @Test
        void foldsTheSameOnATurkishHost() {
            Locale before = Locale.getDefault();
            try {
                Locale.setDefault(Locale.forLanguageTag("tr-TR"));

                assertThat(Principal.parse("human:INES")).isEqualTo(Principal.human("ines"));
                assertThat(Principal.agent("BUILDER").name()).isEqualTo("agent:builder");
            } finally {
                Locale.setDefault(before);
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "human:i nes", // whitespace inside a name
                    "human:\u0130nes", // Turkish dotted capital I
                    "human:\u0131nes", // Turkish dotless i
                    "human:in\u00e8s", // precomposed è
                    "human:ine\u0300s", // e and a combining grave accent
                    "human:\u0456nes", // Cyrillic i, a look-alike of Latin i
                    "human:ine\u200bs" // zero-width space
                })
        void refusesSpellingsThatWouldLookLikeAnotherPersonRatherThanFoldThem(String spelling) {
            assertThatThrownBy(() -> Principal.parse(spelling))
                    .isInstanceOf(InvalidPrincipalException.class)
                    .hasMessageContaining("after NFKC normalisation, trimming and lower-casing");
        }

        @Test
        void delegationsCarryTheCanonicalNames() {
            Principal agent = Principal.parse("agent:Builder").actingFor(Principal.parse("human:ＡＬＩＣＥ"));

            assertThat(agent).hasToString("agent:builder on behalf of human:alice");
        }
    }

    @Nested
    class PolicyFile {
        private static final String HEAD = """
                apiVersion: countersign.dev/v1
                kind: Policy
                metadata: {name: acme}
                spec:
                  roles:
                    approver: [read, approve, record]
                """;

        @Test
        void refusesTwoBindingsOfOnePrincipalNamingBothSpellings() {
            String policy = HEAD + """
                      bindings:
                        - {principal: "human:Ines", roles: [approver], environments: [staging]}
                        - {principal: "human:INES", roles: [approver], environments: [production]}
                    """;

            assertThatThrownBy(() -> Policy.parse(policy))
                    .isInstanceOfSatisfying(PrincipalCollisionException.class, e -> {
                        assertThat(e.canonical()).isEqualTo("human:ines");
                        assertThat(e.first()).isEqualTo("human:Ines");
                        assertThat(e.second()).isEqualTo("human:INES");
                        assertThat(e.field()).isEqualTo("policy.spec.bindings[1].principal");
                    })
                    .hasMessageContaining("'human:INES' and 'human:Ines' (at policy.spec.bindings[0].principal)");
        }

        @Test
        void refusesTwoMembersOfAGroupThatFoldToOne() {
            String policy = HEAD + """
                      groups:
                        sre: ["human:ines", "human:ｉｎｅｓ"]
                    """;

            assertThatThrownBy(() -> Policy.parse(policy))
                    .isInstanceOfSatisfying(PrincipalCollisionException.class, e -> {
                        assertThat(e.first()).isEqualTo("human:ines");
                        assertThat(e.second()).isEqualTo("human:ｉｎｅｓ");
                        assertThat(e.field()).isEqualTo("policy.spec.groups.sre[1]");
                    });
        }

        @Test
        void refusesAGroupMemberAndABindingThatFoldToOne() {
            String policy = HEAD + """
                      groups:
                        sre: ["human:ines"]
                      bindings:
                        - {principal: " human:ines", roles: [approver], environments: ["*"]}
                    """;

            assertThatThrownBy(() -> Policy.parse(policy))
                    .isInstanceOfSatisfying(
                            PrincipalCollisionException.class,
                            e -> assertThat(e.second()).isEqualTo(" human:ines"));
        }

        @Test
        void acceptsOneSpellingUsedTwiceAndKeepsItCanonical() {
            Policy policy = Policy.parse(HEAD + """
                      groups:
                        sre: ["human:Ines"]
                      bindings:
                        - {principal: "human:Ines", roles: [approver], environments: [staging]}
                        - {group: sre, roles: [approver], environments: [production]}
                    """);

            assertThat(policy.principals()).containsExactly(Principal.human("ines"));
            assertThat(policy.roles(Principal.parse("human:INES"), "production"))
                    .containsExactly("approver");
            assertThat(policy.roles(Principal.parse("human:ｉｎｅｓ"), "staging")).containsExactly("approver");
        }
    }

    @Nested
    class Approvals {
        @Test
        void countsSpellingsOfOneApproverOnce() {
            Decision decision = engine.decide(PolicyEngineTest.record(
                            "production",
                            approval("human:Carol"),
                            approval("human:CAROL"),
                            approval("human:ｃａｒｏｌ"),
                            approval(" human:carol "))
                    .build());

            assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVALS);
            assertThat(decision.missingApprovals()).isEqualTo(1);
            assertThat(decision.reasons())
                    .extracting(Reason::message)
                    .containsExactly("1 of 2 required approvals from [admin, approver]: human:carol");
        }

        @Test
        void catchesSelfApprovalAcrossSpellings() {
            Decision decision =
                    engine.decide(PolicyRequest.builder(Principal.parse("human:Alice"), Action.APPROVE, "production")
                            .proposer(Principal.parse("human:ALICE"))
                            .contentHash(HASH_A)
                            .build());

            assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
            assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("self-approval");
        }

        @Test
        void discountsTheDelegatingHumanInAnotherSpelling() {
            Decision decision = engine.decide(PolicyRequest.builder(Fixtures.CI, Action.RECORD, "staging")
                    .proposer(Principal.agent("builder").actingFor(Principal.parse("human:ALICE")))
                    .contentHash(HASH_A)
                    .approvals(List.of(approval("human:ａｌｉｃｅ")))
                    .build());

            assertThat(decision.outcome()).isEqualTo(Outcome.NEEDS_APPROVALS);
            assertThat(decision.reasons()).extracting(Reason::rule).containsExactly("approvals", "self-approval");
        }

        private static Approval approval(String spelling) {
            return new Approval(Principal.parse(spelling), HASH_A);
        }
    }
}
