package dev.countersign.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Built-in rule {@code images}: in an environment whose policy entry sets {@code images}, every
 * container image of the components a change adds or edits — in the Pod templates of raw workload
 * manifests, and at the Helm value pointers the policy names — is pinned as required (a digest, or a
 * tag other than {@code latest}) and comes from an allowed registry. Each offending pointer is named.
 */
final class ImageRule implements Rule {
    private static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");
    private static final Map<String, String> POD_SPECS = Map.of(
            "Pod", "/spec",
            "Deployment", "/spec/template/spec",
            "StatefulSet", "/spec/template/spec",
            "DaemonSet", "/spec/template/spec",
            "ReplicaSet", "/spec/template/spec",
            "Job", "/spec/template/spec",
            "CronJob", "/spec/jobTemplate/spec/template/spec");

    @Override
    public void check(Evaluation e) {
        Change change = e.change();
        ImageRules rules = e.policy.rules(e.environment()).images();
        if (change == null || rules == null) {
            return;
        }
        Set<String> touched = new java.util.LinkedHashSet<>();
        change.edits().forEach(edit -> touched.add(edit.component()));
        for (String name : touched) {
            change.proposed().component(name).ifPresent(component -> check(e, rules, component));
        }
    }

    private static void check(Evaluation e, ImageRules rules, ComponentState component) {
        List<Place> places = new ArrayList<>(containerImages(component));
        collect(component.content(), "", rules.imagePaths(), places);
        for (Place place : places) {
            problem(place.node(), rules)
                    .ifPresent(why -> e.deny(
                            BuiltInRule.IMAGES,
                            "image at " + place.pointer() + " " + why,
                            component.name(),
                            place.pointer()));
        }
    }

    private static Optional<String> problem(JsonNode node, ImageRules rules) {
        Optional<String> image = image(node);
        if (image.isEmpty()) {
            return Optional.of("is not an image reference the policy can check (a string, or a map with repository)");
        }
        if (image.get().contains("${")) {
            return Optional.of("holds a variable reference: write the image in the stack, so the approval binds it");
        }
        ImageReference reference = ImageReference.parse(image.get());
        Optional<String> floating = reference.floating(rules.require());
        if (floating.isPresent()) {
            return Optional.of(Revisions.quote(image.get()) + " " + floating.get());
        }
        return rules.allowsRegistry(reference.repository())
                ? Optional.empty()
                : Optional.of(Revisions.quote(image.get()) + " is not from an allowed registry " + rules.registries());
    }

    /** A string image, or a Helm-style map {registry?, repository, tag?, digest?}. */
    private static Optional<String> image(JsonNode node) {
        if (node.isString()) {
            return Optional.of(node.stringValue());
        }
        String repository = node.path("repository").asString("");
        if (!node.isObject() || repository.isEmpty()) {
            return Optional.empty();
        }
        String registry = node.path("registry").asString("");
        String tag = node.path("tag").asString("");
        String digest = node.path("digest").asString("");
        return Optional.of((registry.isEmpty() ? "" : registry + "/")
                + repository
                + (tag.isEmpty() ? "" : ":" + tag)
                + (digest.isEmpty() ? "" : "@" + digest));
    }

    private static List<Place> containerImages(ComponentState component) {
        List<Place> places = new ArrayList<>();
        for (KubeObject object : component.objects()) {
            String podSpec = POD_SPECS.get(object.kind());
            if (podSpec == null) {
                continue;
            }
            for (String list : CONTAINER_LISTS) {
                String base = object.pointer() + podSpec + "/" + list;
                JsonNode containers = component.content().at(base);
                for (int i = 0; i < containers.size(); i++) {
                    places.add(new Place(
                            base + "/" + i + "/image", containers.get(i).path("image")));
                }
            }
        }
        return places;
    }

    private static void collect(JsonNode node, String pointer, List<PointerGlob> paths, List<Place> out) {
        if (!pointer.isEmpty() && paths.stream().anyMatch(g -> g.matches(pointer))) {
            out.add(new Place(pointer, node));
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(p -> collect(p.getValue(), pointer + "/" + escape(p.getKey()), paths, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, paths, out);
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** A place that must hold an image. */
    private record Place(String pointer, JsonNode node) {}
}
