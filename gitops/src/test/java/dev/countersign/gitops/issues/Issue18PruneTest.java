package dev.countersign.gitops.issues;

import static dev.countersign.gitops.issues.Issue18Fixture.FORGE;
import static dev.countersign.gitops.issues.Issue18Fixture.INES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, prune: a protected object stays protected in the cluster, not only in Git. */
class Issue18PruneTest {
    @TempDir
    Path directory;

    private Issue18Fixture fixture;

    @BeforeEach
    void open() {
        fixture = new Issue18Fixture(directory, "2026-11-24T10:00:00Z");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Stack stack(String name, String component, boolean withVolume) {
        String volume = """
                        - apiVersion: v1
                          kind: PersistentVolumeClaim
                          metadata: {name: db, namespace: data}
                          spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
                """;
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  components:
                    - name: %s
                      manifests:
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata: {name: %s-settings, namespace: data}
                          data: {mode: fast}
                %s""".formatted(name, component, name, withVolume ? volume : ""), name + ".yaml");
    }

    private void record(Stack stack) {
        Proposal p = fixture.repo.proposer(FORGE).propose("staging", stack, "add " + stack.name(), List.of());
        assertThat(fixture.repo.reviewer(INES).approve(p.id()).state()).isEqualTo(ProposalState.RECORDED);
    }

    @Test
    void refusesAnAgentMovingAProtectedVolumeToAnotherStackAndLandsNothing() {
        record(stack("data", "storage", true));
        record(stack("cache", "store", false));
        Map<String, String> before = fixture.refs();

        assertThatThrownBy(() -> fixture.repo
                        .proposer(FORGE)
                        .propose("staging", stack("data", "storage", false), "move db to cache", List.of()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("protection"));
        assertThat(fixture.refs()).isEqualTo(before);
    }

    @Test
    void writesTheFluxOptOutOnTheVolumeSoItsKustomizationCanGo() {
        record(stack("data", "storage", true));

        assertThat(fixture.show("apps/staging/data/storage/objects.yaml"))
                .contains("kustomize.toolkit.fluxcd.io/prune: disabled");
    }

    @Test
    void letsARendererSwitchGoWhenTheVolumeCarriesTheOptOut() {
        record(stack("data", "storage", true));

        Proposal toNative = fixture.repo
                .proposer(FORGE)
                .proposeEnvironment(Issue18Fixture.environment("staging", "native"), "to native", List.of());

        assertThat(toNative.state()).isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void refusesARendererSwitchOverAVolumeRecordedWithoutTheOptOutAndLandsNothing() {
        record(stack("data", "storage", true));
        String path = "apps/staging/data/storage/objects.yaml";
        fixture.commitOnMain(path, fixture.show(path).replace("    kustomize.toolkit.fluxcd.io/prune: disabled\n", ""));
        assertThat(fixture.show(path)).doesNotContain("prune: disabled").contains("PersistentVolumeClaim");
        Map<String, String> before = fixture.refs();

        assertThatThrownBy(() -> fixture.repo
                        .proposer(FORGE)
                        .proposeEnvironment(Issue18Fixture.environment("staging", "native"), "to native", List.of()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("protection"));
        assertThat(fixture.refs()).isEqualTo(before);
    }

    @Test
    void letsARenameGoWhenTheNewLayoutAdoptsTheVolumeWithTheOptOut() {
        record(stack("data", "storage", true));
        String path = "apps/staging/data/storage/objects.yaml";
        fixture.commitOnMain(path, fixture.show(path).replace("    kustomize.toolkit.fluxcd.io/prune: disabled\n", ""));

        // A human proposes the rename: for an agent, moving the component's unprotected ConfigMap to another
        // Kustomization is refused on its own by rule object-move (issue 16), which is not what this test is about.
        Proposal renamed =
                fixture.repo.proposer(INES).propose("staging", stack("data", "volumes", true), "rename", List.of());

        assertThat(renamed.changedPaths()).contains(path, "apps/staging/data/volumes/objects.yaml");
    }
}
