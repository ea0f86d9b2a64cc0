package dev.countersign.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Flux options of an environment ({@code spec.flux} in its file): versioned with the environment, so
 * the same recorded commit always renders the same files. Immutable.
 *
 * @param gitRepository the name of the Flux {@code GitRepository} in {@code flux-system} that holds the
 *     repository ({@code flux bootstrap} creates {@code flux-system})
 * @param minimumVersion the oldest Flux the output must work on, {@code major.minor}, at least {@code 2.3}
 * @param interval the reconcile interval of every Flux object, a Go duration such as {@code 10m}
 */
public record FluxSettings(String gitRepository, String minimumVersion, String interval) {
    private static final Set<String> KEYS = Set.of("gitRepository", "minimumVersion", "interval");
    private static final Pattern VERSION = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})(\\.\\d{1,4})?");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h))+");
    private static final String POINTER = "/spec/flux/";

    /**
     * Validates the settings.
     *
     * @param gitRepository the name of the Flux {@code GitRepository} holding the repository
     * @param minimumVersion the oldest Flux the output must work on, at least {@code 2.3}
     * @param interval the reconcile interval, a Go duration such as {@code 10m}
     * @throws InvalidStackException if a value breaks its rule, naming the field
     */
    public FluxSettings {
        Names.label("Flux GitRepository name", gitRepository);
        var version = VERSION.matcher(minimumVersion);
        if (!version.matches()) {
            throw new InvalidStackException(
                    POINTER + "minimumVersion",
                    "invalid Flux version '" + Excerpt.of(minimumVersion) + "': must look like 2.6 or v2.6.1");
        }
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        if (major < 2 || (major == 2 && minor < 3)) {
            throw new InvalidStackException(
                    POINTER + "minimumVersion",
                    "unsupported Flux version '" + Excerpt.of(minimumVersion) + "': the minimum is 2.3");
        }
        if (!DURATION.matcher(interval).matches()) {
            throw new InvalidStackException(
                    POINTER + "interval",
                    "invalid interval '" + Excerpt.of(interval) + "': must be a Go duration such as 10m");
        }
    }

    /**
     * Returns the defaults: {@code GitRepository} {@code flux-system}, Flux 2.6, interval {@code 10m}.
     *
     * @return the default settings
     */
    public static FluxSettings defaults() {
        return new FluxSettings("flux-system", "2.6", "10m");
    }

    Map<String, Object> toTree() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("gitRepository", gitRepository);
        tree.put("minimumVersion", minimumVersion);
        tree.put("interval", interval);
        return tree;
    }

    static FluxSettings fromFields(Fields fields) {
        fields.only(KEYS);
        FluxSettings defaults = defaults();
        return new FluxSettings(
                optional(fields, "gitRepository", defaults.gitRepository()),
                optional(fields, "minimumVersion", defaults.minimumVersion()),
                optional(fields, "interval", defaults.interval()));
    }

    static String optional(Fields fields, String key, String fallback) {
        return fields.has(key) ? fields.string(key) : fallback;
    }
}
