package dev.countersign.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A manifest that makes a reconciler fetch and apply content from elsewhere, with what it fetches:
 * the URL and revision it names, or the source object it applies from.
 */
record SourceManifest(KubeObject object, JsonNode manifest, String group) {
    private static final String FLUX = ".toolkit.fluxcd.io";
    private static final Set<String> FLUX_KINDS = Set.of(
            "GitRepository", "OCIRepository", "Bucket", "HelmRepository", "HelmChart", "HelmRelease", "Kustomization");
    private static final Set<String> ARGO_KINDS = Set.of("Application", "ApplicationSet", "AppProject");

    /** Returns the manifest as a source manifest when its kind fetches content, built in or added by the host. */
    static Optional<SourceManifest> of(KubeObject object, JsonNode manifest, SourceRules rules) {
        String apiVersion = manifest.path("apiVersion").asString("");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        boolean builtIn = (group.endsWith(FLUX) && FLUX_KINDS.contains(object.kind()))
                || (group.equals("argoproj.io") && ARGO_KINDS.contains(object.kind()));
        boolean added = rules.extraKinds().stream().anyMatch(k -> k.matches(group, object.kind()));
        return builtIn || added ? Optional.of(new SourceManifest(object, manifest, group)) : Optional.empty();
    }

    /** The (URL, revision) pairs this manifest fetches, when it names them itself; empty when it cannot be pinned. */
    List<Fetch> fetches() {
        JsonNode spec = manifest.path("spec");
        return switch (object.kind()) {
            case "GitRepository" -> List.of(new Fetch(text(spec, "url"), gitRevision(spec.path("ref"))));
            case "OCIRepository" -> List.of(new Fetch(text(spec, "url"), ociRevision(spec.path("ref"))));
            case "Application" -> argo(spec);
            default -> List.of();
        };
    }

    /** The source object this manifest applies content from, for Flux kinds that refer to one. */
    Optional<String> sourceRefKey() {
        JsonNode spec = manifest.path("spec");
        JsonNode ref = switch (object.kind()) {
            case "Kustomization" -> spec.path("sourceRef");
            case "HelmRelease" -> spec.path("chartRef");
            default -> spec.path("none");
        };
        if (!ref.isObject() || !group.endsWith(FLUX)) {
            return Optional.empty();
        }
        String namespace = ref.path("namespace").asString(object.key().namespace());
        return Optional.of(ref.path("kind").asString("") + "/" + (namespace.isEmpty() ? "" : namespace + "/")
                + ref.path("name").asString(""));
    }

    boolean isPinnableSource() {
        return group.endsWith(FLUX) && Set.of("GitRepository", "OCIRepository").contains(object.kind());
    }

    private static List<Fetch> argo(JsonNode spec) {
        if (spec.path("sources").isArray()) {
            return spec.path("sources")
                    .valueStream()
                    .map(SourceManifest::argoSource)
                    .toList();
        }
        return spec.path("source").isObject() ? List.of(argoSource(spec.path("source"))) : List.of();
    }

    private static Fetch argoSource(JsonNode source) {
        return new Fetch(text(source, "repoURL"), text(source, "targetRevision"));
    }

    /** Flux resolves commit first; semver, name and branch float. */
    private static String gitRevision(JsonNode ref) {
        if (!text(ref, "commit").isEmpty()) {
            return text(ref, "commit");
        }
        return floatsIfPresent(ref, text(ref, "tag"), "semver", "name", "branch");
    }

    /** Flux resolves digest first; semver floats. */
    private static String ociRevision(JsonNode ref) {
        if (!text(ref, "digest").isEmpty()) {
            return text(ref, "digest");
        }
        return floatsIfPresent(ref, text(ref, "tag"), "semver");
    }

    private static String floatsIfPresent(JsonNode ref, String tag, String... floating) {
        for (String key : floating) {
            if (!text(ref, key).isEmpty()) {
                return "";
            }
        }
        return tag;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isString() ? value.stringValue() : "";
    }

    /** One fetch: a URL at a revision; an empty revision floats. */
    record Fetch(String url, String revision) {}
}
