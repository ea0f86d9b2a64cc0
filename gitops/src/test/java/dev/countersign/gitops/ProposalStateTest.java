package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProposalStateTest {

    /** The lifecycle written out: "STATE EVENT" to the target when allowed, when held. */
    private static final Map<String, ProposalState[]> TABLE = Map.ofEntries(
            row("DRAFT PROPOSE", ProposalState.PROPOSED, ProposalState.PROPOSED),
            row("DRAFT WITHDRAW", ProposalState.WITHDRAWN, ProposalState.WITHDRAWN),
            row("PROPOSED APPROVE", ProposalState.APPROVED, ProposalState.PROPOSED),
            row("PROPOSED REJECT", ProposalState.REJECTED, ProposalState.REJECTED),
            row("PROPOSED WITHDRAW", ProposalState.WITHDRAWN, ProposalState.WITHDRAWN),
            row("PROPOSED REVISE", ProposalState.SUPERSEDED, ProposalState.SUPERSEDED),
            row("APPROVED APPROVE", ProposalState.APPROVED, ProposalState.APPROVED),
            row("APPROVED RECORD", ProposalState.RECORDED, ProposalState.APPROVED),
            row("APPROVED CONFLICT", ProposalState.CONFLICTED, ProposalState.CONFLICTED),
            row("APPROVED REJECT", ProposalState.REJECTED, ProposalState.REJECTED),
            row("APPROVED WITHDRAW", ProposalState.WITHDRAWN, ProposalState.WITHDRAWN),
            row("APPROVED REVISE", ProposalState.SUPERSEDED, ProposalState.SUPERSEDED));

    private static Map.Entry<String, ProposalState[]> row(String key, ProposalState allowed, ProposalState held) {
        return Map.entry(key, new ProposalState[] {allowed, held});
    }

    @Test
    void followsTheLifecycleTableForEveryStateEventAndVerdict() {
        for (ProposalState state : ProposalState.values()) {
            for (ProposalEvent event : ProposalEvent.values()) {
                ProposalState[] expected = TABLE.get(state + " " + event);
                for (Verdict verdict : Verdict.values()) {
                    if (expected == null) {
                        assertThatThrownBy(() -> Transitions.next(state, event, verdict))
                                .as("%s %s %s", state, event, verdict)
                                .isInstanceOf(IllegalTransitionException.class);
                    } else {
                        assertThat(Transitions.next(state, event, verdict))
                                .as("%s %s %s", state, event, verdict)
                                .isEqualTo(expectedTarget(state, expected, verdict));
                    }
                }
            }
        }
    }

    private static ProposalState expectedTarget(ProposalState state, ProposalState[] row, Verdict verdict) {
        return switch (verdict) {
            case ALLOW -> row[0];
            case HOLD -> row[1];
            case DENY -> state;
        };
    }

    @Nested
    class FinalStates {
        private final Set<ProposalState> finals = EnumSet.of(
                ProposalState.RECORDED,
                ProposalState.REJECTED,
                ProposalState.WITHDRAWN,
                ProposalState.SUPERSEDED,
                ProposalState.CONFLICTED);

        @ParameterizedTest
        @EnumSource(ProposalState.class)
        void areExactlyTheStatesNoEventLeaves(ProposalState state) {
            assertThat(state.isTerminal()).isEqualTo(finals.contains(state));
        }

        @Test
        void refuseEveryEventNamingTheStateAndTheEvent() {
            assertThatThrownBy(() -> Transitions.next(ProposalState.RECORDED, ProposalEvent.APPROVE, Verdict.ALLOW))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.state()).isEqualTo(ProposalState.RECORDED);
                        assertThat(e.event()).isEqualTo(ProposalEvent.APPROVE);
                    })
                    .hasMessage("cannot approve a proposal in state RECORDED: the state is final");
        }
    }

    @Nested
    class OpenStates {
        @Test
        void refuseAnEventOutsideTheLifecycle() {
            assertThatThrownBy(() -> Transitions.next(ProposalState.PROPOSED, ProposalEvent.RECORD, Verdict.ALLOW))
                    .hasMessage(
                            "cannot record a proposal in state PROPOSED: not a transition of the proposal lifecycle");
        }

        @Test
        void stayPutWhenTheVerdictDenies() {
            assertThat(Transitions.next(ProposalState.APPROVED, ProposalEvent.RECORD, Verdict.DENY))
                    .isEqualTo(ProposalState.APPROVED);
        }
    }
}
