package dev.countersign.benchmarks.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.sops.FileFormat;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class SopsBenchmarkTest {
    private static final int LEAVES = 2_000;

    @Nested
    class TheGenerator {
        @Test
        void producesExactlyTheRequestedNumberOfLeaves() {
            assertThat(leaves(parse(HelmValues.generate(LEAVES, 1L)))).hasSize(LEAVES);
            assertThat(leaves(parse(HelmValues.generate(HelmValues.BENCHMARK_LEAVES, SopsBenchmark.SEED))))
                    .hasSize(HelmValues.BENCHMARK_LEAVES);
        }

        @Test
        void isDeterministicPerSeed() {
            assertThat(HelmValues.generate(LEAVES, 7L)).isEqualTo(HelmValues.generate(LEAVES, 7L));
            assertThat(HelmValues.generate(LEAVES, 7L)).isNotEqualTo(HelmValues.generate(LEAVES, 8L));
        }

        @Test
        void mixesStringsIntsAndBoolsInMapsAndListsOfMaps() {
            List<Object> values = new ArrayList<>();
            collect(parse(HelmValues.generate(LEAVES, 1L)), values);
            assertThat(values).hasAtLeastOneElementOfType(String.class);
            assertThat(values).hasAtLeastOneElementOfType(Integer.class);
            assertThat(values).hasAtLeastOneElementOfType(Boolean.class);
        }

        @Test
        void rejectsTooFewLeaves() {
            assertThatThrownBy(() -> HelmValues.generate(3, 1L))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3");
        }
    }

    @Nested
    class ThePeersAgree {
        private final SopsFixture fixture = SopsFixture.create(LEAVES, 3L);
        private final List<String> expected = leaves(parse(text(fixture.plaintext())));

        @Test
        void countersignDecryptGivesThePlaintextValues() {
            byte[] decrypted = fixture.sops().decrypt(fixture.encrypted(), FileFormat.YAML);
            assertThat(leaves(parse(text(decrypted)))).isEqualTo(expected);
        }

        @Test
        void theFloorDecryptsTheSameFileToThePlaintextValues() {
            AesGcmFloor floor = new AesGcmFloor(fixture.dataKey(), new SecureRandom());
            assertThat(leaves(floor.decrypt(fixture.encrypted()))).isEqualTo(expected);
        }

        @Test
        void theFloorEncryptsEveryValueSoThatItsDecryptReadsThemBack() {
            AesGcmFloor floor = new AesGcmFloor(fixture.dataKey(), new SecureRandom());
            Object sealed = floor.encrypt(fixture.plaintext());
            assertThat(leaves(sealed)).allMatch(leaf -> leaf.startsWith("enc[aes256_gcm,data:"));
            String yaml = new org.snakeyaml.engine.v2.api.Dump(
                            org.snakeyaml.engine.v2.api.DumpSettings.builder().build())
                    .dumpToString(sealed);
            assertThat(leaves(floor.decrypt(yaml.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(expected);
        }

        @Test
        void theFloorReadsAnEncryptedFileLargerThanSnakeyamlsDefaultLimit() {
            SopsFixture large = SopsFixture.create(HelmValues.BENCHMARK_LEAVES, SopsBenchmark.SEED);
            assertThat(large.encrypted().length).isGreaterThan(3 * 1024 * 1024);
            AesGcmFloor floor = new AesGcmFloor(large.dataKey(), new SecureRandom());
            assertThat(leaves(floor.decrypt(large.encrypted()))).hasSize(HelmValues.BENCHMARK_LEAVES);
        }

        @Test
        void theFloorRejectsAWrongDataKey() {
            AesGcmFloor floor = new AesGcmFloor(new byte[32], new SecureRandom());
            assertThatThrownBy(() -> floor.decrypt(fixture.encrypted())).isInstanceOf(IllegalStateException.class);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Object parse(String yaml) {
        return new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    /** Leaves in document order, as lower-case strings (sops spells bools True/False). */
    private static List<String> leaves(Object tree) {
        List<Object> values = new ArrayList<>();
        collect(tree, values);
        List<String> strings = new ArrayList<>();
        values.forEach(value -> strings.add(String.valueOf(value).toLowerCase(Locale.ROOT)));
        return strings;
    }

    private static void collect(Object node, List<Object> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!"sops".equals(key)) {
                    collect(value, out);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(element -> collect(element, out));
        } else {
            out.add(node);
        }
    }
}
