package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FluxOptionsTest {
    @Test
    void defaultsTargetFluxTwoSixAndTheBootstrapRepository() {
        var options = FluxOptions.defaults();

        assertThat(options.minimumVersion()).isEqualTo(FluxVersion.V2_6);
        assertThat(options.gitRepository()).isEqualTo("flux-system");
        assertThat(options.interval()).isEqualTo("10m");
        assertThat(options.ageRecipients()).isEmpty();
    }

    @Test
    void rejectsAnIntervalThatIsNotAGoDuration() {
        assertThatThrownBy(() -> new FluxOptions(FluxVersion.V2_6, "flux-system", "ten minutes", List.of()))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("'ten minutes'");
    }

    @Test
    void rejectsARepositoryNameThatIsNotALabel() {
        assertThatThrownBy(() -> new FluxOptions(FluxVersion.V2_6, "Flux_System", "1m", List.of()))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("'Flux_System'");
    }

    @Test
    void rejectsARecipientThatIsNotAnAgePublicKey() {
        assertThatThrownBy(() -> FluxOptions.defaults().withAgeRecipients(List.of("AGE-SECRET-KEY-1XYZ")))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("age1");
    }
}
