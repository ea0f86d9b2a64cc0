package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.cli.ColorOption.When;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColorOptionTest {
    @Test
    void coloursAutomaticallyOnlyOnATerminalWithoutNoColor() {
        assertThat(ColorOption.colours(When.AUTO, Map.of(), true)).isTrue();
        assertThat(ColorOption.colours(When.AUTO, Map.of(), false)).isFalse();
        assertThat(ColorOption.colours(When.AUTO, Map.of("NO_COLOR", "1"), true))
                .isFalse();
    }

    @Test
    void treatsAnEmptyNoColorAsUnset() {
        assertThat(ColorOption.colours(When.AUTO, Map.of("NO_COLOR", ""), true)).isTrue();
    }

    @Test
    void obeysAnExplicitChoiceOverTheTerminalAndNoColor() {
        assertThat(ColorOption.colours(When.ALWAYS, Map.of("NO_COLOR", "1"), false))
                .isTrue();
        assertThat(ColorOption.colours(When.NEVER, Map.of(), true)).isFalse();
    }
}
