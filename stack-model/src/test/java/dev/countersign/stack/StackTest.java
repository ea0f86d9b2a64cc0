package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StackTest {
    static Component helm(String name, Map<String, Object> values, String... dependsOn) {
        return new Component(
                name,
                List.of(dependsOn),
                new HelmSource("https://charts.example.com", name, "1.0.0", "default", values),
                List.of());
    }

    static Stack stack(Map<String, Object> variables, Component... components) {
        return new Stack("demo", variables, List.of(components));
    }

    static final Environment STAGING = new Environment("staging", "staging-eu", Map.of("domain", "staging.io"));

    @Nested
    class Validation {
        @Test
        void rejectsAnUnknownDependencyNamingBoth() {
            assertThatThrownBy(() -> stack(Map.of(), helm("api", Map.of(), "db")))
                    .isInstanceOf(UnknownDependencyException.class)
                    .hasMessage("component 'api' depends on unknown component 'db'");
        }

        @Test
        void rejectsADependencyCycleWithItsPath() {
            assertThatThrownBy(() -> stack(Map.of(), helm("a", Map.of(), "b"), helm("b", Map.of(), "a")))
                    .isInstanceOf(DependencyCycleException.class)
                    .hasMessageContaining("a -> b -> a")
                    .extracting(e -> ((DependencyCycleException) e).cycle())
                    .isEqualTo(List.of("a", "b", "a"));
        }

        @Test
        void rejectsALongerCycleReachedFromOutside() {
            assertThatThrownBy(() -> stack(
                            Map.of(),
                            helm("entry", Map.of(), "x"),
                            helm("x", Map.of(), "y"),
                            helm("y", Map.of(), "z"),
                            helm("z", Map.of(), "x")))
                    .isInstanceOf(DependencyCycleException.class)
                    .hasMessageContaining("x -> y -> z -> x");
        }

        @Test
        void rejectsDuplicateComponentNames() {
            assertThatThrownBy(() -> stack(Map.of(), helm("a", Map.of()), helm("a", Map.of())))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("duplicate component name 'a'");
        }

        @Test
        void rejectsANameThatCouldEscapeADirectory() {
            assertThatThrownBy(() -> new Stack("../etc", Map.of(), List.of()))
                    .isInstanceOf(InvalidNameException.class)
                    .hasMessageStartingWith("invalid stack name '../etc': must be a DNS-1123 label");
        }

        @Test
        void rejectsAnInvalidVariableName() {
            assertThatThrownBy(() -> stack(Map.of("my-var", 1)))
                    .isInstanceOf(InvalidNameException.class)
                    .hasMessageContaining("invalid variable name 'my-var'");
        }

        @Test
        void acceptsADiamond() {
            Stack stack = stack(
                    Map.of(),
                    helm("base", Map.of()),
                    helm("left", Map.of(), "base"),
                    helm("right", Map.of(), "base"),
                    helm("top", Map.of(), "left", "right"));

            assertThat(stack.componentNames()).containsExactly("base", "left", "right", "top");
        }
    }

    @Nested
    class Rendering {
        @Test
        void substitutesTypedValuesForWholeReferences() {
            Stack stack = stack(Map.of("replicas", 1), helm("web", Map.of("replicas", "${replicas}")));

            RenderedStack rendered = stack.render(STAGING, Map.of("replicas", 2));

            assertThat(StackFilesTest.values(rendered.stack())).containsEntry("replicas", 2L);
        }

        @Test
        void interpolatesTextInsideLongerStrings() {
            Stack stack = stack(Map.of(), helm("web", Map.of("host", "www.${domain}", "n", "x${count:=3}")));

            RenderedStack rendered = stack.render(STAGING);

            assertThat(StackFilesTest.values(rendered.stack()))
                    .containsEntry("host", "www.staging.io")
                    .containsEntry("n", "x3");
        }

        @Test
        void appliesPrecedenceAndRecordsProvenance() {
            Stack stack = stack(
                    Map.of("a", "stack", "b", "stack", "c", "stack"),
                    helm("web", Map.of("a", "${a}", "b", "${b}", "c", "${c}", "d", "${d:=inline}")));
            var environment = new Environment("staging", "eu", Map.of("b", "env", "c", "env"));

            RenderedStack rendered = stack.render(environment, Map.of("c", "override"));

            assertThat(StackFilesTest.values(rendered.stack()))
                    .containsEntry("a", "stack")
                    .containsEntry("b", "env")
                    .containsEntry("c", "override")
                    .containsEntry("d", "inline");
            assertThat(rendered.uses())
                    .extracting(VariableUse::variable, VariableUse::source)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("a", Scope.STACK_DEFAULT),
                            org.assertj.core.groups.Tuple.tuple("b", Scope.ENVIRONMENT),
                            org.assertj.core.groups.Tuple.tuple("c", Scope.OVERRIDE),
                            org.assertj.core.groups.Tuple.tuple("d", Scope.INLINE_DEFAULT));
            assertThat(rendered.uses())
                    .filteredOn(use -> use.variable().equals("a"))
                    .singleElement()
                    .extracting(use -> use.location().toString())
                    .isEqualTo("web:/helm/values/a");
        }

        @Test
        void keepsEscapedReferencesLiteral() {
            Stack stack = stack(Map.of(), helm("web", Map.of("script", "echo $${HOME} ${domain}")));

            assertThat(StackFilesTest.values(stack.render(STAGING).stack()))
                    .containsEntry("script", "echo ${HOME} staging.io");
        }

        @Test
        void resolvesVariablesThatReferenceVariables() {
            Stack stack = stack(Map.of("host", "app.${domain}"), helm("web", Map.of("url", "https://${host}/")));

            assertThat(StackFilesTest.values(stack.render(STAGING).stack()))
                    .containsEntry("url", "https://app.staging.io/");
        }

        @Test
        void failsClosedNamingEveryUseOfAnUndefinedVariable() {
            Stack stack = stack(
                    Map.of(),
                    helm("web", Map.of("a", "${token}", "b", List.of("x", "${token}"))),
                    helm("db", Map.of("c", "pre-${other}")));

            assertThatThrownBy(() -> stack.render(STAGING))
                    .isInstanceOfSatisfying(UndefinedVariableException.class, e -> {
                        assertThat(e.variable()).isEqualTo("token");
                        assertThat(e.undefined().get("token"))
                                .extracting(Location::toString)
                                .containsExactlyInAnyOrder("web:/helm/values/a", "web:/helm/values/b/1");
                        assertThat(e.undefined().get("other"))
                                .extracting(Location::toString)
                                .containsExactly("db:/helm/values/c");
                    })
                    .hasMessageContaining("'token' used at [web:/helm/values/");
        }

        @Test
        void rejectsAVariableCycleWithItsPath() {
            Stack stack = stack(Map.of("a", "${b}", "b", "x${a}"), helm("web", Map.of("v", "${a}")));

            assertThatThrownBy(() -> stack.render(STAGING))
                    .isInstanceOf(VariableCycleException.class)
                    .hasMessage("variable cycle: a -> b -> a");
        }

        @Test
        void rejectsInterpolatingAMapIntoText() {
            Stack stack = stack(Map.of("m", Map.of("k", "v")), helm("web", Map.of("v", "x${m}")));

            assertThatThrownBy(() -> stack.render(STAGING))
                    .isInstanceOf(InvalidStackException.class)
                    .hasMessageContaining("variable 'm' holds a map")
                    .hasMessageContaining("/spec/components/0/helm/values/v");
        }

        @Test
        void validatesResolvedValues() {
            Stack stack = new Stack(
                    "demo",
                    Map.of("ns", "Not_A_Label"),
                    List.of(new Component(
                            "web",
                            List.of(),
                            new HelmSource("https://x.io", "web", "1.0.0", "${ns}", Map.of()),
                            List.of())));

            assertThatThrownBy(() -> stack.render(STAGING))
                    .isInstanceOf(InvalidNameException.class)
                    .hasMessageContaining("invalid namespace 'Not_A_Label'");
        }

        @Test
        void rendersTheSampleForProductionAndStaging() {
            Stack monitoring = Samples.monitoring();

            Stack production =
                    monitoring.render(Samples.production(), Samples.SECRETS).stack();
            Stack staging =
                    monitoring.render(Samples.staging(), Samples.SECRETS).stack();

            assertThat(StackFiles.toJson(production.toTree()))
                    .contains("\"app.example.com\"")
                    .doesNotContain("${");
            assertThat(StackFiles.toJson(staging.toTree())).contains("\"app.staging.example.com\"");
        }
    }

    @Nested
    class Secrets {
        @Test
        void redactsDeclaredSecretsAndSecretManifestData() {
            Stack rendered = Samples.monitoring()
                    .render(Samples.production(), Samples.SECRETS)
                    .redacted();

            String text = StackFiles.toJson(rendered.toTree());
            assertThat(text)
                    .doesNotContain("cf-token-s3cr3t")
                    .doesNotContain("gr4fana-s3cr3t")
                    .contains(RenderedStack.REDACTED);
        }

        @Test
        void namesTheVariablesUsedAtSecretPlaces() {
            assertThat(Samples.monitoring().secretVariables())
                    .containsExactlyInAnyOrder("cloudflare_api_token", "grafana_admin_password");
            assertThat(stack(Map.of(), helm("api", Map.of("host", "${domain}"))).secretVariables())
                    .isEmpty();
        }

        @Test
        void neverShowsValuesInToString() {
            RenderedStack rendered = Samples.monitoring().render(Samples.production(), Samples.SECRETS);

            assertThat(rendered.toString() + rendered.stack() + rendered.stack().components())
                    .doesNotContain("s3cr3t");
            assertThat(new Environment("e", "c", Map.of("token", "s3cr3t")).toString())
                    .doesNotContain("s3cr3t");
        }
    }
}
