package dev.countersign.policy;

import static dev.countersign.policy.Fixtures.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.stack.StackFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageRuleTest {
    static final String DIGEST = "sha256:" + "d".repeat(64);
    static final String POLICY =
            Fixtures.POLICY.replace("    staging:    {approvals: {required: 1, from: [approver, admin]}}\n", """
                staging:
                  approvals: {required: 1, from: [approver, admin]}
                  images:
                    require: %s
                    registries: ["ghcr.io/acme/*", registry.example.com]
                    imagePaths: ["/helm/values/image", "/helm/values/**/image"]
            """);

    static List<String> imageReasons(String require, String component) {
        String stack = """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: shop}
                spec:
                  components:
                """ + component;
        Decision decision = PolicyEngine.of(Policy.parse(POLICY.formatted(require)), Fixtures.CLOCK)
                .decide(PolicyRequest.builder(ALICE, Action.PROPOSE, "staging")
                        .firstVersion(StackFiles.parseStack(stack, "s.yaml"))
                        .build());
        return decision.reasons().stream()
                .filter(r -> r.rule().equals("images"))
                .map(r -> r.path() + " " + r.message())
                .toList();
    }

    static String deployment(String... images) {
        var containers = new StringBuilder();
        for (String image : images) {
            containers.append("{name: c, image: \"").append(image).append("\"},");
        }
        return """
                    - name: app
                      manifests:
                        - apiVersion: apps/v1
                          kind: Deployment
                          metadata: {name: app, namespace: shop}
                          spec: {template: {spec: {containers: [%s], initContainers: [{name: i, image: busybox}]}}}
                """.formatted(containers);
    }

    @Test
    void namesEveryFloatingImageOfAWorkload() {
        assertThat(imageReasons("tag", deployment("ghcr.io/acme/app:latest", "ghcr.io/acme/app:1.2.3")))
                .containsExactly(
                        "app:/manifests/0/spec/template/spec/containers/0/image image at"
                                + " /manifests/0/spec/template/spec/containers/0/image 'ghcr.io/acme/app:latest' uses"
                                + " the floating tag latest",
                        "app:/manifests/0/spec/template/spec/initContainers/0/image image at"
                                + " /manifests/0/spec/template/spec/initContainers/0/image 'busybox' has no tag,"
                                + " which means latest");
    }

    @Test
    void requiresADigestWhenThePolicySaysSo() {
        assertThat(imageReasons("digest", deployment("ghcr.io/acme/app:1.2.3", "ghcr.io/acme/app@" + DIGEST)))
                .hasSize(2)
                .first()
                .asString()
                .endsWith("'ghcr.io/acme/app:1.2.3' is not pinned by digest (@sha256:…)");
    }

    @Test
    void refusesAnImageFromAnotherRegistry() {
        assertThat(imageReasons("tag", deployment("docker.io/evil/app:1.0.0")))
                .first()
                .asString()
                .contains("'docker.io/evil/app:1.0.0' is not from an allowed registry");
    }

    @Test
    void checksHelmValuesAtTheNamedPointers() {
        String helm = """
                    - name: api
                      helm:
                        repository: https://charts.example.com
                        chart: api
                        version: 1.0.0
                        namespace: shop
                        values:
                          image: {repository: ghcr.io/acme/api, tag: 2.0.0}
                          sidecar: {image: {registry: registry.example.com, repository: side}}
                          worker: {image: "${worker_image}"}
                          other: {image: "ghcr.io/acme/ok:1.0.0"}
                """;

        assertThat(imageReasons("tag", helm))
                .containsExactly(
                        "api:/helm/values/sidecar/image image at /helm/values/sidecar/image"
                                + " 'registry.example.com/side' has no tag, which means latest",
                        "api:/helm/values/worker/image image at /helm/values/worker/image holds a variable"
                                + " reference: write the image in the stack, so the approval binds it");
    }

    @Test
    void checksImagesInListsAndRefusesValuesThatAreNoImage() {
        String helm = """
                    - name: api
                      helm:
                        repository: https://charts.example.com
                        chart: api
                        version: 1.0.0
                        namespace: shop
                        values:
                          sidecars: [{image: "ghcr.io/acme/s:1.0.0"}, {image: "ghcr.io/acme/s:latest"}]
                          bad: {image: 42}
                """;

        assertThat(imageReasons("tag", helm))
                .containsExactly(
                        "api:/helm/values/sidecars/1/image image at /helm/values/sidecars/1/image"
                                + " 'ghcr.io/acme/s:latest' uses the floating tag latest",
                        "api:/helm/values/bad/image image at /helm/values/bad/image is not an image reference the"
                                + " policy can check (a string, or a map with repository)");
    }

    @Test
    void allowsPinnedImagesAndEnvironmentsWithoutImageSettings() {
        assertThat(imageReasons("digest", deployment("ghcr.io/acme/app:1.0.0@" + DIGEST)).stream()
                        .filter(r -> !r.contains("initContainers")))
                .isEmpty();
        Decision production = Fixtures.engine()
                .decide(PolicyRequest.builder(ALICE, Action.PROPOSE, "production")
                        .firstVersion(StackFiles.parseStack(
                                "apiVersion: countersign.dev/v1\nkind: Stack\nmetadata: {name: s}\nspec:\n"
                                        + "  components:\n" + deployment("nginx"),
                                "s.yaml"))
                        .build());
        assertThat(production.reasons()).noneMatch(r -> r.rule().equals("images"));
    }

    @Test
    void rejectsAnUnknownRequirement() {
        assertThatThrownBy(() -> Policy.parse(POLICY.formatted("semver")))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("policy.spec.environments.staging.images.require")
                .hasMessageContaining("'semver' must be digest or tag");
    }

    @Test
    void parsesImageReferencesAsARuntimeDoes() {
        assertThat(ImageReference.parse("nginx")).isEqualTo(new ImageReference("docker.io/library/nginx", "", ""));
        assertThat(ImageReference.parse("localhost:5000/a/b:1@" + DIGEST))
                .isEqualTo(new ImageReference("localhost:5000/a/b", "1", DIGEST));
        assertThat(ImageReference.parse("acme/app:v2")).isEqualTo(new ImageReference("docker.io/acme/app", "v2", ""));
    }

    @Test
    void readsADigestAtTheFirstCharacterAndASlashAtTheFirstCharacterAsARuntimeDoes() {
        assertThat(ImageReference.parse("@" + DIGEST)).isEqualTo(new ImageReference("docker.io/library/", "", DIGEST));
        assertThat(ImageReference.parse("/app:1")).isEqualTo(new ImageReference("docker.io//app", "1", ""));
    }

    @Test
    void allowsARegistryPatternWithoutSlashByTheHostAlone() {
        assertThat(imageReasons("tag", deployment("registry.example.com/team/app:1.0.0")))
                .filteredOn(r -> !r.contains("initContainers"))
                .isEmpty();
        assertThat(imageReasons("tag", deployment("registry.example.org/team/app:1.0.0")))
                .filteredOn(r -> !r.contains("initContainers"))
                .containsExactly("app:/manifests/0/spec/template/spec/containers/0/image image at"
                        + " /manifests/0/spec/template/spec/containers/0/image 'registry.example.org/team/app:1.0.0'"
                        + " is not from an allowed registry [ghcr.io/acme/*, registry.example.com]");
    }
}
