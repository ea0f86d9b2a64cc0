package dev.countersign.sops;

import dev.countersign.sops.internal.keys.AgeKeySource;
import dev.countersign.sops.spi.KeySource;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Factories for the built-in age key source (type {@code age}). The source wraps a data key to any
 * X25519 recipient ({@code age1…}) as an ASCII-armored age v1 file with one X25519 stanza, the way
 * sops writes {@code enc}; it unwraps entries with the identities it holds.
 */
public final class AgeKeys {
    private AgeKeys() {}

    /**
     * Returns a source that unwraps with the given identities.
     *
     * @param identities the identities to try, in order
     * @return the key source; immutable and thread-safe
     */
    public static KeySource source(Collection<AgeIdentity> identities) {
        return new AgeKeySource(identities.stream().map(AgeIdentity::key).collect(Collectors.toList()));
    }

    /**
     * Returns a source that can only wrap: it unwraps nothing.
     *
     * @return the key source
     */
    public static KeySource encryptOnly() {
        return new AgeKeySource(List.of());
    }

    /**
     * Returns a source holding the identities sops would find in this environment.
     *
     * @param environment the process environment
     * @param home the user's home directory
     * @return the key source
     * @throws SopsException as {@link AgeIdentities#load(Map, Path)} does
     */
    public static KeySource fromEnvironment(Map<String, String> environment, Path home) {
        return source(AgeIdentities.load(environment, home));
    }
}
