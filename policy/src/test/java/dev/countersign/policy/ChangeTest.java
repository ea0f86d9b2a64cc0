package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeTest {
    private static List<String> pointers(Change change) {
        return change.edits().stream()
                .map(e -> e.component() + ":" + e.pointer())
                .toList();
    }

    @Test
    void hasNoEditsBetweenEqualStacks() {
        assertThat(Fixtures.change(Fixtures.STACK, Fixtures.STACK).edits()).isEmpty();
    }

    @Test
    void listsChangedLeavesWithOldAndNewValues() {
        Change change = Fixtures.edit("image: {tag: \"1.0\"}", "image: {tag: \"2.0\", pullPolicy: Always}");

        assertThat(pointers(change)).containsExactly("api:/helm/values/image/tag", "api:/helm/values/image/pullPolicy");
        assertThat(change.edits().get(0).before().asString()).isEqualTo("1.0");
        assertThat(change.edits().get(1).before()).isNull();
        assertThat(change.edits().get(1).key()).isEqualTo("pullPolicy");
    }

    @Test
    void splitsAValueThatChangesShape() {
        Change change = Fixtures.edit("image: {tag: \"1.0\"}", "image: registry/api:1.0");

        assertThat(pointers(change)).containsExactly("api:/helm/values/image/tag", "api:/helm/values/image");
    }

    @Test
    void escapesKeysThatContainSlashes() {
        Change change = Fixtures.edit("labels: {countersign.dev/protected: \"true\"}", "labels: {}");

        assertThat(pointers(change)).containsExactly("cache:/manifests/0/metadata/labels/countersign.dev~1protected");
    }

    @Test
    void namesRemovedAndTouchedComponents() {
        Change change = Fixtures.edit("max_connections: \"100\"", "max_connections: \"200\"");

        assertThat(change.removedComponents()).isEmpty();
        assertThat(change.touchedBaseComponents()).containsExactly("postgres");
        assertThat(change.base().dependentsOf(change.touchedBaseComponents()))
                .containsExactly("admin-ui", "api", "web", "worker");
    }
}
