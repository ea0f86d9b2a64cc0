package dev.countersign.stack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks that every object of a stack is declared once. */
final class ObjectKeys {
    private ObjectKeys() {}

    static void checkUnique(List<Component> components) {
        Map<ObjectKey, String> seen = new HashMap<>();
        for (int c = 0; c < components.size(); c++) {
            Component component = components.get(c);
            if (component.source() instanceof Manifests manifests) {
                List<Manifest> list = manifests.manifests();
                for (int m = 0; m < list.size(); m++) {
                    String first = seen.putIfAbsent(list.get(m).key(), component.name());
                    if (first != null) {
                        throw new DuplicateObjectException(
                                "/spec/components/" + c + "/manifests/" + m,
                                list.get(m).key(),
                                first,
                                component.name());
                    }
                }
            }
        }
    }
}
