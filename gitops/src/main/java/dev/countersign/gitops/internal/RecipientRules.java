package dev.countersign.gitops.internal;

import java.util.List;

/**
 * The contract's allowance for a recipients change: an environment change that writes the environment's
 * recipients rule may re-encrypt the environment's {@code secrets.sops.yaml} files and Flux {@code Secret}s when
 * a human acting for itself proposes it (the values stay; the fingerprints files never change).
 */
final class RecipientRules {
    private RecipientRules() {}

    /** Tells whether an environment change writes or removes a recipients rule. */
    static boolean changesRecipients(List<String> changed) {
        return changed.stream().anyMatch(path -> path.startsWith(".countersign/recipients/"));
    }

    /** Tells whether a secrets path is a re-encrypted {@code secrets.sops.yaml} of a recipients change. */
    static boolean rekeyed(boolean rekeys, String path) {
        return rekeys && path.endsWith("/" + StackLayout.SECRETS);
    }
}
