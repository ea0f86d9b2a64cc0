package dev.countersign.gitops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void givesAnEqualValueTheRecordedFingerprintAndAChangedOneAnother() {
        SortedMap<String, String> recorded =
                Fingerprints.of(Map.of("a", "s3cr3t-1", "b", "s3cr3t-2"), Map.of(), RANDOM);

        SortedMap<String, String> next = Fingerprints.of(Map.of("a", "s3cr3t-1", "b", "s3cr3t-3"), recorded, RANDOM);

        assertThat(next.get("a")).isEqualTo(recorded.get("a"));
        assertThat(next.get("b")).isNotEqualTo(recorded.get("b"));
    }

    @Test
    void saltsEachNewValueSoEqualValuesDoNotMatch() {
        SortedMap<String, String> fingerprints = Fingerprints.of(Map.of("a", "same", "b", "same"), Map.of(), RANDOM);

        assertThat(fingerprints.get("a")).isNotEqualTo(fingerprints.get("b")).startsWith("pbkdf2-sha256:600000:");
    }

    @Test
    void roundTripsTheFileWithoutTheValues() {
        SortedMap<String, String> fingerprints =
                Fingerprints.of(Map.of("token", "s3cr3t-tok", "empty", ""), Map.of(), RANDOM);

        byte[] file = Fingerprints.write(fingerprints);

        assertThat(Fingerprints.read(file)).isEqualTo(fingerprints);
        assertThat(new String(file, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("s3cr3t");
    }

    @Test
    void ignoresAMalformedRecordedFingerprint() {
        SortedMap<String, String> next =
                Fingerprints.of(Map.of("a", "x"), Map.of("a", "pbkdf2-sha256:999999999:bad:bad"), RANDOM);

        assertThat(next.get("a")).startsWith("pbkdf2-sha256:600000:");
    }
}
