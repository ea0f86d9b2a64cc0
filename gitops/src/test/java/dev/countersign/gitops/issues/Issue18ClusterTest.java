package dev.countersign.gitops.issues;

import static dev.countersign.gitops.issues.Issue18Fixture.CAROL;
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

/**
 * Issue 18, prune, with Argo CD and the policy's own protection: what {@code spec.protect.kinds} and
 * {@code spec.protect.components} protect carries the reconciler's opt-out, a chart's objects are never cascaded,
 * and a rename, a renderer switch or a move between stacks deletes nothing in the cluster.
 */
class Issue18ClusterTest {
    private static final String OPT_OUT = "argocd.argoproj.io/sync-options: \"Prune=false,Delete=false\"";
    private static final String POLICY = Issue18Fixture.POLICY.replace(
            "kinds: [PersistentVolumeClaim]", "kinds: [PersistentVolumeClaim, Service]\n    components: [ledger, db]");
    private static final String MANIFESTS = "argocd/staging/shop/manifests/";

    @TempDir
    Path directory;

    private Issue18Fixture fixture;

    @BeforeEach
    void open() {
        fixture = new Issue18Fixture(
                directory,
                "2026-11-24T10:00:00Z",
                POLICY,
                List.of(Issue18Fixture.argoCd("staging"), Issue18Fixture.environment("production", "flux")),
                List.of());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Stack shop(String name, String storage, boolean volume, String serviceLabel) {
        String pvc = """
                        - apiVersion: v1
                          kind: PersistentVolumeClaim
                          metadata: {name: data, namespace: shop}
                          spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
                """;
        return StackFiles.parseStack(
                """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  components:
                    - name: %s
                      manifests:
                        - apiVersion: v1
                          kind: Service
                          metadata: {name: %s-front, namespace: shop, labels: {countersign.dev/protected: "%s"}}
                          spec: {ports: [{port: 80}]}
                %s    - name: ledger
                      manifests:
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata: {name: %s-ledger, namespace: shop}
                          data: {currency: EUR}
                    - name: db
                      helm: {repository: https://charts.example.com, chart: postgres, version: 16.2.0, namespace: shop}
                """.formatted(name, storage, name, serviceLabel, volume ? pvc : "", name), name + ".yaml");
    }

    private static Stack shop() {
        return shop("shop", "storage", true, "");
    }

    private void record(String environment, Stack stack, int approvals) {
        Proposal p = fixture.repo.proposer(FORGE).propose(environment, stack, "add " + stack.name(), List.of());
        fixture.repo.reviewer(INES).approve(p.id());
        if (approvals > 1) {
            fixture.repo.reviewer(CAROL).approve(p.id());
        }
        assertThat(fixture.repo.proposal(p.id()).state()).isEqualTo(ProposalState.RECORDED);
    }

    private void refused(Runnable attempt, String rule) {
        Map<String, String> before = fixture.refs();
        assertThatThrownBy(attempt::run)
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo(rule));
        assertThat(fixture.refs()).isEqualTo(before);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void writesTheReconcilersOptOutOnWhatThePolicyProtects() {
        record("staging", shop(), 1);
        record("production", shop(), 2);

        assertThat(count(fixture.show(MANIFESTS + "storage/objects.yaml"), OPT_OUT))
                .isEqualTo(2);
        assertThat(fixture.show(MANIFESTS + "ledger/objects.yaml")).contains(OPT_OUT);
        assertThat(fixture.show("argocd/staging/shop/apps/ledger.yaml")).contains(OPT_OUT);
        assertThat(fixture.show("argocd/staging/shop/apps/db.yaml"))
                .contains(OPT_OUT)
                .doesNotContain("resources-finalizer.argocd.argoproj.io");
        assertThat(count(fixture.show("apps/production/shop/storage/objects.yaml"), "prune: disabled"))
                .isEqualTo(2);
        assertThat(fixture.show("apps/production/shop/ledger/objects.yaml")).contains("prune: disabled");
        assertThat(fixture.show("apps/production/shop/db/objects.yaml"))
                .contains("prune: disabled", "helm.sh/resource-policy: keep");
    }

    @Test
    void refusesAnAgentLiftingThePolicysProtectionOfAServiceAndLandsNothing() {
        record("staging", shop(), 1);

        refused(
                () -> fixture.repo
                        .proposer(FORGE)
                        .propose("staging", shop("shop", "storage", true, "false"), "tidy", List.of()),
                "agent-limits");
        assertThat(count(fixture.show(MANIFESTS + "storage/objects.yaml"), OPT_OUT))
                .isEqualTo(2);
    }

    @Test
    void refusesAnAgentsArgoCdRenameAndAdoptsTheVolumeWithItsOptOutForAHuman() {
        record("staging", shop(), 1);
        Stack renamed = shop("shop", "volumes", true, "");

        Map<String, String> before = fixture.refs();
        assertThatThrownBy(() -> fixture.repo.proposer(FORGE).propose("staging", renamed, "rename", List.of()))
                .isInstanceOf(ActionDeniedException.class);
        assertThat(fixture.refs()).isEqualTo(before);

        Proposal p = fixture.repo.proposer(INES).propose("staging", renamed, "rename", List.of());
        fixture.repo.reviewer(CAROL).approve(p.id());
        assertThat(fixture.repo.proposal(p.id()).state()).isEqualTo(ProposalState.RECORDED);
        assertThat(count(fixture.show(MANIFESTS + "volumes/objects.yaml"), OPT_OUT))
                .isEqualTo(2);
    }

    @Test
    void refusesASwitchFromArgoCdToNativeOverAVolumeRecordedWithoutTheOptOutAndLandsNothing() {
        record("staging", shop(), 1);
        String path = MANIFESTS + "storage/objects.yaml";
        fixture.commitOnMain(path, fixture.show(path).replace("    " + OPT_OUT + "\n", ""));
        assertThat(fixture.show(path)).doesNotContain(OPT_OUT).contains("PersistentVolumeClaim");

        refused(
                () -> fixture.repo
                        .proposer(INES)
                        .proposeEnvironment(Issue18Fixture.environment("staging", "native"), "to native", List.of()),
                "protection");
    }

    @Test
    void refusesASwitchOverAProtectedChartsApplicationRecordedWithoutTheOptOutAndLandsNothing() {
        record("staging", shop(), 1);
        String path = "argocd/staging/shop/apps/db.yaml";
        fixture.commitOnMain(path, fixture.show(path).replace("    " + OPT_OUT + "\n", ""));
        assertThat(fixture.show(path)).doesNotContain(OPT_OUT);

        Map<String, String> before = fixture.refs();
        assertThatThrownBy(() -> fixture.repo
                        .proposer(INES)
                        .proposeEnvironment(Issue18Fixture.environment("staging", "flux"), "to flux", List.of()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class,
                        e -> assertThat(e.getMessage()).contains("Application argocd/shop-db"));
        assertThat(fixture.refs()).isEqualTo(before);
    }

    @Test
    void letsASwitchFromArgoCdToFluxGoWhenEveryProtectedObjectCarriesTheOptOut() {
        record("staging", shop(), 1);

        Proposal p = fixture.repo
                .proposer(FORGE)
                .proposeEnvironment(Issue18Fixture.environment("staging", "flux"), "to flux", List.of());

        assertThat(p.state()).isEqualTo(ProposalState.PROPOSED);
    }

    @Test
    void refusesMovingAVolumeBetweenArgoCdStacksAndLandsNothing() {
        record("staging", shop(), 1);
        try {
            record("staging", shop("cache", "store", true, ""), 1);
        } catch (RuntimeException refusedAlready) {
            assertThat(refusedAlready).isInstanceOf(dev.countersign.gitops.GitOpsException.class);
        }

        refused(
                () -> fixture.repo
                        .proposer(FORGE)
                        .propose("staging", shop("shop", "storage", false, ""), "move data to cache", List.of()),
                "protection");
        assertThat(fixture.show(MANIFESTS + "storage/objects.yaml")).contains("PersistentVolumeClaim", OPT_OUT);
    }
}
