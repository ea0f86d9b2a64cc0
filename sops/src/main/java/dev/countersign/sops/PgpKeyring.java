package dev.countersign.sops;

import dev.countersign.sops.internal.keys.PgpKeyMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenPGP keys for the PGP key source: certificates (public keys) to wrap data keys to, and
 * unprotected secret keys to unwrap them, read from armored key files as {@code gpg --export -a} and
 * {@code gpg --export-secret-keys -a} write them (binary key files work too). A secret key ring also
 * serves as its own certificate. Immutable and thread-safe.
 */
public final class PgpKeyring {
    /** The variable naming the secret keyring when no {@code --pgp-keyring} option is given. */
    public static final String KEYRING_VARIABLE = "COUNTERSIGN_PGP_KEYRING";

    private static final PgpKeyring EMPTY = new PgpKeyring(PgpKeyMaterial.empty());

    private final PgpKeyMaterial material;

    private PgpKeyring(PgpKeyMaterial material) {
        this.material = material;
    }

    /**
     * Returns a keyring holding no key.
     *
     * @return the empty keyring
     */
    public static PgpKeyring empty() {
        return EMPTY;
    }

    /**
     * Reads key files, each holding one or more armored key blocks.
     *
     * @param files public key files and secret keyring files
     * @return all keys found
     * @throws KeyFileException when a file cannot be read
     * @throws MalformedKeyException naming the file when it holds no readable OpenPGP key
     */
    public static PgpKeyring read(List<Path> files) {
        PgpKeyMaterial material = PgpKeyMaterial.empty();
        for (Path file : files) {
            material = material.plus(PgpKeyMaterial.parse(bytes(file), file.toString()));
        }
        return new PgpKeyring(material);
    }

    /**
     * Parses armored key blocks.
     *
     * @param armored one or more armored public or secret key blocks
     * @param origin where the text came from, named in messages
     * @return the keys found
     * @throws MalformedKeyException when the text holds no readable OpenPGP key
     */
    public static PgpKeyring parse(String armored, String origin) {
        return new PgpKeyring(PgpKeyMaterial.parse(armored.getBytes(StandardCharsets.UTF_8), origin));
    }

    /**
     * Finds the secret keyring the way the CLI does: the {@code --pgp-keyring FILE} option when given,
     * else the file named by {@code COUNTERSIGN_PGP_KEYRING}, else no keyring.
     *
     * @param keyringOption the value of {@code --pgp-keyring}, or null when absent
     * @param environment the process environment
     * @return the keyring read, or the empty keyring
     * @throws KeyFileException when the named file cannot be read
     * @throws MalformedKeyException when it holds no readable OpenPGP key
     */
    public static PgpKeyring locate(@Nullable Path keyringOption, Map<String, String> environment) {
        if (keyringOption != null) {
            return read(List.of(keyringOption));
        }
        String variable = environment.get(KEYRING_VARIABLE);
        return variable == null || variable.isEmpty() ? EMPTY : read(List.of(Path.of(variable)));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyFileException("cannot read the PGP key file " + file, e);
        }
    }

    /**
     * Returns a keyring holding this keyring's keys and another's.
     *
     * @param other more keys
     * @return the union
     */
    public PgpKeyring plus(PgpKeyring other) {
        return new PgpKeyring(material.plus(other.material));
    }

    /**
     * Returns the fingerprints of the primary keys this keyring can wrap to.
     *
     * @return 40 (or 64) uppercase hex digits each, without duplicates
     */
    public List<String> fingerprints() {
        return List.copyOf(material.fingerprints());
    }

    /**
     * Returns the fingerprints of the primary keys whose secret keys this keyring holds.
     *
     * @return uppercase hex fingerprints
     */
    public List<String> secretFingerprints() {
        return List.copyOf(material.secretFingerprints());
    }

    PgpKeyMaterial material() {
        return material;
    }

    @Override
    public String toString() {
        return "PgpKeyring[fingerprints=" + fingerprints() + ", secret="
                + secretFingerprints().size() + "]";
    }
}
