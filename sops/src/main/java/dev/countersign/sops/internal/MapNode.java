package dev.countersign.sops.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mapping whose items (pairs and comments) keep their order.
 *
 * @param items the items in order
 */
public record MapNode(List<Item> items) implements Node {
    /**
     * Copies the items.
     *
     * @param items the items in order
     */
    public MapNode {
        items = List.copyOf(items);
    }

    /**
     * Returns the value of the first pair with the given key.
     *
     * @param key the key
     * @return the value, or empty
     */
    public Optional<Node> get(String key) {
        for (Item item : items) {
            if (item instanceof Pair pair && pair.key().equals(key)) {
                return Optional.of(pair.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a copy without the pairs that have the given key.
     *
     * @param key the key to drop
     * @return the new mapping
     */
    public MapNode without(String key) {
        List<Item> kept = new ArrayList<>();
        for (Item item : items) {
            if (!(item instanceof Pair pair && pair.key().equals(key))) {
                kept.add(item);
            }
        }
        return new MapNode(kept);
    }

    /**
     * Returns a copy with a pair appended.
     *
     * @param key the key
     * @param value the value
     * @return the new mapping
     */
    public MapNode with(String key, Node value) {
        List<Item> all = new ArrayList<>(items);
        all.add(new Pair(key, value));
        return new MapNode(all);
    }
}
