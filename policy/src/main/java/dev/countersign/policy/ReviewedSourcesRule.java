package dev.countersign.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Built-in rule {@code reviewed-sources}: a manifest that makes a reconciler fetch and apply content
 * from elsewhere (Flux sources, Kustomizations and HelmReleases, Argo CD Applications, kinds the host
 * adds) is allowed only when the policy lists its URL at an immutable revision and the manifest
 * fetches exactly that; a Kustomization or HelmRelease only when the source it applies from is such a
 * manifest of the same stack. Judged for every object the change adds or edits, whoever proposes.
 */
final class ReviewedSourcesRule implements Rule {
    @Override
    public void check(Evaluation e) {
        Change change = e.change();
        if (change == null) {
            return;
        }
        SourceRules rules = e.policy.sources();
        Principal author = e.request.author();
        for (SourceManifest source : touched(change, rules)) {
            Optional<String> problem = problem(source, change.proposed(), rules);
            problem.ifPresent(why -> e.deny(
                    BuiltInRule.REVIEWED_SOURCES,
                    author + " may not add or change " + source.object() + ": it makes the reconciler fetch and"
                            + " apply content no reviewer saw; " + why,
                    source.object().component(),
                    source.object().pointer()));
        }
    }

    private static Optional<String> problem(SourceManifest source, Snapshot proposed, SourceRules rules) {
        Optional<String> ref = source.sourceRefKey();
        if (ref.isPresent()) {
            return sourceOf(ref.get(), proposed, rules)
                            .filter(s -> unpinned(s, rules).isEmpty())
                            .isPresent()
                    ? Optional.empty()
                    : Optional.of("it applies " + Revisions.quote(ref.get())
                            + ", which is not a pinned and allowed GitRepository or OCIRepository of this stack");
        }
        return unpinned(source, rules);
    }

    private static Optional<String> unpinned(SourceManifest source, SourceRules rules) {
        List<SourceManifest.Fetch> fetches = source.fetches();
        if (fetches.isEmpty()) {
            return Optional.of("its kind cannot be pinned to a reviewed revision");
        }
        for (SourceManifest.Fetch fetch : fetches) {
            if (fetch.revision().isEmpty() || !Revisions.isImmutable(fetch.revision())) {
                return Optional.of(Revisions.quote(fetch.url()) + " is fetched at a floating revision "
                        + Revisions.quote(fetch.revision()) + ": pin a commit, a sha256: digest or an exact tag");
            }
            if (!rules.allows(fetch.url(), fetch.revision())) {
                return Optional.of(Revisions.quote(fetch.url()) + " at " + Revisions.quote(fetch.revision())
                        + " is not listed in spec.sources.allow");
            }
        }
        return Optional.empty();
    }

    private static Optional<SourceManifest> sourceOf(String key, Snapshot proposed, SourceRules rules) {
        for (ComponentState component : proposed.components().values()) {
            for (KubeObject object : component.objects()) {
                if (object.toString().equals(key)) {
                    return SourceManifest.of(object, component.content().at(object.pointer()), rules)
                            .filter(SourceManifest::isPinnableSource);
                }
            }
        }
        return Optional.empty();
    }

    /** The source manifests among the objects the change adds or edits. */
    private static List<SourceManifest> touched(Change change, SourceRules rules) {
        List<SourceManifest> touched = new ArrayList<>();
        for (ComponentState component : change.proposed().components().values()) {
            for (KubeObject object : component.objects()) {
                if (isTouched(change, object)) {
                    JsonNode manifest = component.content().at(object.pointer());
                    SourceManifest.of(object, manifest, rules).ifPresent(touched::add);
                }
            }
        }
        return touched;
    }

    private static boolean isTouched(Change change, KubeObject object) {
        return change.edits().stream()
                .anyMatch(edit -> edit.component().equals(object.component())
                        && (edit.pointer().equals(object.pointer())
                                || edit.pointer().startsWith(object.pointer() + "/")));
    }
}
