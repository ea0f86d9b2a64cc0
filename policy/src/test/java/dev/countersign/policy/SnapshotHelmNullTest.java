package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.stack.StackFiles;
import org.junit.jupiter.api.Test;

/** A Helm {@code key: null} reaches the policy's view of a component as JSON null, not as a string. */
class SnapshotHelmNullTest {
    @Test
    void seesAHelmNullAsJsonNull() {
        var stack = StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: 1.0.0, namespace: web,
                             values: {ingress: null}}
                """, "web.yaml");

        var content = java.util.Objects.requireNonNull(
                        Snapshot.of(stack).components().get("api"))
                .content();

        assertThat(content.at("/helm/values/ingress").isNull()).isTrue();
    }
}
