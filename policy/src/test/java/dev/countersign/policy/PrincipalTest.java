package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrincipalTest {
    @Nested
    class Parsing {
        @ParameterizedTest
        @CsvSource({
            "human:alice,HUMAN,alice",
            "agent:builder,AGENT,builder",
            "service:ci,SERVICE,ci",
            "human:alice@example.com,HUMAN,alice@example.com"
        })
        void parsesKindAndId(String text, Principal.Kind kind, String id) {
            Principal principal = Principal.parse(text);

            assertThat(principal.kind()).isEqualTo(kind);
            assertThat(principal.id()).isEqualTo(id);
            assertThat(principal.name()).isEqualTo(text);
            assertThat(principal.onBehalfOf()).isNull();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "alice",
                    "robot:x",
                    "human:",
                    "human:-x",
                    "human:a b",
                    "human:İnes",
                    "human:ınes",
                    "human:inès",
                    "human:іnes"
                })
        void rejectsMalformedSpellingsNamingTheValue(String text) {
            assertThatThrownBy(() -> Principal.parse(text))
                    .isInstanceOfSatisfying(
                            InvalidPrincipalException.class,
                            e -> assertThat(e.value()).isEqualTo(text))
                    .hasMessageContaining("invalid principal '");
        }
    }

    @Nested
    class Delegation {
        @Test
        void letsAnAgentActForAHuman() {
            Principal delegate = Principal.agent("builder").actingFor(Principal.human("alice"));

            assertThat(delegate.onBehalfOf()).isEqualTo(Principal.human("alice"));
            assertThat(delegate).hasToString("agent:builder on behalf of human:alice");
            assertThat(delegate.name()).isEqualTo("agent:builder");
        }

        @Test
        void rejectsAHumanActingForAnother() {
            assertThatThrownBy(() -> Principal.human("bob").actingFor(Principal.human("alice")))
                    .isInstanceOf(InvalidPrincipalException.class)
                    .hasMessage(
                            "invalid principal 'human:bob': a human acts only for itself, not on behalf of another");
        }

        @Test
        void rejectsDelegationFromANonHumanOrAChain() {
            Principal ci = Principal.service("ci");
            assertThatThrownBy(() -> Principal.agent("a").actingFor(ci)).isInstanceOf(InvalidPrincipalException.class);
            Principal chained = Principal.service("ci");
            assertThatThrownBy(() -> Principal.agent("a").actingFor(chained.actingFor(Principal.human("x"))))
                    .isInstanceOf(InvalidPrincipalException.class)
                    .hasMessageContaining("only a human acting for itself can delegate");
        }

        @Test
        void involvesTheDelegatorInBothDirections() {
            Principal alice = Principal.human("alice");
            Principal delegate = Principal.agent("builder").actingFor(alice);

            assertThat(alice.involves(delegate)).isTrue();
            assertThat(delegate.involves(alice)).isTrue();
            assertThat(delegate.involves(Principal.agent("builder"))).isTrue();
            assertThat(Principal.human("bob").involves(delegate)).isFalse();
        }
    }

    @Test
    void marksOnlyAgentsAsAgents() {
        assertThat(Principal.agent("a").isAgent()).isTrue();
        assertThat(Principal.service("a").isAgent()).isFalse();
        assertThat(Principal.human("a").isAgent()).isFalse();
    }
}
