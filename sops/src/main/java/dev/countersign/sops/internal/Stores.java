package dev.countersign.sops.internal;

import dev.countersign.sops.FileFormat;

/** The store for each file format. */
public final class Stores {
    private Stores() {}

    /**
     * Returns the store of a format, refusing input over the shared size limit.
     *
     * @param format the format
     * @return its store
     */
    public static Store of(FileFormat format) {
        return new BoundedStore(unbounded(format));
    }

    private static Store unbounded(FileFormat format) {
        return switch (format) {
            case YAML -> new YamlStore();
            case JSON -> new JsonStore();
            case DOTENV -> new DotenvStore();
            case INI -> new IniStore();
            case BINARY -> new BinaryStore();
        };
    }
}
