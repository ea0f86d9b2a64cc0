package dev.countersign.sops;

import dev.countersign.sops.internal.keys.AgeKeysFile;
import dev.countersign.sops.internal.keys.X25519Identity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds age identities the way sops does, from an injected environment and home directory:
 * {@code SOPS_AGE_KEY} (keys separated by newlines or spaces), then the file named by {@code
 * SOPS_AGE_KEY_FILE}, then the default keys file {@code $XDG_CONFIG_HOME/sops/age/keys.txt} (or
 * {@code ~/.config/sops/age/keys.txt} when {@code XDG_CONFIG_HOME} is unset or empty). All sources
 * are combined; an absent default file is not an error. Stateless.
 */
public final class AgeIdentities {
    /** The variable holding identities inline. */
    public static final String KEY_VARIABLE = "SOPS_AGE_KEY";

    /** The variable naming a keys file. */
    public static final String KEY_FILE_VARIABLE = "SOPS_AGE_KEY_FILE";

    /** The variable naming the user configuration directory, as on Linux. */
    public static final String CONFIG_HOME_VARIABLE = "XDG_CONFIG_HOME";

    private AgeIdentities() {}

    /**
     * Loads every identity sops would find.
     *
     * @param environment the process environment (for example {@code System.getenv()})
     * @param home the user's home directory
     * @return the identities in source order, possibly empty
     * @throws MalformedKeyException when a source holds a line that is not an X25519 identity
     * @throws KeyFileException when {@code SOPS_AGE_KEY_FILE} cannot be read, or {@code
     *     XDG_CONFIG_HOME} is relative
     * @throws ProtectedKeyException when a keys file is itself age-encrypted
     */
    public static List<AgeIdentity> load(Map<String, String> environment, Path home) {
        List<AgeIdentity> identities = new ArrayList<>();
        String inline = environment.get(KEY_VARIABLE);
        if (inline != null) {
            identities.addAll(wrap(AgeKeysFile.parse(inline, KEY_VARIABLE, true)));
        }
        String file = environment.get(KEY_FILE_VARIABLE);
        if (file != null) {
            identities.addAll(read(Path.of(file)));
        }
        Path defaultFile = defaultKeysFile(environment, home);
        if (Files.isRegularFile(defaultFile)) {
            identities.addAll(read(defaultFile));
        }
        return List.copyOf(identities);
    }

    /**
     * Returns where sops looks for the default keys file.
     *
     * @param environment the process environment
     * @param home the user's home directory
     * @return {@code $XDG_CONFIG_HOME/sops/age/keys.txt}, or {@code ~/.config/sops/age/keys.txt}
     * @throws KeyFileException when {@code XDG_CONFIG_HOME} is set to a relative path
     */
    public static Path defaultKeysFile(Map<String, String> environment, Path home) {
        String configHome = environment.getOrDefault(CONFIG_HOME_VARIABLE, "");
        if (configHome.isEmpty()) {
            return home.resolve(".config/sops/age/keys.txt");
        }
        Path config = Path.of(configHome);
        if (!config.isAbsolute()) {
            throw new KeyFileException(
                    "invalid " + CONFIG_HOME_VARIABLE + " '" + configHome + "': must be an absolute path");
        }
        return config.resolve("sops/age/keys.txt");
    }

    /**
     * Reads a keys file: {@code #} comments, blank lines, one {@code AGE-SECRET-KEY-1…} per line.
     *
     * @param file the keys file
     * @return its identities in file order
     * @throws KeyFileException when the file cannot be read
     * @throws MalformedKeyException naming the file and line when a line is not an identity
     * @throws ProtectedKeyException when the file is itself age-encrypted
     */
    public static List<AgeIdentity> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeyFileException("cannot read the age keys file " + file, e);
        }
        return wrap(AgeKeysFile.parse(text, file.toString(), false));
    }

    /**
     * Parses keys-file text.
     *
     * @param text the content of a keys file
     * @param origin where the text came from, named in messages
     * @return its identities in order
     * @throws MalformedKeyException naming the origin and line when a line is not an identity
     */
    public static List<AgeIdentity> parse(String text, String origin) {
        return wrap(AgeKeysFile.parse(text, origin, false));
    }

    private static List<AgeIdentity> wrap(List<X25519Identity> keys) {
        return keys.stream().map(AgeIdentity::of).collect(Collectors.toUnmodifiableList());
    }
}
