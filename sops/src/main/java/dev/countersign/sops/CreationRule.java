package dev.countersign.sops;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code creation_rules} entry of a {@code .sops.yaml}: the files it applies to and how to
 * encrypt them. Immutable.
 *
 * @param pathRegex the regex the file's path (relative to the config's folder, {@code /}-separated)
 *     must contain a match of; empty to match every file
 * @param options the recipients, rule and MAC mode for matching files
 */
public record CreationRule(Optional<Pattern> pathRegex, EncryptOptions options) {
    /**
     * Tells whether the rule applies to a path.
     *
     * @param relativePath the file's path relative to the config's folder, with {@code /} separators
     * @return true when there is no regex or it is found in the path
     */
    public boolean matches(String relativePath) {
        return pathRegex.map(p -> p.matcher(relativePath).find()).orElse(true);
    }
}
