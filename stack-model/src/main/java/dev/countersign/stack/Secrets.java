package dev.countersign.stack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Which values and variables of a stack are secret. */
final class Secrets {
    private Secrets() {}

    /** Returns every secret location of a stack. */
    static List<Location> locations(Stack stack) {
        var locations = new ArrayList<Location>();
        for (Component component : stack.components()) {
            component.secretPointers().forEach(pointer -> locations.add(new Location(component.name(), pointer)));
        }
        return locations;
    }

    /** Returns the variables referenced at secret locations: their values are secret too. */
    static List<String> variables(Stack stack) {
        var names = new LinkedHashSet<String>();
        for (Component component : stack.components()) {
            Object tree = component.toTree();
            for (String pointer : component.secretPointers()) {
                Object value = Pointers.get(tree, pointer);
                if (value != null) {
                    Renderer.collect(value, names);
                }
            }
        }
        return List.copyOf(names);
    }
}
