package dev.countersign.render;

import static dev.countersign.render.ValueTrees.map;

import dev.countersign.stack.Component;
import dev.countersign.stack.HelmSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component's tree for Flux when its secret variables are held in the stack's sops-encrypted
 * {@code Secret}: a Helm value that is exactly one secret variable becomes a {@code valuesFrom} entry; a
 * secret value built from secret variables stays, to be substituted at post-build ({@code data} of a
 * {@code Secret} moves to {@code stringData}, since the substituted text is the value itself); a secret value
 * written literally in the stack is left out, as are {@code Secret} objects left without any value.
 */
final class FluxSecretValues {
    private static final String HELM_VALUES = "/helm/values";

    private final Map<String, Object> original;
    private final Map<String, Object> tree;
    private final List<Map<String, Object>> valuesFrom = new ArrayList<>();

    @SuppressWarnings("unchecked")
    FluxSecretValues(Component component, String secretName) {
        this.original = component.toTree();
        this.tree = (Map<String, Object>) ValueTrees.mutableCopy(original);
        boolean helm = component.source() instanceof HelmSource;
        List<String> pointers = component.secretPointers().stream()
                .sorted(Comparator.reverseOrder())
                .toList();
        for (String pointer : pointers) {
            Object value = ValueTrees.get(tree, pointer);
            Optional<String> sole = value == null ? Optional.empty() : SecretRefs.sole(value);
            if (helm && sole.isPresent() && pointer.startsWith(HELM_VALUES + "/")) {
                valuesFrom.add(
                        0,
                        map(
                                "kind",
                                "Secret",
                                "name",
                                secretName,
                                "valuesKey",
                                sole.get(),
                                "targetPath",
                                targetPath(pointer.substring(HELM_VALUES.length()))));
                ValueTrees.remove(tree, pointer);
            } else if (value == null || !SecretRefs.any(value)) {
                ValueTrees.remove(tree, pointer);
            } else if (!helm) {
                moveToStringData(pointer);
            }
        }
    }

    /** Returns the Helm values left inline. */
    @SuppressWarnings("unchecked")
    Map<String, Object> helmValues() {
        var helm = (Map<String, Object>) tree.get("helm");
        Object values = helm == null ? null : helm.get("values");
        return values == null ? Map.of() : (Map<String, Object>) values;
    }

    /** Returns the {@code valuesFrom} entries of the HelmRelease, in the order of the values. */
    List<Map<String, Object>> valuesFrom() {
        return List.copyOf(valuesFrom);
    }

    /** Returns the raw objects: {@code Secret}s only when a secret variable feeds them. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> manifests() {
        var kept = new ArrayList<Map<String, Object>>();
        for (Object item : (List<Object>) tree.getOrDefault("manifests", List.of())) {
            var body = (Map<String, Object>) item;
            boolean secret = "v1".equals(body.get("apiVersion")) && "Secret".equals(body.get("kind"));
            if (!secret || SecretRefs.any(body)) {
                kept.add(body);
            }
        }
        return kept;
    }

    @SuppressWarnings("unchecked")
    private void moveToStringData(String pointer) {
        String[] segments = pointer.split("/", -1);
        if (segments.length != 5 || !segments[1].equals("manifests") || !segments[3].equals("data")) {
            return;
        }
        var body = (Map<String, Object>) ValueTrees.get(tree, "/manifests/" + segments[2]);
        if (body == null || !(body.get("data") instanceof Map<?, ?>)) {
            return;
        }
        var data = (Map<String, Object>) body.get("data");
        String key = ValueTrees.unescape(segments[4]);
        Object value = data.remove(key);
        if (data.isEmpty()) {
            body.remove("data");
        }
        var stringData = (Map<String, Object>) body.computeIfAbsent("stringData", k -> new LinkedHashMap<>());
        stringData.put(key, value);
    }

    /** Returns Helm's {@code --set} path of a pointer into the values: dots between keys, [i] for items. */
    private String targetPath(String pointer) {
        Object node = ValueTrees.get(original, HELM_VALUES);
        var path = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String key = ValueTrees.unescape(segment);
            if (node instanceof List<?> list) {
                path.append('[').append(key).append(']');
                node = list.get(Integer.parseInt(key));
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(key.replaceAll("([\\\\.,\\[\\]=])", "\\\\$1"));
                node = node instanceof Map<?, ?> map ? map.get(key) : null;
            }
        }
        return path.toString();
    }
}
