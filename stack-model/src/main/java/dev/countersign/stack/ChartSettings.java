package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How an environment pins Helm charts ({@code spec.charts} in its file): versioned with the environment, so
 * every proposal for it is held to the same rule. Immutable.
 *
 * @param pin {@link Pin#VERSION} (the default: one exact version, always enforced) or {@link Pin#DIGEST}
 *     (every chart also pinned to the digest of its OCI manifest at propose time)
 */
public record ChartSettings(Pin pin) {
    private static final Set<String> KEYS = Set.of("pin");

    /** What a chart is pinned by. */
    public enum Pin {
        /** One exact SemVer version; the registry may still serve other bytes under it. */
        VERSION,
        /** One exact version and the {@code sha256:} digest of the chart's OCI manifest, resolved at propose. */
        DIGEST;

        /**
         * Returns the spelling in an environment file.
         *
         * @return {@code version} or {@code digest}
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates the settings.
     *
     * @param pin what charts are pinned by
     */
    public ChartSettings {
        java.util.Objects.requireNonNull(pin, "pin");
    }

    /**
     * Returns the default: charts pinned by exact version only.
     *
     * @return the default settings
     */
    public static ChartSettings defaults() {
        return new ChartSettings(Pin.VERSION);
    }

    /**
     * Returns settings that pin every chart to its digest.
     *
     * @return {@code charts: {pin: digest}}
     */
    public static ChartSettings digests() {
        return new ChartSettings(Pin.DIGEST);
    }

    /**
     * Tells whether charts must carry a digest.
     *
     * @return true for {@code pin: digest}
     */
    public boolean pinsDigests() {
        return pin == Pin.DIGEST;
    }

    Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("pin", pin.id());
        return tree;
    }

    static ChartSettings fromFields(Fields fields) {
        fields.only(KEYS);
        if (!fields.has("pin")) {
            return defaults();
        }
        String pin = fields.string("pin");
        for (Pin choice : Pin.values()) {
            if (choice.id().equals(pin)) {
                return new ChartSettings(choice);
            }
        }
        throw new InvalidStackException(
                "/spec/charts/pin", "unknown chart pin '" + Excerpt.of(pin) + "': must be version or digest");
    }
}
