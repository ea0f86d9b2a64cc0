package dev.countersign.gitops.render;

import static dev.countersign.gitops.render.Trees.map;

import dev.countersign.gitops.spi.LayoutRenderer;
import dev.countersign.gitops.spi.RenderRequest;
import dev.countersign.gitops.spi.RenderedFiles;
import dev.countersign.stack.Component;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays a stack out for Flux, after the flux2 multi-cluster example: one {@code Kustomization} per
 * component in {@code clusters/<env>/<stack>.yaml}, whose {@code dependsOn} mirrors the stack's
 * edges, and each component's objects in {@code apps/<env>/<stack>/<component>/}.
 */
final class FluxLayout implements LayoutRenderer {
    static final String NAMESPACE = "flux-system";
    static final String SOPS_SECRET = "sops-age";

    private final FluxOptions options;

    FluxLayout(FluxOptions options) {
        this.options = options;
    }

    @Override
    public RenderedFiles render(RenderRequest request) {
        String env = request.environment().name();
        Stack stack = request.stack().stack();
        var files = new TreeMap<String, byte[]>();
        var kustomizations = new ArrayList<Map<String, Object>>();
        for (Component component : stack.components()) {
            String folder = "apps/" + env + "/" + stack.name() + "/" + component.name();
            kustomizations.add(kustomization(stack, component, folder));
            files.putAll(Kustomize.folder(folder, objects(stack, component)));
        }
        files.put("clusters/" + env + "/" + stack.name() + ".yaml", Trees.yaml(kustomizations));
        files.put("apps/" + env + "/.sops.yaml", Trees.yaml(List.of(sopsRules())));
        return RenderedFiles.of(files);
    }

    private Map<String, Object> kustomization(Stack stack, Component component, String folder) {
        var spec = map(
                "interval",
                options.interval(),
                "path",
                "./" + folder,
                "prune",
                true,
                "wait",
                true,
                "sourceRef",
                map("kind", "GitRepository", "name", options.gitRepository()));
        if (!component.dependsOn().isEmpty()) {
            spec.put(
                    "dependsOn",
                    component.dependsOn().stream()
                            .map(dependency -> map("name", name(stack, dependency)))
                            .toList());
        }
        if (Plaintext.carriesSecrets(component)) {
            spec.put("decryption", map("provider", "sops", "secretRef", map("name", SOPS_SECRET)));
        }
        return object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", name(stack, component.name()), spec);
    }

    private List<Map<String, Object>> objects(Stack stack, Component component) {
        if (component.source() instanceof HelmSource helm) {
            return new FluxHelm(options, name(stack, component.name())).objects(component, helm);
        }
        return Plaintext.manifests(component);
    }

    private Map<String, Object> sopsRules() {
        var rule = map("path_regex", "\\.ya?ml$", "encrypted_regex", "^(data|stringData)$");
        if (!options.ageRecipients().isEmpty()) {
            rule.put("age", String.join(",", options.ageRecipients()));
        }
        return map("creation_rules", List.of(rule));
    }

    static String name(Stack stack, String component) {
        return stack.name() + "-" + component;
    }

    static Map<String, Object> object(String apiVersion, String kind, String name, Map<String, Object> spec) {
        return map(
                "apiVersion", apiVersion,
                "kind", kind,
                "metadata", map("name", name, "namespace", NAMESPACE),
                "spec", spec);
    }
}
