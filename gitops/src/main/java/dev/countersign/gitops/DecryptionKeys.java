package dev.countersign.gitops;

import dev.countersign.sops.AgeIdentities;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.SopsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The age identities a host holds to re-encrypt an environment's sops files when their recipients change (see
 * {@link Proposer#proposeRecipients}). A handle: the keys never leave it, and {@link #toString()} names only
 * how many it holds. Immutable and thread-safe.
 */
public final class DecryptionKeys {
    private final List<AgeIdentity> identities;

    private DecryptionKeys(List<AgeIdentity> identities) {
        this.identities = List.copyOf(identities);
    }

    /**
     * Reads the identities as sops does: {@code SOPS_AGE_KEY}, {@code SOPS_AGE_KEY_FILE}, then the default keys
     * file ({@code $XDG_CONFIG_HOME/sops/age/keys.txt}).
     *
     * @param environment the process environment
     * @param home the user's home directory
     * @return the keys; none when nothing is configured
     * @throws GitOpsException if a configured file cannot be read or holds a malformed key (never quoting it)
     */
    public static DecryptionKeys fromEnvironment(Map<String, String> environment, Path home) {
        try {
            return new DecryptionKeys(AgeIdentities.load(environment, home));
        } catch (SopsException e) {
            throw new GitOpsException("cannot read the age identities: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an age identity file ({@code age-keygen}'s format).
     *
     * @param file the file
     * @return the keys
     * @throws GitOpsException if the file cannot be read or holds a malformed key (never quoting it)
     */
    public static DecryptionKeys read(Path file) {
        try {
            return new DecryptionKeys(AgeIdentities.read(file));
        } catch (SopsException e) {
            throw new GitOpsException("cannot read the age identities in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns no keys: enough for an environment without encrypted files.
     *
     * @return the empty handle
     */
    public static DecryptionKeys none() {
        return new DecryptionKeys(List.of());
    }

    List<AgeIdentity> identities() {
        return identities;
    }

    @Override
    public String toString() {
        return "DecryptionKeys[" + identities.size() + " age identities, redacted]";
    }
}
