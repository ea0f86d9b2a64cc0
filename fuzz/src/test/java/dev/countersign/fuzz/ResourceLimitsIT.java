package dev.countersign.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.limits.InputLimits;
import dev.countersign.policy.InvalidPolicyException;
import dev.countersign.policy.Policy;
import dev.countersign.signatures.SignatureException;
import dev.countersign.signatures.SshSignature;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.FileLimitException;
import dev.countersign.sops.Sops;
import dev.countersign.stack.DeployPlan;
import dev.countersign.stack.DocumentLimitException;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inputs at the sizes of issue 23 (64 MiB, 10^6 keys, 10^4 components, 10^5 edges), run by failsafe in a JVM of
 * at most 256 MiB heap ({@code -Xmx256m}, see this module's pom): each is either read or refused with the typed
 * error of the limit it exceeds. An {@link OutOfMemoryError} or an untyped exception fails the test; the timeout is
 * a hang guard only, not a measurement.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ResourceLimitsIT {
    private static final int MIB = 1024 * 1024;
    private static final Sops SOPS = Sops.builder()
            .keySource(AgeKeys.source(List.of(AgeIdentity.generate(new SecureRandom()))))
            .build();

    @Test
    void runsInASmallHeap() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L * MIB);
    }

    @Test
    void refusesA64MibStackBeforeParsingIt() {
        String text = "a".repeat(64 * MIB);

        assertThatThrownBy(() -> StackFiles.parseStack(text, "huge.yaml"))
                .isInstanceOf(DocumentLimitException.class)
                .hasMessageContaining(String.valueOf(InputLimits.DOCUMENT_CHARS));
    }

    @Test
    void refusesA64MibPolicySopsFileAndSignature() {
        String text = "a".repeat(64 * MIB);

        assertThatThrownBy(() -> Policy.parse(text)).isInstanceOf(InvalidPolicyException.class);
        assertThatThrownBy(() -> SshSignature.parse(text)).isInstanceOf(SignatureException.class);
        byte[] bytes = new byte[64 * MIB];
        for (FileFormat format : FileFormat.values()) {
            assertThatThrownBy(() -> SOPS.decrypt(bytes, format))
                    .as(format.name())
                    .isInstanceOf(FileLimitException.class);
        }
    }

    @Test
    void refusesAMillionKeysInAStackByTheTokenLimit() {
        var values = new StringBuilder(16 * 1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            values.append(i == 0 ? "" : ", ").append('k').append(i).append(": 1");
        }

        assertThatThrownBy(() -> StackFiles.parseStack(minimalStack("{" + values + "}"), "keys.yaml"))
                .isInstanceOf(DocumentLimitException.class);
    }

    @Test
    void refusesAMillionItemsInASopsFileWithinItsSizeLimitByTheItemLimit() {
        // YAML: a million list items under one key (4 bytes each); dotenv and INI: a million keys of at
        // most five letters (at most 8 bytes a line), so every file stays under the size limit
        var list = new StringBuilder(4 * 1_000_000 + 8).append("k:\n");
        var lines = new StringBuilder(8 * 1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            list.append("- 1\n");
            lines.append(letters(i)).append("=1\n");
        }
        Map<FileFormat, byte[]> inputs = Map.of(
                FileFormat.YAML, utf8(list),
                FileFormat.DOTENV, utf8(lines),
                FileFormat.INI, utf8(new StringBuilder("[s]\n").append(lines)));

        inputs.forEach((format, input) -> {
            assertThat(input.length).as(format.name()).isLessThan(InputLimits.SECRETS_FILE_BYTES);
            assertThatThrownBy(() -> SOPS.decrypt(input, format))
                    .as(format.name())
                    .isInstanceOf(FileLimitException.class)
                    .hasMessageContaining(String.valueOf(InputLimits.SECRETS_FILE_ITEMS));
        });
    }

    /** {@code i} in base 26 with the letters a to z: at most five letters below 26^5. */
    private static String letters(int i) {
        var name = new StringBuilder();
        int rest = i;
        do {
            name.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return name.toString();
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void plansTenThousandComponentsWithAHundredThousandEdges() {
        int perComponent = 10;
        int components = 10_000 + perComponent; // 10^5 edges: every component after the first ten has ten
        var list = new StringBuilder();
        for (int i = 0; i < components; i++) {
            list.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i).append('"');
            list.append(",\"helm\":{\"repository\":\"https://charts.example.com\",\"chart\":\"c\",")
                    .append("\"version\":\"1.0.0\",\"namespace\":\"ns\"}");
            if (i >= perComponent) {
                list.append(",\"dependsOn\":[");
                for (int d = 1; d <= perComponent; d++) {
                    list.append(d == 1 ? "" : ",").append("\"c").append(i - d).append('"');
                }
                list.append(']');
            }
            list.append('}');
        }
        String json = "{\"apiVersion\":\"countersign.dev/v1\",\"kind\":\"Stack\",\"metadata\":{\"name\":\"big\"},"
                + "\"spec\":{\"components\":[" + list + "]}}";

        Stack stack = StackFiles.parseStack(json, "big.json");
        DeployPlan plan = DeployPlan.of(stack);

        assertThat(stack.componentNames()).hasSize(components);
        assertThat(plan.waves().stream().mapToInt(List::size).sum()).isEqualTo(components);
        assertThat(plan.waves()).hasSize(components - perComponent + 1);
    }

    private static String minimalStack(String values) {
        return """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: demo}
                spec:
                  components:
                    - name: web
                      helm: {repository: https://charts.example.com, chart: web, version: 1.0.0, namespace: web,
                             values: %s}
                """.formatted(values);
    }
}
