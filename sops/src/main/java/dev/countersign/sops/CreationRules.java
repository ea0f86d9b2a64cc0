package dev.countersign.sops;

import dev.countersign.sops.internal.CreationRuleReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code creation_rules} of a sops config file ({@code .sops.yaml}), found upward from the file to
 * encrypt like sops does; the first rule whose {@code path_regex} matches wins. Immutable.
 *
 * <pre>{@code
 * EncryptOptions options = CreationRules.forFile(Path.of("secrets/prod.yaml"))
 *         .orElseThrow(() -> new IllegalStateException("no creation rule matches"));
 * }</pre>
 *
 * @param directory the folder holding the config; paths are matched relative to it
 * @param rules the rules in file order
 */
public record CreationRules(Path directory, List<CreationRule> rules) {
    /** The config file names looked for, in order. */
    public static final List<String> FILE_NAMES = List.of(".sops.yaml", ".sops.yml");

    /**
     * Copies the rules.
     *
     * @param directory the config's folder
     * @param rules the rules
     */
    public CreationRules {
        rules = List.copyOf(rules);
    }

    /**
     * Parses a config file's content.
     *
     * @param directory the folder holding the config
     * @param config the YAML content
     * @return the rules
     * @throws MalformedFileException when the YAML or a rule is invalid
     */
    public static CreationRules parse(Path directory, byte[] config) {
        return new CreationRules(directory, CreationRuleReader.read(config));
    }

    /**
     * Finds the nearest config file in the file's folder or above.
     *
     * @param file the file to encrypt
     * @return the config file, or empty when there is none up to the root
     */
    public static Optional<Path> find(Path file) {
        for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            for (String name : FILE_NAMES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Loads a config file.
     *
     * @param config the {@code .sops.yaml} path
     * @return the rules
     * @throws UncheckedIOException when the file cannot be read
     */
    public static CreationRules load(Path config) {
        try {
            Path absolute = config.toAbsolutePath();
            Path directory = absolute.getParent();
            return parse(directory == null ? absolute : directory, Files.readAllBytes(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sops config " + config, e);
        }
    }

    /**
     * Finds the config above a file and returns the options of its first matching rule.
     *
     * @param file the file to encrypt
     * @return the options, or empty when there is no config or no rule matches
     */
    public static Optional<EncryptOptions> forFile(Path file) {
        return find(file).map(CreationRules::load).flatMap(rules -> rules.optionsFor(file));
    }

    /**
     * Returns the options of the first rule matching a file.
     *
     * @param file the file, absolute or relative to the working directory
     * @return the options, or empty when no rule matches
     */
    public Optional<EncryptOptions> optionsFor(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(directory) ? directory.relativize(absolute) : absolute;
        String path = relative.toString().replace('\\', '/');
        return rules.stream().filter(r -> r.matches(path)).findFirst().map(CreationRule::options);
    }
}
