package dev.countersign.gitops.content;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a proposal does to one secret variable of its stack's secrets file, judged by the salted PBKDF2
 * fingerprints recorded beside it ({@code secrets.fingerprints.yaml}), never by its value: a secret absent before
 * is {@link Change#ADDED}, never changed. Immutable.
 *
 * @param name the secret variable's name
 * @param change added, changed, reverted, unchanged or removed
 * @param fingerprintBefore the recorded fingerprint, or null when the secret is added
 * @param fingerprintAfter the proposed fingerprint, or null when the secret is removed
 */
public record SecretDiff(
        String name,
        Change change,
        @Nullable String fingerprintBefore,
        @Nullable String fingerprintAfter) {
    /**
     * Returns the diff as a plain tree with sorted keys: {@code name}, {@code change}, and the fingerprints present.
     *
     * @return the tree
     */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new TreeMap<>();
        tree.put("name", name);
        tree.put("change", change.label());
        if (fingerprintBefore != null) {
            tree.put("fingerprintBefore", fingerprintBefore);
        }
        if (fingerprintAfter != null) {
            tree.put("fingerprintAfter", fingerprintAfter);
        }
        return tree;
    }
}
