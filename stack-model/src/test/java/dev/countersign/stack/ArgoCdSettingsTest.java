package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgoCdSettingsTest {
    private static final String HEAD = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata:
              name: staging
            spec:
              cluster: staging-eu
              renderer: argocd
            """;

    @Test
    void readsTheOptionsAndFillsTheDefaults() {
        var environment = StackFiles.parseEnvironment(
                HEAD + "  argocd: {repoURL: 'https://git.example.com/fleet.git', targetRevision: main}\n", "e.yaml");

        assertThat(environment.argoCd())
                .isEqualTo(new ArgoCdSettings(
                        "https://git.example.com/fleet.git", "main", "default", "https://kubernetes.default.svc"));
    }

    @Test
    void rejectsAMissingRepoUrl() {
        assertThatThrownBy(() -> StackFiles.parseEnvironment(HEAD + "  argocd: {project: apps}\n", "e.yaml"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("repoURL")
                .hasMessageContaining("/spec/argocd");
        assertThatThrownBy(() -> StackFiles.parseEnvironment(HEAD, "e.yaml"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("renderer argocd needs spec.argocd");
    }

    @Test
    void rejectsAnUnknownKeyNamingIt() {
        assertThatThrownBy(() -> StackFiles.parseEnvironment(HEAD + "  argocd: {repoURL: x, repo: y}\n", "e.yaml"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("unknown field 'repo'");
    }

    @Test
    void rejectsABlankValueOrABadProject() {
        assertThatThrownBy(() -> new ArgoCdSettings("u", " ", "default", "s"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("targetRevision");
        assertThatThrownBy(() -> new ArgoCdSettings("u", "HEAD", "Apps!", "s"))
                .isInstanceOf(InvalidNameException.class);
    }

    @Test
    void roundTripsThroughTheTree() {
        var environment =
                new Environment("e", "c", Map.of()).withArgoCd(new ArgoCdSettings("u", "main", "apps", "https://k"));

        assertThat(Environment.fromTree(environment.toTree())).isEqualTo(environment);
    }
}
