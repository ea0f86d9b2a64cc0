package dev.countersign.policy;

import static dev.countersign.policy.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Decision.Outcome;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The law of issue 16: for any stack change and policy, the decision on the rendering is never more
 * permissive than the decision on the same change written out literally (the renderings judged as
 * plain stacks without variables).
 */
class RenderingLawTest {
    private static final List<String> VALUES =
            List.of("1", "data", "other", "${v}", "${w}", "x-${v}", "AKIAIOSFODNN7EXAMPLE", "ClusterRole");
    private static final List<String> DEFAULTS = List.of("1", "data", "other", "${w}", "AKIAIOSFODNN7EXAMPLE");

    /** One version of a generated stack: where variables are used and what their defaults are. */
    record Version(String v, String w, String replicas, String tag, String cpu, String pvc, boolean protect) {
        String text() {
            return """
                    apiVersion: countersign.dev/v1
                    kind: Stack
                    metadata: {name: shop}
                    spec:
                      variables: {v: "%s", w: "%s"}
                      components:
                        - name: storage
                          manifests:
                            - apiVersion: v1
                              kind: PersistentVolumeClaim
                              metadata: {name: "%s", namespace: db, labels: {countersign.dev/protected: "%s"}}
                        - name: api
                          dependsOn: [storage]
                          helm:
                            repository: https://charts.example.com
                            chart: api
                            version: 1.0.0
                            namespace: shop
                            values: {replicaCount: "%s", image: {tag: "%s"}, resources: {cpu: "%s"}}
                    """.formatted(v, w, pvc, protect, replicas, tag, cpu);
        }
    }

    private static Gen<Version> versions() {
        Gen<String> value = Generate.pick(VALUES);
        Gen<String> pvc = Generate.pick(List.of("data", "other", "${v}", "${w}"));
        return Generate.pick(DEFAULTS)
                .zip(Generate.pick(List.of("1", "data", "other", "AKIAIOSFODNN7EXAMPLE")), (v, w) ->
                        new String[] {v, w})
                .zip(value, value, (vw, replicas, tag) -> new String[] {vw[0], vw[1], replicas, tag})
                .zip(
                        value,
                        pvc,
                        Generate.booleans(),
                        (a, cpu, name, protect) -> new Version(a[0], a[1], a[2], a[3], cpu, name, protect));
    }

    @Test
    void theRenderingIsNeverJudgedMorePermissivelyThanItsLiteralSpelling() {
        Gen<Principal> who = Generate.pick(List.of(Fixtures.BUILDER, Fixtures.DAVE, Fixtures.CI));
        qt().withExamples(Theories.examples(120))
                .forAll(PolicyGenerators.policies(), versions(), versions(), who)
                .checkAssert((policy, base, proposed, principal) -> {
                    for (Environment environment : List.of(
                            new Environment("staging", "kind", Map.of()),
                            new Environment("staging", "kind", Map.of("v", "data")),
                            new Environment("staging", "kind", Map.of("w", "${v}")))) {
                        check(policy, base, proposed, principal, environment);
                    }
                });
    }

    private static void check(Policy policy, Version base, Version proposed, Principal who, Environment env) {
        Stack before = StackFiles.parseStack(base.text(), "base");
        Stack after = StackFiles.parseStack(proposed.text(), "proposed");
        Stack literalBefore = literal(before, env);
        Stack literalAfter = literal(after, env);
        if (literalBefore == null || literalAfter == null) {
            return;
        }
        PolicyEngine engine = PolicyEngine.of(policy, Fixtures.CLOCK);
        for (Action action : List.of(Action.PROPOSE, Action.RECORD)) {
            Decision rendering = engine.decide(
                    request(who, action).change(before, after, env).build());
            Decision literally = engine.decide(
                    request(who, action).change(literalBefore, literalAfter).build());

            assertThat(PolicyPropertiesTest.strictness(rendering))
                    .isGreaterThanOrEqualTo(PolicyPropertiesTest.strictness(literally));
            if (literally.outcome() == Outcome.DENY) {
                assertThat(rendering.reasons())
                        .extracting(Reason::rule, Reason::component, Reason::pointer)
                        .containsAll(literally.reasons().stream()
                                .map(r -> org.assertj.core.groups.Tuple.tuple(r.rule(), r.component(), r.pointer()))
                                .toList());
            }
        }
    }

    private static PolicyRequest.Builder request(Principal who, Action action) {
        PolicyRequest.Builder builder = PolicyRequest.builder(who, action, "staging");
        return action == Action.RECORD
                ? builder.proposer(Fixtures.BUILDER)
                        .contentHash(Fixtures.HASH_A)
                        .approvals(List.of(new Approval(Fixtures.CAROL, Fixtures.HASH_A)))
                : builder;
    }

    /** The rendering written out as a plain stack, or null when the version does not render. */
    private static @org.jspecify.annotations.Nullable Stack literal(Stack stack, Environment env) {
        try {
            return stack.render(env).stack();
        } catch (dev.countersign.stack.StackException e) {
            return null;
        }
    }
}
