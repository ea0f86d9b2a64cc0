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
 * Lays a stack out for Flux, after the flux2 multi-cluster example: one {@code Kustomization} per
 * component in {@code clusters/<env>/<stack>.yaml}, whose {@code dependsOn} mirrors the stack's
 * edges, and each component's objects in {@code apps/<env>/<stack>/<component>/}.
 */
final class FluxLayout implements LayoutRenderer {
    static final String NAMESPACE = "flux-system";
    static final String SOPS_SECRET = "sops-age";

    /** The name of a stack's secrets folder, and the suffix of its Secret and Kustomization names. */
    static final String SECRETS = "secrets";

    /** The file the Git engine writes the stack's sops-encrypted Secret to, in the secrets folder. */
    static final String SECRET_FILE = "secret.sops.yaml";

    private final FluxOptions options;

    FluxLayout(FluxOptions options) {
        this.options = options;
    }

    @Override
    public RenderedFiles render(RenderRequest request) {
        String env = request.environment().name();
        Stack stack = request.stack().stack();
        boolean secrets = !request.secretVariables().isEmpty();
        var files = new TreeMap<String, byte[]>();
        var kustomizations = new ArrayList<Map<String, Object>>();
        if (secrets) {
            String folder = secretsFolder(env, stack.name());
            if (stack.components().stream().anyMatch(c -> c.name().equals(SECRETS))) {
                throw new RenderException("stack '" + stack.name() + "' has a component named '" + SECRETS
                        + "', the folder and Kustomization of its sops-encrypted Secret: rename the component");
            }
            kustomizations.add(secretsKustomization(stack, folder));
            files.putAll(Kustomize.listing(folder, List.of(SECRET_FILE)));
        }
        for (Component component : stack.components()) {
            String folder = "apps/" + env + "/" + stack.name() + "/" + component.name();
            FluxComponent rendered = secrets
                    ? withSecrets(stack, component, request.protection())
                    : plain(stack, component, request.protection());
            kustomizations.add(kustomization(stack, component, folder, rendered));
            files.putAll(Kustomize.folder(
                    folder,
                    PruneOptOut.applied(rendered.objects(), component.name(), request.protection(), PruneOptOut.FLUX)));
        }
        files.put("clusters/" + env + "/" + stack.name() + ".yaml", ValueTrees.yaml(kustomizations));
        files.put("apps/" + env + "/.sops.yaml", ValueTrees.yaml(List.of(sopsRules())));
        SignedHeads.addTo(files, SignedHeads.flux(env, options));
        return RenderedFiles.of(files);
    }

    /**
     * Returns the folder of a stack's sops-encrypted {@code Secret}, which the Git engine writes.
     *
     * @param env the environment
     * @param stack the stack
     * @return {@code apps/<env>/<stack>/secrets}
     */
    static String secretsFolder(String env, String stack) {
        return "apps/" + env + "/" + stack + "/" + SECRETS;
    }

    /** The objects of one component and how they use the stack's Secret. */
    private record FluxComponent(List<Map<String, Object>> objects, boolean usesSecret, boolean substitutes) {}

    private FluxComponent plain(Stack stack, Component component, ProtectedObjects protection) {
        return new FluxComponent(objects(stack, component, protection), false, false);
    }

    @SuppressWarnings("unchecked")
    private FluxComponent withSecrets(Stack stack, Component component, ProtectedObjects protection) {
        var values = new FluxSecretValues(component, name(stack, SECRETS));
        List<Map<String, Object>> objects = component.source() instanceof HelmSource helm
                ? new FluxHelm(options, name(stack, component.name()), protection)
                        .objects(component, helm, values.helmValues(), values.valuesFrom())
                : values.manifests();
        boolean substitutes = SecretRefs.any(objects);
        if (substitutes) {
            objects = (List<Map<String, Object>>) SecretRefs.substituted(objects);
        }
        return new FluxComponent(objects, substitutes || !values.valuesFrom().isEmpty(), substitutes);
    }

    private Map<String, Object> secretsKustomization(Stack stack, String folder) {
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
                map("kind", "GitRepository", "name", options.gitRepository()),
                "decryption",
                map("provider", "sops", "secretRef", map("name", SOPS_SECRET)));
        return object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", name(stack, SECRETS), spec);
    }

    private Map<String, Object> kustomization(Stack stack, Component component, String folder, FluxComponent rendered) {
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
        var dependsOn = new ArrayList<Object>();
        component.dependsOn().forEach(dependency -> dependsOn.add(map("name", name(stack, dependency))));
        if (rendered.usesSecret()) {
            dependsOn.add(map("name", name(stack, SECRETS)));
        }
        if (!dependsOn.isEmpty()) {
            spec.put("dependsOn", dependsOn);
        }
        if (Plaintext.carriesSecrets(component)) {
            spec.put("decryption", map("provider", "sops", "secretRef", map("name", SOPS_SECRET)));
        }
        if (rendered.substitutes()) {
            spec.put("postBuild", map("substituteFrom", List.of(map("kind", "Secret", "name", name(stack, SECRETS)))));
        }
        return object("kustomize.toolkit.fluxcd.io/v1", "Kustomization", name(stack, component.name()), spec);
    }

    private List<Map<String, Object>> objects(Stack stack, Component component, ProtectedObjects protection) {
        if (component.source() instanceof HelmSource helm) {
            return new FluxHelm(options, name(stack, component.name()), protection)
                    .objects(component, helm, Plaintext.helmValues(component), List.of());
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
