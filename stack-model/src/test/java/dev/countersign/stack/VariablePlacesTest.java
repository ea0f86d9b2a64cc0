package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VariablePlacesTest {
    private static final String STACK = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: shop}
            spec:
              variables:
                tag: "${base_tag}"
                base_tag: "1.0"
                unused: x
              components:
                - name: api
                  helm:
                    repository: https://charts.example.com
                    chart: api
                    version: 1.0.0
                    namespace: shop
                    values:
                      image: {tag: "${tag}", repo: "r/${tag}-x"}
                      "a/b": ["${inline:=d}"]
                      "${tag}": literal
            """;

    @Test
    void findsDirectNestedAndInlineUsesButNoKeys() {
        var places = StackFiles.parseStack(STACK, "test").variablePlaces();

        assertThat(places.get("tag"))
                .containsExactly(
                        new Location("api", "/helm/values/image/tag"), new Location("api", "/helm/values/image/repo"));
        assertThat(places.get("base_tag")).containsExactlyInAnyOrderElementsOf(places.get("tag"));
        assertThat(places.get("inline")).containsExactly(new Location("api", "/helm/values/a~1b/0"));
        assertThat(places).doesNotContainKey("unused");
    }
}
