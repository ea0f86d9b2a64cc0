package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The laws of the stack model, over generated stacks. */
class StackPropertiesTest {
    static final int EXAMPLES = 200;

    @Test
    void yamlRoundTripsEveryStack() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGenerators.stacks())
                .checkAssert(stack -> assertThat(
                                StackFiles.parseStack(StackFiles.toYaml(List.of(stack.toTree())), "gen.yaml")
                                        .toTree())
                        .isEqualTo(stack.toTree()));
    }

    @Test
    void jsonRoundTripsEveryStack() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGenerators.stacks())
                .checkAssert(stack -> assertThat(StackFiles.parseStack(StackFiles.toJson(stack.toTree()), "gen.json"))
                        .isEqualTo(stack));
    }

    @Test
    void hashIgnoresKeyOrderAndFormat() {
        qt().withExamples(EXAMPLES).forAll(StackGenerators.stacks()).checkAssert(stack -> {
            ContentHash hash = stack.contentHash();
            assertThat(ContentHash.of(reversed(stack.toTree()))).isEqualTo(hash);
            assertThat(StackFiles.parseStack(StackFiles.toJson(reversed(stack.toTree())), "r.json")
                            .contentHash())
                    .isEqualTo(hash);
        });
    }

    @Test
    void hashChangesWhenAValueChanges() {
        qt().withExamples(EXAMPLES).forAll(StackGenerators.stacks()).checkAssert(stack -> {
            var changed = new ArrayList<>(stack.components());
            changed.set(changed.size() - 1, renamed(changed.get(changed.size() - 1)));
            assertThat(stack.withComponents(changed).contentHash()).isNotEqualTo(stack.contentHash());
        });
    }

    @Test
    void renderingIsIdempotent() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGenerators.stacks(), StackGenerators.environments())
                .checkAssert((stack, environment) -> {
                    Stack once = stack.render(environment).stack();
                    assertThat(once.render(environment).stack()).isEqualTo(once);
                });
    }

    @Test
    void diffOfAStackWithItselfIsEmpty() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGenerators.stacks())
                .checkAssert(stack ->
                        assertThat(StackDiff.between(stack, stack).isEmpty()).isTrue());
    }

    @Test
    void appliedDiffExplainsEveryChange() {
        Gen<Stack> stacks = StackGenerators.stacksWithoutSecrets();
        qt().withExamples(EXAMPLES).forAll(stacks, stacks).checkAssert((before, after) -> {
            StackDiff diff = StackDiff.between(before, after);
            diff.changed()
                    .forEach((name, changes) -> assertThat(
                                    apply(before.component(name).orElseThrow().toTree(), changes))
                            .isEqualTo(after.component(name).orElseThrow().toTree()));
            assertThat(apply(before.variables(), diff.variables())).isEqualTo(after.variables());
            assertThat(diff.added())
                    .allSatisfy(name -> assertThat(before.component(name)).isEmpty());
            assertThat(diff.removed())
                    .allSatisfy(name -> assertThat(after.component(name)).isEmpty());
        });
    }

    @Test
    void diffNeverShowsASecretValue() {
        qt().withExamples(EXAMPLES)
                .forAll(StackGenerators.stacks(), StackGenerators.stacks())
                .checkAssert((before, after) -> StackDiff.between(before, after)
                        .changed()
                        .forEach((name, changes) -> changes.stream()
                                .filter(ValueChange::secret)
                                .forEach(change -> {
                                    change.before().ifPresent(v -> assertThat(v).isEqualTo(RenderedStack.REDACTED));
                                    change.after().ifPresent(v -> assertThat(v).isEqualTo(RenderedStack.REDACTED));
                                })));
    }

    static Object apply(Object tree, List<ValueChange> changes) {
        Object result = tree;
        var removals = new ArrayList<ValueChange>();
        for (ValueChange change : changes) {
            if (change.newValue() == null) {
                removals.add(change);
            } else {
                result = Pointers.with(result, change.path(), change.newValue());
            }
        }
        Collections.reverse(removals);
        for (ValueChange change : removals) {
            result = Pointers.with(result, change.path(), null);
        }
        return result;
    }

    static Object reversed(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            var keys = new ArrayList<Object>(map.keySet());
            Collections.reverse(keys);
            var copy = new LinkedHashMap<String, Object>();
            keys.forEach(key -> copy.put((String) key, reversed(map.get(key))));
            return copy;
        }
        if (tree instanceof List<?> list) {
            return list.stream().map(StackPropertiesTest::reversed).toList();
        }
        return tree;
    }

    static Component renamed(Component component) {
        return new Component(component.name() + "x", component.dependsOn(), component.source(), component.secrets());
    }
}
