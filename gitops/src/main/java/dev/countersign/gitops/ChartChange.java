package dev.countersign.gitops;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a proposal does to one Helm component's chart, for the reviewer: its version and digest before (as
 * recorded) and after (as proposed), so a version bump, a newly pinned digest, or other bytes under the same
 * version cannot hide in the diff. Immutable.
 *
 * @param component the component's name
 * @param repository the chart repository as proposed (as recorded when the component is removed)
 * @param chart the chart name as proposed (as recorded when the component is removed)
 * @param versionBefore the recorded version, or null when the component is new or was no Helm chart
 * @param digestBefore the recorded digest, or null when there was none
 * @param versionAfter the proposed version, or null when the component is removed or is no Helm chart
 * @param digestAfter the proposed digest, or null when there is none
 */
public record ChartChange(
        String component,
        String repository,
        String chart,
        @Nullable String versionBefore,
        @Nullable String digestBefore,
        @Nullable String versionAfter,
        @Nullable String digestAfter) {

    /**
     * Tells what happened to the chart.
     *
     * @return {@code added}, {@code removed}, {@code changed} or {@code unchanged}
     */
    public String status() {
        if (versionBefore == null) {
            return "added";
        }
        if (versionAfter == null) {
            return "removed";
        }
        return Objects.equals(versionBefore, versionAfter) && Objects.equals(digestBefore, digestAfter)
                ? "unchanged"
                : "changed";
    }

    /**
     * Tells whether the same version now names other bytes: the digest changed and the version did not, as when
     * a tag was pushed again.
     *
     * @return true when both digests are known, differ, and the version is the same
     */
    public boolean otherBytesUnderSameVersion() {
        return versionBefore != null
                && versionBefore.equals(versionAfter)
                && digestBefore != null
                && digestAfter != null
                && !digestBefore.equals(digestAfter);
    }

    /**
     * Describes the change in one line, for example
     * {@code podinfo: chart podinfo from oci://ghcr.io/acme 6.7.0 (sha256:…) -> 6.7.1 (sha256:…) changed}.
     *
     * @return the line
     */
    public String describe() {
        String line = component + ": chart " + chart + " from " + repository + " " + side(versionBefore, digestBefore)
                + " -> " + side(versionAfter, digestAfter) + " " + status();
        return otherBytesUnderSameVersion() ? line + " (same version, other bytes: was the tag pushed again?)" : line;
    }

    private static String side(@Nullable String version, @Nullable String digest) {
        if (version == null) {
            return "none";
        }
        return digest == null ? version + " (no digest)" : version + " (" + digest + ")";
    }
}
