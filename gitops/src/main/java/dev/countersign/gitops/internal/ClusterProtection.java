package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.render.spi.ProtectedObjects;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Protection in the cluster: a change that removes the Flux or Argo CD file owning a protected object (a
 * renderer switch, a component renamed) deletes that object in the cluster unless the reconciler was told to
 * keep it. So when the recorded file lacks the reconciler's opt-out on a protected object (a rendering made
 * before the renderers wrote it), the change is a deletion for the protection rule, unless the new layout
 * adopts the object with the opt-out in place. Protected here means as the renderers read the policy at the base
 * ({@link PolicyProtection}): labelled {@code countersign.dev/protected: "true"}, of a protected component
 * (the component's Argo CD {@code Application} included), or of a protected kind not labelled {@code "false"}.
 */
final class ClusterProtection {
    private static final List<Pattern> OWNED = List.of(
            Pattern.compile("apps/[^/]+/[^/]+/([^/]+)/objects\\.yaml"),
            Pattern.compile("argocd/[^/]+/[^/]+/manifests/([^/]+)/objects\\.yaml"),
            Pattern.compile("argocd/[^/]+/[^/]+/apps/([^/]+)\\.yaml"));
    private static final Set<String> OPT_OUTS = Set.of(
            "kustomize.toolkit.fluxcd.io/prune=disabled", "argocd.argoproj.io/sync-options=Prune=false,Delete=false");

    private ClusterProtection() {}

    /**
     * Checks a change against the reconciler files it removes.
     *
     * @param git the repository
     * @param base the recorded commit the change starts from
     * @param changed the paths the change changes
     * @param after the content of a path after the change, null when removed or untouched
     * @return the denial naming the first object the change would let a reconciler delete, or empty
     */
    static Optional<Authority.Ruling> broken(
            GitStore git, CommitId base, List<String> changed, Function<String, byte @Nullable []> after) {
        List<String> adopted = new ArrayList<>();
        changed.stream()
                .filter(path -> component(path).isPresent())
                .map(after)
                .filter(java.util.Objects::nonNull)
                .forEach(content -> objects(content).stream()
                        .filter(ClusterProtection::optedOut)
                        .forEach(object -> adopted.add(identity(object))));
        ProtectedObjects protection = PolicyProtection.at(git, base);
        for (String path : changed) {
            Optional<String> component = component(path);
            if (component.isEmpty() || after.apply(path) != null) {
                continue;
            }
            byte[] recorded = git.read(base, path).orElse(null);
            for (Map<?, ?> object : recorded == null ? List.<Map<?, ?>>of() : objects(recorded)) {
                if (isProtected(object, component.get(), protection)
                        && !optedOut(object)
                        && !adopted.contains(identity(object))) {
                    return Optional.of(denial(path, identity(object)));
                }
            }
        }
        return Optional.empty();
    }

    /** The component whose reconciler file a path is, if it is one. */
    private static Optional<String> component(String path) {
        return OWNED.stream()
                .map(pattern -> pattern.matcher(path))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .findFirst();
    }

    private static Authority.Ruling denial(String path, String object) {
        return new Authority.Ruling(
                Verdict.DENY,
                "protection",
                "the change removes " + path + ", whose reconciler would delete the protected " + object
                        + ": it was recorded without the reconciler's prune opt-out and the new layout does not"
                        + " adopt it with one; record a change that renders it again first, or an unprotect change");
    }

    private static List<Map<?, ?>> objects(byte[] content) {
        List<Map<?, ?>> objects = new ArrayList<>();
        try {
            for (Object document : new Load(LoadSettings.builder().build())
                    .loadAllFromString(new String(content, StandardCharsets.UTF_8))) {
                if (document instanceof Map<?, ?> map) {
                    objects.add(map);
                }
            }
        } catch (YamlEngineException e) {
            return List.of();
        }
        return objects;
    }

    private static boolean isProtected(Map<?, ?> object, String component, ProtectedObjects protection) {
        Object label = metadata(object, "labels").get(ProtectedObjects.LABEL);
        return protection.covers(component, String.valueOf(object.get("kind")), label == null ? "" : label.toString());
    }

    private static boolean optedOut(Map<?, ?> object) {
        return metadata(object, "annotations").entrySet().stream()
                .anyMatch(e -> OPT_OUTS.contains(e.getKey() + "=" + e.getValue()));
    }

    private static String identity(Map<?, ?> object) {
        Object metadata = object.get("metadata");
        Map<?, ?> m = metadata instanceof Map<?, ?> map ? map : Map.of();
        return object.get("kind") + " " + m.get("namespace") + "/" + m.get("name");
    }

    private static Map<?, ?> metadata(Map<?, ?> object, String key) {
        Object metadata = object.get("metadata");
        Object value = metadata instanceof Map<?, ?> m ? m.get(key) : null;
        return value instanceof Map<?, ?> map ? map : Map.of();
    }
}
