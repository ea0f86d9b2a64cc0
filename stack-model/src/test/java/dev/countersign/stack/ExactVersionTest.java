package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ExactVersionTest {
    @Nested
    class Versions {
        @Test
        void acceptsExactVersions() {
            for (String version : List.of(
                    "1.0.0",
                    "v1.16.2",
                    "0.0.1",
                    "25.27.0",
                    "1.2.3-rc.1",
                    "1.2.3-0.a-b",
                    "1.2.3+build.5",
                    "v2.0.0-beta.1+exp.sha.5114f85")) {
                assertThat(new HelmSource("https://x.io", "c", version, "ns", Map.of()).version())
                        .isEqualTo(version);
            }
        }

        @Test
        void rejectsFloatingVersionsNamingTheValue() {
            for (String version : List.of(
                    "*",
                    ">=1.0.0",
                    "1.x",
                    "1.2.x",
                    "1.2.*",
                    "latest",
                    "",
                    " ",
                    "~1.2.3",
                    "^1.2.3",
                    "1.2",
                    "1",
                    "01.2.3",
                    "1.2.3.4",
                    "=1.2.3",
                    "1.2.3 || 2.0.0",
                    ">1.0.0 <2.0.0",
                    "1.2.3 - 1.4.0",
                    "V1.2.3",
                    "1.2.3-",
                    "1.2.3-01",
                    "stable")) {
                assertThatThrownBy(() -> new HelmSource("https://x.io", "c", version, "ns", Map.of()))
                        .as(version)
                        .isInstanceOfSatisfying(FloatingVersionException.class, e -> {
                            assertThat(e.version()).isEqualTo(version);
                            assertThat(e.pointer()).isEqualTo("/helm/version");
                        })
                        .hasMessageStartingWith("chart version '" + version + "' is not an exact version");
            }
        }

        @Test
        void defersATemplatedVersionToRendering() {
            var stack = stack("${chart_version}");
            var environment = new Environment("prod", "c1", Map.of("chart_version", "1.x"));

            assertThatThrownBy(() -> stack.render(environment))
                    .isInstanceOfSatisfying(FloatingVersionException.class, e -> {
                        assertThat(e.component()).isEqualTo("web");
                        assertThat(e.version()).isEqualTo("1.x");
                        assertThat(e.pointer()).isEqualTo("/spec/components/0/helm/version");
                    });
        }

        @Test
        void boundsTheQuotedValue() {
            String hostile = "1.x" + "y".repeat(500) + "\n\u0007";

            assertThatThrownBy(() -> new HelmSource("https://x.io", "c", hostile, "ns", Map.of()))
                    .isInstanceOf(FloatingVersionException.class)
                    .message()
                    .hasSizeLessThan(400)
                    .doesNotContain("\n")
                    .contains("'1.xyyy", "…'");
        }
    }

    @Nested
    class Parsing {
        @Test
        void rejectsAStackWithARangeNamingComponentAndValue() {
            assertThatThrownBy(() -> StackFiles.parseStack(text("\">=1.0.0\""), "s.yaml"))
                    .isInstanceOfSatisfying(FloatingVersionException.class, e -> {
                        assertThat(e.component()).isEqualTo("web");
                        assertThat(e.pointer()).isEqualTo("/spec/components/0/helm/version");
                    })
                    .hasMessageContaining("component 'web': version '>=1.0.0' is not an exact version");
        }

        @Test
        void rejectsANumberWrittenWithoutQuotes() {
            assertThatThrownBy(() -> StackFiles.parseStack(text("1.5"), "s.yaml"))
                    .isInstanceOfSatisfying(
                            FloatingVersionException.class,
                            e -> assertThat(e.version()).isEqualTo("1.5"));
        }

        @Test
        void stillRequiresTheVersionField() {
            assertThatThrownBy(() -> StackFiles.parseStack(text("1.0.0").replace(", version: 1.0.0", ""), "s.yaml"))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("missing required field 'version'");
        }

        @Test
        void anyStackWithAFloatingVersionIsRejectedAtParse() {
            qt().forAll(floatingVersions())
                    .checkAssert(version -> assertThatThrownBy(
                                    () -> StackFiles.parseStack(text("'" + version.replace("'", "''") + "'"), "s.yaml"))
                            .isInstanceOfSatisfying(FloatingVersionException.class, e -> {
                                assertThat(e.component()).isEqualTo("web");
                                assertThat(e.version()).isEqualTo(version);
                            }));
        }
    }

    @Nested
    class Shrinking {
        private static final Pattern SMALLEST = Pattern.compile("Smallest found falsifying value\\(s\\) :-\\R(.*)");

        @Test
        void aBrokenGuardIsReportedWithAShortVersion() {
            // A guard that wrongly accepted every floating version longer than two characters: the property
            // fails, and the value QuickTheories reports must be one a reader takes in at a glance.
            Throwable failure = catchThrowable(
                    () -> qt().withExamples(200).forAll(floatingVersions()).check(version -> version.length() <= 2));

            Matcher smallest = SMALLEST.matcher(String.valueOf(failure.getMessage()));
            assertThat(smallest.find()).as(failure.getMessage()).isTrue();
            assertThat(smallest.group(1)).hasSizeBetween(3, 8).doesNotContain("||", " - ");
        }
    }

    @Nested
    class Digests {
        private static final String DIGEST = "sha256:" + "ab".repeat(32);

        @Test
        void keepsTheDigestThroughTreeHashAndDiff() {
            Stack plain = StackFiles.parseStack(text("1.0.0"), "s.yaml");
            Stack pinned = StackFiles.parseStack(text("1.0.0, digest: '" + DIGEST + "'"), "s.yaml");

            assertThat(pinned.component("web").orElseThrow().toTree().toString())
                    .contains(DIGEST);
            assertThat(pinned.contentHash()).isNotEqualTo(plain.contentHash());
            assertThat(StackDiff.between(plain, pinned).toString()).contains("/helm/digest");
            assertThat(StackFiles.parseStack(StackFiles.toYaml(List.of(pinned.toTree())), "r.yaml"))
                    .isEqualTo(pinned);
        }

        @Test
        void keepsTheDigestWhenRendered() {
            Stack pinned = StackFiles.parseStack(text("1.0.0, digest: '" + DIGEST + "'"), "s.yaml");

            HelmSource helm = (HelmSource) pinned.render(new Environment("prod", "c1", Map.of()))
                    .stack()
                    .components()
                    .get(0)
                    .source();
            assertThat(helm.digest()).isEqualTo(DIGEST);
        }

        @Test
        void rejectsAMalformedDigest() {
            for (String digest : List.of("sha256:abc", "sha512:" + "ab".repeat(32), "SHA256:0000", "latest")) {
                assertThatThrownBy(() -> new HelmSource("oci://x.io/c", "c", "1.0.0", "ns", Map.of(), digest))
                        .isInstanceOf(InvalidStackException.class)
                        .hasMessageContaining("digest '" + digest.substring(0, Math.min(10, digest.length())))
                        .hasMessageContaining("must be sha256: followed by 64 lower-case hex digits");
            }
        }

        @Test
        void rejectsAnUpperCaseDigest() {
            String upper = "sha256:" + "AB".repeat(32);

            assertThatThrownBy(() -> new HelmSource("oci://x.io/c", "c", "1.0.0", "ns", Map.of()).withDigest(upper))
                    .isInstanceOf(InvalidStackException.class);
        }
    }

    /** Versions that float, built from an exact one by one readable mutation, so a counterexample stays short. */
    static Gen<String> floatingVersions() {
        Gen<String> exact = integers().between(0, 20).zip(integers().between(0, 20), (a, b) -> a + "." + b + ".0");
        Gen<Integer> mutation = integers().between(0, 9);
        return exact.zip(mutation, ExactVersionTest::mutate).mix(Generate.pick(List.of("*", "latest", "", "x")));
    }

    private static String mutate(String exact, int mutation) {
        String[] parts = exact.split("\\.", -1);
        return switch (mutation) {
            case 0 -> ">=" + exact;
            case 1 -> "~" + exact;
            case 2 -> "^" + exact;
            case 3 -> parts[0] + ".x";
            case 4 -> parts[0] + "." + parts[1] + ".*";
            case 5 -> parts[0] + "." + parts[1];
            case 6 -> exact + " || " + exact;
            case 7 -> ">" + exact + " <99.0.0";
            case 8 -> exact + ".1";
            default -> exact + " - 99.0.0";
        };
    }

    private static Stack stack(String version) {
        return new Stack(
                "s",
                Map.of(),
                List.of(new Component(
                        "web", List.of(), new HelmSource("https://x.io", "web", version, "web", Map.of()), List.of())));
    }

    private static String text(String version) {
        return """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: s}
                spec:
                  components:
                    - name: web
                      helm: {repository: oci://x.io/charts, chart: web, namespace: web, version: %s}
                """.formatted(version);
    }
}
