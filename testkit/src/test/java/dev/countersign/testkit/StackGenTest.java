package dev.countersign.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.countersign.stack.Component;
import dev.countersign.stack.DeployPlan;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackGenTest {
    private static final int EXAMPLES = 200;
    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

    @TempDir
    Path dir;

    @Test
    void stacksRoundTripThroughAFile() {
        qt().withExamples(EXAMPLES).forAll(StackGen.stacks()).checkAssert(stack -> {
            Path file = write("stack.yaml", StackFiles.toYaml(List.of(stack.toTree())));

            assertThat(StackFiles.readStack(file).toTree()).isEqualTo(stack.toTree());
        });
    }

    @Test
    void stacksRoundTripThroughJsonToAnEqualStack() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGen.stacks())
                .checkAssert(stack -> assertThat(StackFiles.parseStack(StackFiles.toJson(stack.toTree()), "gen.json"))
                        .isEqualTo(stack)
                        .extracting(Stack::contentHash)
                        .isEqualTo(stack.contentHash()));
    }

    @Test
    void environmentsRoundTripThroughAFile() {
        qt().withExamples(EXAMPLES).forAll(StackGen.environments()).checkAssert(environment -> {
            Path file = write("env.yaml", StackFiles.toYaml(List.of(environment.toTree())));

            assertThat(StackFiles.readEnvironment(file)).isEqualTo(environment);
        });
    }

    @Test
    void deployPlansPutEveryDependencyFirst() {
        qt().withExamples(EXAMPLES).forAll(StackGen.stacks(12)).checkAssert(stack -> {
            List<String> order = DeployPlan.of(stack).order();

            assertThat(order).containsExactlyInAnyOrderElementsOf(stack.componentNames());
            assertThat(stack.components())
                    .allSatisfy(c -> assertThat(c.dependsOn())
                            .allSatisfy(d -> assertThat(order.indexOf(d)).isLessThan(order.indexOf(c.name()))));
        });
    }

    @Test
    void stacksRenderForEveryEnvironmentWithoutLeftoverReferences() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGen.stacks(), StackGen.environments())
                .checkAssert((stack, environment) -> assertThat(StackFiles.toJson(
                                stack.render(environment).stack().toTree()))
                        .doesNotContain("${"));
    }

    @Test
    void namesFollowTheDnsLabelRules() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGen.stacks(), StackGen.environments())
                .checkAssert((stack, env) -> {
                    assertThat(stack.name()).matches(DNS_LABEL);
                    assertThat(stack.componentNames()).allMatch(name -> name.matches(DNS_LABEL));
                    assertThat(List.of(env.name(), env.cluster())).allMatch(name -> name.matches(DNS_LABEL));
                    assertThat(stack.variables().keySet()).isNotEmpty().isSubsetOf(StackGen.variableNames());
                });
    }

    @Test
    void stacksWithoutSecretsHaveNone() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGen.stacksWithoutSecrets())
                .checkAssert(stack -> assertThat(stack.components())
                        .flatExtracting(Component::secretPointers)
                        .isEmpty());
    }

    @Test
    void stacksReachSecretsBothSourcesAndDependencies() {
        var seen = new HashSet<String>();
        qt().withExamples(EXAMPLES)
                .forAll(StackGen.stacks())
                .checkAssert(stack -> stack.components().forEach(c -> {
                    seen.add(c.source().key());
                    if (!c.secretPointers().isEmpty()) {
                        seen.add("secret");
                    }
                    if (!c.dependsOn().isEmpty()) {
                        seen.add("dependsOn");
                    }
                }));
        assertThat(seen).contains("helm", "manifests", "secret", "dependsOn");
    }

    @Test
    void staysWithinItsBounds() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGen.stacks(3))
                .checkAssert(stack -> assertThat(stack.components()).hasSizeBetween(1, 3));
        assertThatThrownBy(() -> StackGen.stacks(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid maxComponents 0: must be between 1 and 100");
        assertThatThrownBy(() -> StackGen.stacks(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shrunkStacksAreStillValidAndRoundTrip() {
        List<Stack> tried = Shrinking.valuesTried(
                StackGen.stacks(8), stack -> stack.components().size() < 4);

        assertThat(tried).hasSizeGreaterThan(1);
        assertThat(tried)
                .allSatisfy(stack -> assertThat(StackFiles.parseStack(StackFiles.toJson(stack.toTree()), "shrunk.json"))
                        .isEqualTo(stack));
    }

    @Test
    void shrunkEnvironmentsAreStillValid() {
        List<Environment> tried = Shrinking.valuesTried(
                StackGen.environments(), env -> env.variables().size() < 3);

        assertThat(tried).hasSizeGreaterThan(1);
        assertThat(tried)
                .allSatisfy(env -> assertThat(
                                StackFiles.parseEnvironment(StackFiles.toYaml(List.of(env.toTree())), "shrunk.yaml"))
                        .isEqualTo(env));
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
