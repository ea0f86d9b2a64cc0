package dev.countersign.gitops.internal;

import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.git.Idents;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * The contract's rules for secrets files, which no policy can relax: only a human acting for itself changes
 * them, a revert that restores earlier values included (a revert may only remove them, as when it removes a
 * stack), and every secrets file is sops-encrypted. The engine
 * applies them before writing a draft; the verifier again for every recorded commit.
 */
final class SecretRules {
    /** The rule a change of secrets by anyone but a human acting for itself breaks. */
    static final String FROM_HUMANS = "secrets-from-humans";

    /** The rule a secrets file holding a plaintext value breaks. */
    static final String ENCRYPTED = "secrets-encrypted";

    private static final java.util.regex.Pattern FOLDER_SECRETS = java.util.regex.Pattern.compile(
            "environments/[^/]+/[^/]+/(" + java.util.regex.Pattern.quote(StackLayout.SECRETS) + "|"
                    + java.util.regex.Pattern.quote(StackLayout.FINGERPRINTS) + ")");
    private static final java.util.regex.Pattern FLUX_SECRET =
            java.util.regex.Pattern.compile("apps/[^/]+/[^/]+/secrets/secret\\.sops\\.yaml");

    private SecretRules() {}

    private static boolean human(String proposer, @Nullable String onBehalfOf) {
        return Idents.kind(proposer).equals("human") && onBehalfOf == null;
    }

    static boolean isSecretsPath(String folder, String path) {
        return path.equals(folder + "/" + StackLayout.SECRETS)
                || path.equals(folder + "/" + StackLayout.FINGERPRINTS)
                || path.equals(fluxSecret(folder));
    }

    /** Returns the path of the Flux Secret of the stack whose folder is {@code environments/<env>/<stack>}. */
    static String fluxSecret(String folder) {
        String[] parts = folder.split("/", -1);
        return RenderedLayout.fluxSecret(parts[1], parts[2]);
    }

    /**
     * Checks a change of a stack folder.
     *
     * @param folder the stack folder
     * @param changed the repository paths changed
     * @param files the folder's new content, by repository path
     * @param proposer the proposer, written {@code kind:id}
     * @param onBehalfOf the human the proposer acts for, if any
     * @param revert whether the change reverts a recorded one
     * @return the denial naming the broken rule, or empty
     */
    static Optional<Authority.Ruling> broken(
            String folder,
            List<String> changed,
            SortedMap<String, byte[]> files,
            String proposer,
            @Nullable String onBehalfOf,
            boolean revert) {
        boolean touches = changed.stream().anyMatch(path -> isSecretsPath(folder, path));
        boolean writes = changed.stream().anyMatch(path -> isSecretsPath(folder, path) && files.containsKey(path));
        boolean human = human(proposer, onBehalfOf);
        if ((revert ? writes : touches) && !human) {
            return Optional.of(new Authority.Ruling(
                    Verdict.DENY,
                    FROM_HUMANS,
                    proposer + (onBehalfOf == null ? "" : " on behalf of " + onBehalfOf)
                            + (revert ? " reverts the secrets of " : " changes the secrets of ") + folder
                            + ", but secret values, earlier ones included, come only from a human acting for"
                            + " itself"));
        }
        return unencrypted(folder, files);
    }

    private static Optional<Authority.Ruling> unencrypted(String folder, SortedMap<String, byte[]> files) {
        byte[] secrets = files.get(folder + "/" + StackLayout.SECRETS);
        if (secrets != null && !SecretFiles.isEncrypted(secrets)) {
            return Optional.of(new Authority.Ruling(
                    Verdict.DENY,
                    ENCRYPTED,
                    folder + "/" + StackLayout.SECRETS + " is not a sops file with every value encrypted"));
        }
        byte[] fluxSecret = files.get(fluxSecret(folder));
        if (fluxSecret != null && !SecretFiles.isEncryptedSecret(fluxSecret)) {
            return Optional.of(new Authority.Ruling(
                    Verdict.DENY,
                    ENCRYPTED,
                    fluxSecret(folder) + " is not a sops-encrypted Secret with every data and stringData value"
                            + " encrypted"));
        }
        return Optional.empty();
    }

    /**
     * Checks an environment change: it never changes a stack's secrets files; it may remove a stack's Flux
     * Secret (the renderer leaves Flux), and only a revert brings one back, byte for byte as recorded before.
     *
     * @param changed the repository paths changed
     * @param after the content of a path after the change, null when removed
     * @param proposer the proposer, written {@code kind:id}
     * @param onBehalfOf the human the proposer acts for, if any
     * @param revert whether the change reverts a recorded one
     * @return the denial naming the broken rule, or empty
     */
    static Optional<Authority.Ruling> brokenByEnvironmentChange(
            List<String> changed,
            java.util.function.Function<String, byte @Nullable []> after,
            String proposer,
            @Nullable String onBehalfOf,
            boolean revert) {
        boolean rekeys = human(proposer, onBehalfOf) && RecipientRules.changesRecipients(changed);
        for (String path : changed) {
            byte[] content = after.apply(path);
            boolean folderSecrets = FOLDER_SECRETS.matcher(path).matches() && !RecipientRules.rekeyed(rekeys, path);
            boolean fluxSecret = FLUX_SECRET.matcher(path).matches();
            boolean restores = (revert || rekeys) && human(proposer, onBehalfOf);
            if (folderSecrets || (fluxSecret && content != null && !restores)) {
                return Optional.of(new Authority.Ruling(
                        Verdict.DENY,
                        FROM_HUMANS,
                        proposer + (onBehalfOf == null ? "" : " on behalf of " + onBehalfOf) + " changes " + path
                                + " through an environment change, which only removes a Flux Secret or, reverted by"
                                + " a human acting for itself, restores one: secret values, earlier ones included,"
                                + " come only from a human acting for itself"));
            }
            if (fluxSecret && content != null && !SecretFiles.isEncryptedSecret(content)) {
                return Optional.of(new Authority.Ruling(
                        Verdict.DENY,
                        ENCRYPTED,
                        path + " is not a sops-encrypted Secret with every data and stringData value encrypted"));
            }
        }
        return Optional.empty();
    }
}
