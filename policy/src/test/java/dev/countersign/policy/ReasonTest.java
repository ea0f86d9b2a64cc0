package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReasonTest {
    @Test
    void joinsComponentAndPointerIntoAPath() {
        assertThat(new Reason("r", "m", "api", "/helm/values/x").path()).isEqualTo("api:/helm/values/x");
        assertThat(new Reason("r", "m", "api", "").path()).isEqualTo("api");
        assertThat(new Reason("r", "m", null, "/x").path()).isEqualTo("/x");
        assertThat(Reason.of("r", "m").path()).isEmpty();
    }
}
