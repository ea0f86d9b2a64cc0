package dev.countersign.render;

import static dev.countersign.render.ValueTrees.map;

import dev.countersign.render.spi.LayoutRenderer;
import dev.countersign.render.spi.ProtectedObjects;
import dev.countersign.render.spi.RenderRequest;
import dev.countersign.render.spi.RenderedFiles;
import dev.countersign.stack.Component;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays a stack out for Argo CD: a root app-of-apps {@code Application} in
 * {@code argocd/<env>/<stack>.yaml}, one {@code Application} per component in
 * {@code argocd/<env>/<stack>/apps/}, annotated with its DAG wave, and raw manifests in
 * {@code argocd/<env>/<stack>/manifests/<component>/}.
 */
final class ArgoCdLayout implements LayoutRenderer {
    static final String NAMESPACE = "argocd";
    static final String WAVE = "argocd.argoproj.io/sync-wave";
    static final String SKIP_DRY_RUN = "SkipDryRunOnMissingResource=true";
    private static final String IN_CLUSTER = "https://kubernetes.default.svc";

    private final ArgoCdOptions options;

    ArgoCdLayout(ArgoCdOptions options) {
        this.options = options;
    }

    @Override
    public RenderedFiles render(RenderRequest request) {
        Stack stack = request.stack().stack();
        String base = "argocd/" + request.environment().name() + "/" + stack.name();
        var files = new TreeMap<String, byte[]>();
        for (Component component : stack.components()) {
            if (SecretRefs.any(Plaintext.manifests(component)) || SecretRefs.any(Plaintext.helmValues(component))) {
                throw new RenderException("component '" + component.name() + "' of stack '" + stack.name()
                        + "' uses a secret variable outside its secret places: Argo CD has no decryption, so"
                        + " its value cannot be written");
            }
            int wave = request.waveOf(component.name());
            String manifests = base + "/manifests/" + component.name();
            files.put(
                    base + "/apps/" + component.name() + ".yaml",
                    ValueTrees.yaml(List.of(application(stack, component, wave, manifests, request.protection()))));
            if (!(component.source() instanceof HelmSource)) {
                files.putAll(Kustomize.folder(
                        manifests,
                        PruneOptOut.applied(
                                Plaintext.manifests(component),
                                component.name(),
                                request.protection(),
                                PruneOptOut.ARGO_CD)));
            }
        }
        files.put(base + ".yaml", ValueTrees.yaml(List.of(root(stack, base + "/apps"))));
        SignedHeads.addTo(files, SignedHeads.argoCd(request.environment().name(), options));
        return RenderedFiles.of(files);
    }

    private Map<String, Object> root(Stack stack, String apps) {
        var spec = map(
                "project", options.project(),
                "source", gitSource(apps),
                "destination", map("server", IN_CLUSTER, "namespace", NAMESPACE),
                "syncPolicy", map("automated", map("prune", true, "selfHeal", true)));
        return map(
                "apiVersion",
                "argoproj.io/v1alpha1",
                "kind",
                "Application",
                "metadata",
                map("name", stack.name(), "namespace", NAMESPACE),
                "spec",
                spec);
    }

    /**
     * A component's Application. A Helm component's objects are not in Git, so none can carry the opt-out: its
     * Application has no cascading-deletion finalizer (deleting it orphans the chart's objects) and no automated
     * prune (an upgrade that stops rendering an object leaves it for a person to prune). A protected component's
     * Application carries the opt-out itself, so the root Application neither prunes nor deletes it.
     */
    private Map<String, Object> application(
            Stack stack, Component component, int wave, String manifests, ProtectedObjects protection) {
        var syncOptions = new ArrayList<Object>();
        var destination = map("server", options.destinationServer());
        boolean helmChart = component.source() instanceof HelmSource;
        Map<String, Object> source;
        if (component.source() instanceof HelmSource helm) {
            source = helmSource(component, helm);
            destination.put("namespace", helm.namespace());
            syncOptions.add("CreateNamespace=true");
        } else {
            source = gitSource(manifests);
            if (wave > 0 && CustomResources.any(Plaintext.manifests(component))) {
                syncOptions.add(SKIP_DRY_RUN);
            }
        }
        var spec = map(
                "project",
                options.project(),
                "source",
                source,
                "destination",
                destination,
                "syncPolicy",
                map("automated", map("prune", !helmChart, "selfHeal", true), "syncOptions", syncOptions));
        var annotations = map(WAVE, Integer.toString(wave));
        if (protection.coversComponent(component.name())) {
            annotations.put(PruneOptOut.ARGO_CD.getKey(), PruneOptOut.ARGO_CD.getValue());
        }
        var metadata =
                map("name", stack.name() + "-" + component.name(), "namespace", NAMESPACE, "annotations", annotations);
        if (!helmChart) {
            metadata.put("finalizers", List.of("resources-finalizer.argocd.argoproj.io"));
        }
        return map("apiVersion", "argoproj.io/v1alpha1", "kind", "Application", "metadata", metadata, "spec", spec);
    }

    private Map<String, Object> gitSource(String path) {
        return map("repoURL", options.repoUrl(), "targetRevision", options.targetRevision(), "path", path);
    }

    /**
     * A Helm source. A chart with a digest becomes Argo CD's OCI source ({@code oci://} URL of the chart,
     * {@code path: .}, the digest as {@code targetRevision}; Argo CD 3.1 or later), so the approved bytes are
     * pulled; otherwise a Helm source with the exact version.
     */
    private static Map<String, Object> helmSource(Component component, HelmSource helm) {
        boolean oci = helm.repository().startsWith("oci://");
        var helmSpec = map("releaseName", component.name());
        var values = Plaintext.helmValues(component);
        if (!values.isEmpty()) {
            helmSpec.put("valuesObject", values);
        }
        String digest = helm.digest();
        if (oci && digest != null) {
            String base = helm.repository().endsWith("/") ? helm.repository() : helm.repository() + "/";
            return map("repoURL", base + helm.chart(), "path", ".", "targetRevision", digest, "helm", helmSpec);
        }
        String repoUrl = oci ? helm.repository().substring("oci://".length()) : helm.repository();
        return map("repoURL", repoUrl, "chart", helm.chart(), "targetRevision", helm.version(), "helm", helmSpec);
    }
}
