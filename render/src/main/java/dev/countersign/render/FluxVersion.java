package dev.countersign.render;

import java.util.regex.Pattern;

/**
 * A Flux release ({@code major.minor}), used as the oldest Flux a rendering must work on. Immutable.
 *
 * <p>Supported from {@link #V2_3}: the first release serving {@code helm.toolkit.fluxcd.io/v2} and
 * {@code source.toolkit.fluxcd.io/v1} {@code HelmRepository}.
 *
 * @param major the major version
 * @param minor the minor version
 */
public record FluxVersion(int major, int minor) implements Comparable<FluxVersion> {
    /** Flux 2.3: HelmRelease v2 and HelmRepository v1 are served; OCIRepository only as v1beta2. */
    public static final FluxVersion V2_3 = new FluxVersion(2, 3);

    /** Flux 2.6: OCIRepository is served as {@code source.toolkit.fluxcd.io/v1}. */
    public static final FluxVersion V2_6 = new FluxVersion(2, 6);

    private static final Pattern TEXT = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})(\\.\\d{1,4})?");

    /**
     * Validates the version.
     *
     * @param major the major version
     * @param minor the minor version
     * @throws RenderException if the version is older than {@link #V2_3}
     */
    public FluxVersion {
        if (major < 2 || (major == 2 && minor < 3) || minor < 0) {
            throw new RenderException("unsupported Flux version " + major + "." + minor
                    + ": the minimum is 2.3 (HelmRelease v2, HelmRepository v1)");
        }
    }

    /**
     * Parses {@code 2.6}, {@code v2.6} or {@code 2.6.1} (the patch is ignored).
     *
     * @param text the version text
     * @return the version
     * @throws RenderException if the text is not a version or names one older than 2.3
     */
    public static FluxVersion parse(String text) {
        var matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new RenderException("invalid Flux version '" + text + "': must look like 2.6 or v2.6.1");
        }
        return new FluxVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /**
     * Returns whether this version is the same as or newer than another.
     *
     * @param other the version to compare with
     * @return true when {@code this >= other}
     */
    public boolean atLeast(FluxVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(FluxVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
