package dev.countersign.stack;

import static dev.countersign.stack.StackTest.helm;
import static dev.countersign.stack.StackTest.stack;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackDiffTest {
    @Test
    void isEmptyForEqualStacks() {
        assertThat(StackDiff.between(Samples.monitoring(), Samples.monitoring()).isEmpty())
                .isTrue();
    }

    @Test
    void listsAddedAndRemovedComponents() {
        Stack before = stack(Map.of(), helm("a", Map.of()), helm("b", Map.of()));
        Stack after = stack(Map.of(), helm("a", Map.of()), helm("c", Map.of()));

        StackDiff diff = StackDiff.between(before, after);

        assertThat(diff.added()).containsExactly("c");
        assertThat(diff.removed()).containsExactly("b");
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void namesEachChangedValueByPointer() {
        Stack before = stack(Map.of(), helm("grafana", Map.of("replicas", 1, "keep", "x", "gone", true)));
        Stack after = stack(Map.of(), helm("grafana", Map.of("replicas", 2, "keep", "x", "new", List.of(1))));

        StackDiff diff = StackDiff.between(before, after);

        assertThat(diff.changed().get("grafana"))
                .extracting(ValueChange::toString)
                .containsExactlyInAnyOrder(
                        "/helm/values/replicas: 1 -> 2",
                        "/helm/values/gone: true -> (absent)",
                        "/helm/values/new: (absent) -> [ 1 ]");
    }

    @Test
    void showsThatASecretChangedWithoutItsValue() {
        Stack before = Samples.monitoring()
                .render(Samples.production(), Samples.SECRETS)
                .stack();
        Stack after = Samples.monitoring()
                .render(
                        Samples.production(),
                        Map.of("cloudflare_api_token", "new-token-value", "grafana_admin_password", "gr4fana-s3cr3t"))
                .stack();

        StackDiff diff = StackDiff.between(before, after);

        ValueChange change = diff.changed().get("cloudflare-token").get(0);
        assertThat(change.path()).isEqualTo("/manifests/0/stringData/api-token");
        assertThat(change.secret()).isTrue();
        assertThat(change.toTree())
                .containsEntry("old", RenderedStack.REDACTED)
                .containsEntry("new", RenderedStack.REDACTED);
        assertThat(StackFiles.toJson(diff.toTree())).doesNotContain("s3cr3t").doesNotContain("new-token-value");
    }

    @Test
    void reportsChangedVariableDefaults() {
        Stack before = stack(Map.of("replicas", 1), helm("a", Map.of()));
        Stack after = stack(Map.of("replicas", 3), helm("a", Map.of()));

        StackDiff diff = StackDiff.between(before, after);

        assertThat(diff.variables()).extracting(ValueChange::toString).containsExactly("/replicas: 1 -> 3");
    }

    @Test
    void writesTheIssueJsonShape() {
        Stack before = stack(Map.of(), helm("grafana", Map.of("replicas", 1)));
        Stack after = stack(Map.of(), helm("grafana", Map.of("replicas", 2)));

        assertThat(StackDiff.between(before, after).toTree())
                .containsEntry("added", List.of())
                .containsEntry("removed", List.of())
                .containsEntry(
                        "changed",
                        Map.of("grafana", List.of(Map.of("path", "/helm/values/replicas", "old", 1L, "new", 2L))));
    }
}
