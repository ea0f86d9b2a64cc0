package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectKeyTest {
    private static Manifest pvc(String apiVersion, String namespace, String name) {
        return new Manifest(Map.of(
                "apiVersion",
                apiVersion,
                "kind",
                "PersistentVolumeClaim",
                "metadata",
                Map.of("name", name, "namespace", namespace)));
    }

    private static Component component(String name, Manifest... manifests) {
        return new Component(name, List.of(), new Manifests(List.of(manifests)), List.of());
    }

    @Test
    void keysAnObjectByGroupKindNamespaceAndNameButNotVersion() {
        assertThat(pvc("v1", "db", "data").key()).isEqualTo(new ObjectKey("", "PersistentVolumeClaim", "db", "data"));
        assertThat(pvc("storage.example.com/v1", "db", "data").key().group()).isEqualTo("storage.example.com");
        assertThat(pvc("storage.example.com/v1", "db", "data").key())
                .isEqualTo(pvc("storage.example.com/v2beta1", "db", "data").key())
                .hasToString("PersistentVolumeClaim.storage.example.com db/data");
    }

    @Test
    void refusesTwoDeclarationsOfOneObjectInAStack() {
        assertThatThrownBy(() -> new Stack(
                        "shop",
                        Map.of(),
                        List.of(component("a", pvc("v1", "db", "data")), component("b", pvc("v1", "db", "data")))))
                .isInstanceOfSatisfying(DuplicateObjectException.class, e -> {
                    assertThat(e.first()).isEqualTo("a");
                    assertThat(e.second()).isEqualTo("b");
                    assertThat(e.pointer()).isEqualTo("/spec/components/1/manifests/0");
                });
    }

    @Test
    void refusesTwoObjectsThatBecomeOneWhenRendered() {
        Stack stack = new Stack(
                "shop",
                Map.of("a", "data", "b", "data"),
                List.of(component("a", pvc("v1", "db", "${a}")), component("b", pvc("v1", "db", "${b}"))));

        assertThatThrownBy(() -> stack.render(new Environment("staging", "kind", Map.of())))
                .isInstanceOf(DuplicateObjectException.class);
    }

    @Test
    void acceptsOneNameInTwoGroupsOrTwoNamespaces() {
        Stack stack = new Stack(
                "shop",
                Map.of(),
                List.of(
                        component("a", pvc("v1", "db", "data"), pvc("v1", "other", "data")),
                        component("b", pvc("example.com/v1", "db", "data"))));

        assertThat(stack.components()).hasSize(2);
    }
}
