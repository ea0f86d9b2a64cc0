package dev.countersign.gitops;

import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.policy.InvalidPrincipalException;
import dev.countersign.signatures.OpenPgpCertificates;
import dev.countersign.signatures.approvals.ApproverKeyring;
import dev.countersign.signatures.keys.KeyringException;
import dev.countersign.signatures.keys.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The OpenPGP certificates of each approver, by principal: with them, {@link
 * GitOpsRepository#verifyWith(VerifyOptions) verify} requires every approval named on a checked commit to be
 * signed by that approver's own key. Immutable and thread-safe.
 *
 * <p>The mapping file read by {@link #fromFile(Path)} has one {@code PRINCIPAL KEYRING-FILE} pair a line,
 * the keyring file an armored public keyring ({@code gpg --armor --export KEY}), relative to the mapping
 * file's folder unless absolute; blank lines and lines starting with {@code #} are ignored:
 *
 * <pre>
 * # approver       their public keys
 * human:alice      alice.asc
 * human:bob        /etc/countersign/approvers/bob.asc
 * </pre>
 */
public final class ApproverKeys {
    private final ApproverKeyring keyring;

    private ApproverKeys(ApproverKeyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Creates the approver keys from each principal's certificates.
     *
     * @param keys principal name ({@code kind:id}, such as {@code human:alice}) to that principal's keys
     * @return the approver keys
     * @throws IllegalArgumentException if a name is not a principal written {@code kind:id}
     */
    public static ApproverKeys of(Map<String, TrustedKeys> keys) {
        Map<String, OpenPgpCertificates> rings = new LinkedHashMap<>();
        keys.forEach((principal, trusted) -> rings.put(requirePrincipal(principal), trusted.keyring()));
        return new ApproverKeys(ApproverKeyring.of(rings));
    }

    /**
     * Reads a mapping file of principals to their armored public keyring files.
     *
     * @param mapping the mapping file
     * @return the approver keys
     * @throws KeyringException if a file cannot be read, a line is malformed, a principal is repeated or a
     *     keyring holds no certificate
     */
    public static ApproverKeys fromFile(Path mapping) {
        Map<String, TrustedKeys> keys = new LinkedHashMap<>();
        List<String> lines = lines(mapping);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String where = mapping + " line " + (i + 1);
            if (parts.length != 2) {
                throw new KeyringException(
                        where + ": expected 'PRINCIPAL KEYRING-FILE', such as 'human:alice alice.asc'");
            }
            if (keys.put(parts[0], keyring(mapping, parts[1], where)) != null) {
                throw new KeyringException(where + ": principal " + parts[0] + " is listed twice");
            }
        }
        try {
            return of(keys);
        } catch (IllegalArgumentException e) {
            throw new KeyringException(mapping + ": " + e.getMessage(), e);
        }
    }

    private static TrustedKeys keyring(Path mapping, String file, String where) {
        Path folder = mapping.toAbsolutePath().getParent();
        Path path = folder == null ? Path.of(file) : folder.resolve(file);
        try {
            return TrustedKeys.fromArmored(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new KeyringException(where + ": cannot read keyring file " + path, e);
        } catch (KeyringException e) {
            throw new KeyringException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Path mapping) {
        try {
            return Files.readAllLines(mapping, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeyringException("cannot read approver keys file " + mapping, e);
        }
    }

    private static String requirePrincipal(String name) {
        try {
            if (Idents.principal(name).name().equals(name)) {
                return name;
            }
        } catch (InvalidPrincipalException e) {
            throw new IllegalArgumentException("invalid approver '" + name + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("invalid approver '" + name + "': must be written kind:id");
    }

    /**
     * Returns the principals with keys and the primary-key fingerprints of each.
     *
     * @return principal name to uppercase hex fingerprints, sorted by name
     */
    public SortedMap<String, List<String>> fingerprints() {
        return keyring.fingerprints();
    }

    ApproverKeyring keyring() {
        return keyring;
    }

    @Override
    public String toString() {
        return "ApproverKeys" + fingerprints();
    }
}
