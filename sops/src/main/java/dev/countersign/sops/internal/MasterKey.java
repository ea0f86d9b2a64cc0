package dev.countersign.sops.internal;

import dev.countersign.sops.spi.KeyEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One master-key entry as stored in the metadata: its type (the list it sits in) and its mapping, kept
 * whole so entries of key types nobody here can use are written back unchanged.
 *
 * @param type the metadata list, e.g. {@code age}, {@code pgp}, {@code kms}
 * @param node the entry's mapping as read or as built from a {@link KeyEntry}
 */
public record MasterKey(String type, MapNode node) {
    /**
     * Builds an entry from a key source's result.
     *
     * @param entry the entry
     * @return the master key
     */
    public static MasterKey of(KeyEntry entry) {
        List<Item> items = new ArrayList<>();
        entry.fields().forEach((name, value) -> items.add(new Pair(name, Scalar.str(value))));
        return new MasterKey(entry.type(), new MapNode(items));
    }

    /**
     * Returns the entry with its scalar fields, for a key source.
     *
     * @return the SPI view of this entry
     */
    public KeyEntry entry() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Item item : node.items()) {
            if (item instanceof Pair pair && pair.value() instanceof Scalar scalar) {
                fields.put(pair.key(), scalar.text());
            }
        }
        return new KeyEntry(type, fields);
    }

    /**
     * Returns the mapping with its keys sorted, as sops 3.13 writes it.
     *
     * @return the sorted mapping
     */
    MapNode sorted() {
        List<Pair> pairs = new ArrayList<>();
        for (Item item : node.items()) {
            if (item instanceof Pair pair) {
                pairs.add(pair);
            }
        }
        pairs.sort(Comparator.comparing(Pair::key));
        return new MapNode(List.copyOf(pairs));
    }
}
