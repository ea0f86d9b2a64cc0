package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActionTest {
    @ParameterizedTest
    @EnumSource(Action.class)
    void parsesItsOwnSpelling(Action action) {
        assertThat(Action.parse(action.spelling())).isEqualTo(action);
    }

    @Test
    void spellsWithHyphens() {
        assertThat(Action.READ_SECRET.spelling()).isEqualTo("read-secret");
        assertThat(Action.CHANGE_POLICY.spelling()).isEqualTo("change-policy");
    }

    @Test
    void rejectsAnUnknownActionListingTheKnownOnes() {
        assertThatThrownBy(() -> Action.parse("deploy"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("unknown action 'deploy': must be one of read, propose, approve,");
    }
}
