package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.gitops.internal.git.TreeId;
import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import dev.countersign.render.layout.NativeLayout;
import dev.countersign.stack.Environment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Writes the first commit of the main line: the policy, the environments and the sops rules. Thread-safe. */
public final class Initialization {
    private final Ledger ledger;

    /**
     * Creates the verb.
     *
     * @param ledger the ledger
     */
    public Initialization(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Writes the root commit from the policy, the environments and, given age recipients, a {@code .sops.yaml}
     * that encrypts every stack's secrets file to them.
     *
     * @param by who initializes the repository
     * @param policy the policy file's text
     * @param environments the environments
     * @param ageRecipients age public keys; none writes no {@code .sops.yaml}
     * @return the root commit's id
     * @throws dev.countersign.policy.PolicyException if the policy is invalid
     * @throws InvalidProposalException if a recipient is not an age public key
     * @throws GitOpsException if the main line already exists
     */
    public String initialize(Principal by, String policy, List<Environment> environments, List<String> ageRecipients) {
        return initialize(by, policy, environments, ageRecipients, null);
    }

    /**
     * Writes the root commit as {@link #initialize(Principal, String, List, List)} does, with a price catalogue
     * stored as {@value PricingFile#PATH} when one is given.
     *
     * @param by who initializes the repository
     * @param policy the policy file's text
     * @param environments the environments
     * @param ageRecipients age public keys; none writes no {@code .sops.yaml}
     * @param pricing the price catalogue, or null for none
     * @return the root commit's id
     * @throws dev.countersign.policy.PolicyException if the policy is invalid
     * @throws InvalidProposalException if a recipient is not an age public key
     * @throws GitOpsException if the main line already exists
     */
    public String initialize(
            Principal by,
            String policy,
            List<Environment> environments,
            List<String> ageRecipients,
            dev.countersign.stack.@Nullable Pricing pricing) {
        Policy.parse(policy);
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (!ageRecipients.isEmpty()) {
            files.put(Layout.SOPS_CONFIG, sopsConfig(ageRecipients).getBytes(StandardCharsets.UTF_8));
        }
        files.put(Layout.POLICY, policy.getBytes(StandardCharsets.UTF_8));
        if (pricing != null) {
            files.put(PricingFile.PATH, PricingFile.content(pricing));
        }
        for (Environment environment : environments) {
            files.put(Layout.environmentFile(environment.name()), NativeLayout.environmentFile(environment));
        }
        return initialize(files, by.name());
    }

    private static String sopsConfig(List<String> recipients) {
        for (String recipient : recipients) {
            if (!recipient.matches("age1[02-9ac-hj-np-z]{58}")) {
                throw new InvalidProposalException(
                        "invalid age recipient '" + recipient + "': must be age1 followed by 58 bech32 characters");
            }
        }
        return "creation_rules:\n  - path_regex: ^environments/[^/]+/[^/]+/secrets\\.sops\\.yaml$\n    age: "
                + String.join(",", recipients) + "\n";
    }

    /**
     * Writes the root commit.
     *
     * @param files path to content; only paths under {@code .countersign/} and {@code .sops.yaml}
     * @param principal who initializes the repository
     * @return the root commit's id
     * @throws GitOpsException if the main line already exists
     */
    public String initialize(SortedMap<String, byte[]> files, String principal) {
        return ledger.transact(() -> {
            files.keySet().forEach(Layout::requireConfigPath);
            GitStore git = ledger.git();
            Instant now = ledger.now();
            TreeId tree = git.writeTree(null, new TreeMap<String, byte @Nullable []>(files));
            String message = Trailers.builder()
                    .add(Trailers.POLICY, ContentHash.ofBytes(files.getOrDefault(Layout.POLICY, new byte[0])))
                    .build()
                    .appendTo("Initialize the Countersign repository");
            CommitId root = git.commit(tree, List.of(), Idents.of(principal, now), Idents.of(principal, now), message);
            if (!git.compareAndSwap(Refs.MAIN, null, root, "initialize")) {
                throw new GitOpsException("repository at " + git.gitDirectory() + " is already initialized");
            }
            return root.name();
        });
    }
}
