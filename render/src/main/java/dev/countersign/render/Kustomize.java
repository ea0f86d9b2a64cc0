package dev.countersign.render;

import static dev.countersign.render.ValueTrees.map;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plain kustomize {@code kustomization.yaml} that lists a component folder's files. */
final class Kustomize {
    static final String OBJECTS = "objects.yaml";

    private Kustomize() {}

    /**
     * Returns the files of a component folder: {@code objects.yaml} holding the objects (left out when
     * there are none) and a {@code kustomization.yaml} listing exactly that file, so nothing else a
     * person adds to the folder is applied unlisted.
     */
    static Map<String, byte[]> folder(String folder, List<Map<String, Object>> objects) {
        var files = new TreeMap<String, byte[]>();
        List<String> resources = objects.isEmpty() ? List.of() : List.of(OBJECTS);
        if (!objects.isEmpty()) {
            files.put(folder + "/" + OBJECTS, ValueTrees.yaml(objects));
        }
        files.putAll(listing(folder, resources));
        return files;
    }

    /** Returns a folder's {@code kustomization.yaml} listing exactly these files. */
    static Map<String, byte[]> listing(String folder, List<String> resources) {
        var kustomization = map(
                "apiVersion", "kustomize.config.k8s.io/v1beta1",
                "kind", "Kustomization",
                "resources", resources);
        return Map.of(folder + "/kustomization.yaml", ValueTrees.yaml(List.of(kustomization)));
    }
}
