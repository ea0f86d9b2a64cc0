package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointerGlobTest {
    @ParameterizedTest
    @CsvSource({
        "/helm/values/replicaCount, /helm/values/replicaCount, true",
        "/helm/values/replicaCount, /helm/values/replicaCount/x, false",
        "/helm/values/*, /helm/values/replicaCount, true",
        "/helm/values/*, /helm/values/a/b, false",
        "/helm/values/image/**, /helm/values/image, true",
        "/helm/values/image/**, /helm/values/image/tag, true",
        "/helm/values/image/**, /helm/values/images/tag, false",
        "**/securityContext/**, /manifests/0/spec/securityContext/runAsUser, true",
        "**/securityContext/**, /helm/values/podSecurityContext/runAsUser, false",
        "**/hostNetwork, /hostNetwork, true",
        "**/hostNetwork, /manifests/0/spec/template/spec/hostNetwork, true",
        "/helm/values/*-resources/**, /helm/values/db-resources/limits, true",
        "/helm/values/*-resources/**, /helm/values/resources/limits, false",
        "/helm/values/a.b, /helm/values/aXb, false"
    })
    void matchesSegmentsAndRuns(String glob, String pointer, boolean matches) {
        assertThat(PointerGlob.parse(glob).matches(pointer)).isEqualTo(matches);
    }

    @Test
    void rejectsAGlobThatIsNotAPointer() {
        assertThatThrownBy(() -> PointerGlob.parse("helm/values")).hasMessage("must start with '/' or '**'");
        assertThatThrownBy(() -> PointerGlob.parse("/a**/b")).hasMessage("'**' must be a whole segment");
    }
}
