package dev.countersign.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * One or more raw Kubernetes objects applied as they are (after variable substitution). Immutable.
 *
 * @param manifests the objects, at least one
 */
public record Manifests(List<Manifest> manifests) implements ComponentSource {
    static final String KEY = "manifests";

    /**
     * Validates and copies the list.
     *
     * @param manifests the objects, at least one
     * @throws InvalidStackException if the list is empty
     */
    public Manifests {
        manifests = List.copyOf(manifests);
        if (manifests.isEmpty()) {
            throw new InvalidStackException("/manifests", "a component needs at least one manifest");
        }
    }

    static Manifests fromTree(Object tree, String pointer) {
        if (!(tree instanceof List<?> list)) {
            throw new InvalidStackException(pointer, "'manifests' must be a list, found " + Fields.kind(tree));
        }
        var manifests = new ArrayList<Manifest>();
        for (int i = 0; i < list.size(); i++) {
            manifests.add(manifest(Fields.of(list.get(i), pointer + "/" + i)));
        }
        if (manifests.isEmpty()) {
            throw new InvalidStackException(pointer, "a component needs at least one manifest");
        }
        return new Manifests(manifests);
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Object toTree() {
        return manifests.stream().map(Manifest::body).toList();
    }

    @Override
    public String secretsBase() {
        return "";
    }

    @Override
    public List<String> inherentSecrets() {
        var pointers = new ArrayList<String>();
        for (int i = 0; i < manifests.size(); i++) {
            for (String pointer : manifests.get(i).secretPointers()) {
                pointers.add("/" + i + pointer);
            }
        }
        return pointers;
    }

    @Override
    public String toString() {
        return "Manifests" + manifests;
    }

    private static Manifest manifest(Fields fields) {
        try {
            return new Manifest(Values.freezeMap(fields.map(), fields.pointer()));
        } catch (InvalidStackException e) {
            throw e.within(fields.pointer());
        }
    }
}
