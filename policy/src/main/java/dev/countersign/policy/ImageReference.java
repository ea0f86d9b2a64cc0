package dev.countersign.policy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference split as a container runtime reads it: repository (with its registry
 * host, {@code docker.io} when none is written), tag and digest.
 */
record ImageReference(String repository, String tag, String digest) {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    static ImageReference parse(String image) {
        String rest = image;
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(qualified(rest), tag, digest);
    }

    private static String qualified(String name) {
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        if (host) {
            return name;
        }
        return "docker.io/" + (slash < 0 ? "library/" : "") + name;
    }

    /** Why this reference does not meet the requirement, if it does not. */
    Optional<String> floating(ImageRules.Require require) {
        boolean pinned = DIGEST.matcher(digest).matches();
        if (require == ImageRules.Require.DIGEST && !pinned) {
            return Optional.of("is not pinned by digest (@sha256:…)");
        }
        if (!pinned && (tag.isEmpty() || tag.equals("latest"))) {
            return Optional.of(tag.isEmpty() ? "has no tag, which means latest" : "uses the floating tag latest");
        }
        return Optional.empty();
    }
}
