package dev.countersign.policy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An environment's {@code images} settings: how exactly a container image must be named, from which
 * registries, and where in Helm values images are written.
 */
record ImageRules(Require require, List<String> registries, List<PointerGlob> imagePaths) {
    ImageRules {
        registries = List.copyOf(registries);
        imagePaths = List.copyOf(imagePaths);
    }

    /** How an image must be pinned. */
    enum Require {
        /** By digest ({@code @sha256:…}). */
        DIGEST,
        /** By a tag other than {@code latest}, or a digest. */
        TAG
    }

    boolean allowsRegistry(String repository) {
        return registries.isEmpty() || registries.stream().anyMatch(p -> matches(p, repository));
    }

    private static boolean matches(String pattern, String repository) {
        String regex = Pattern.quote(pattern).replace("**", "\\E.*\\Q").replace("*", "\\E[^/]*\\Q");
        String host = repository.substring(0, Math.max(0, repository.indexOf('/')));
        return repository.matches(regex) || (!pattern.contains("/") && host.matches(regex));
    }
}
