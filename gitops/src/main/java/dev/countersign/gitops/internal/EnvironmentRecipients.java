package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalHeader;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.stack.Environment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An environment's SOPS recipients, changed by proposal. {@code init} names the recipients of every
 * environment in {@code .sops.yaml}; a recipients change writes the environment's own rule to
 * {@code .countersign/recipients/<env>.sops.yaml}, which then takes precedence for that environment, and
 * re-encrypts every sops file of the environment (each stack's {@code secrets.sops.yaml} and Flux
 * {@code Secret}) to the new recipients in the same draft: an added recipient gets each file's data key, a
 * removal rotates every data key. The rule file lies in the environment's region, so the change is an
 * environment change: hashed, approved, recorded and verified like one.
 */
public final class EnvironmentRecipients {
    private static final String AGE = "age1[02-9ac-hj-np-z]{58}";

    private EnvironmentRecipients() {}

    /**
     * Proposes the change, inside a transaction of the ledger.
     *
     * @param ledger the ledger
     * @param proposing the verb that writes proposals
     * @param rekeying re-encrypts the sops files
     * @param draft the change
     * @return the proposal
     * @throws InvalidProposalException if a recipient is malformed, already present (added) or absent (removed),
     *     none would remain, or nothing changes
     */
    static Proposal propose(Ledger ledger, Proposing proposing, SecretRekeying rekeying, RecipientsDraft draft) {
        GitStore git = ledger.git();
        CommitId base = ledger.mainHead();
        String name = draft.environment();
        Environment env = StackLayout.environment(git, base, name);
        List<String> recipients =
                recipients(RenderedLayout.ageRecipients(env, RecipientFiles.config(git, base, name)), draft);
        List<String> sopsFiles = sopsFiles(git, base, name);
        List<String> touched = new ArrayList<>(sopsFiles);
        touched.add(RecipientFiles.path(name));
        requireAllowed(touched, file -> git.read(base, file).orElse(null), draft);
        CommitId staged = stage(ledger, base, recipients, sopsFiles, rekeying, draft);
        SortedMap<String, byte[]> files = EnvironmentRendering.after(git, staged, env, null);
        List<String> changed = changed(EnvironmentRendering.region(git, git.tree(base), name), files);
        requireAllowed(changed, path -> files.get(path), draft);
        ProposalHeader header = proposing.header(
                new Subject.EnvironmentChange(name),
                draft.proposer(),
                draft.rationale(),
                draft.evidence(),
                base,
                ContentHash.of(files),
                changed,
                null,
                null);
        byte[] envFile = files.get(Layout.environmentFile(name));
        return proposing.propose(header, files, envFile == null ? null : new String(envFile, StandardCharsets.UTF_8));
    }

    /** Commits the new rule and the re-encrypted files on top of main, unreferenced, to render the draft from. */
    private static CommitId stage(
            Ledger ledger,
            CommitId base,
            List<String> recipients,
            List<String> sopsFiles,
            SecretRekeying rekeying,
            RecipientsDraft draft) {
        GitStore git = ledger.git();
        String name = draft.environment();
        Map<String, byte @Nullable []> edits = new TreeMap<>();
        edits.put(RecipientFiles.path(name), rule(name, recipients).getBytes(StandardCharsets.UTF_8));
        for (String file : sopsFiles) {
            edits.put(file, rekeying.rekey(git.read(base, file).orElseThrow(), recipients, draft.identities()));
        }
        return git.commit(
                git.writeTree(base, edits),
                List.of(base),
                Idents.of(Idents.RECORDER, ledger.now()),
                Idents.of(Idents.RECORDER, ledger.now()),
                "staged recipients change of " + name);
    }

    /** Applies the contract's secret rules before anything is decrypted, and again to the draft. */
    private static void requireAllowed(
            List<String> changed, Function<String, byte @Nullable []> after, RecipientsDraft draft) {
        String by = draft.proposer().name();
        SecretRules.brokenByEnvironmentChange(changed, after, by, delegator(draft), false)
                .ifPresent(ruling -> {
                    throw ruling.refusal("propose", by);
                });
    }

    private static @Nullable String delegator(RecipientsDraft draft) {
        var onBehalfOf = draft.proposer().onBehalfOf();
        return onBehalfOf == null ? null : onBehalfOf.name();
    }

    private static List<String> recipients(List<String> current, RecipientsDraft draft) {
        List<String> after = new ArrayList<>(current);
        for (String recipient : draft.remove()) {
            if (!after.remove(recipient)) {
                throw new InvalidProposalException("cannot remove recipient '" + recipient + "' of environment "
                        + draft.environment() + ": its recipients are " + current);
            }
        }
        for (String recipient : draft.add()) {
            if (!recipient.matches(AGE)) {
                throw new InvalidProposalException(
                        "invalid age recipient '" + recipient + "': must be age1 followed by 58 bech32 characters");
            }
            if (after.contains(recipient)) {
                throw new InvalidProposalException(
                        "recipient '" + recipient + "' is already one of environment " + draft.environment());
            }
            after.add(recipient);
        }
        if (after.isEmpty()) {
            throw new InvalidProposalException("environment " + draft.environment()
                    + " would have no recipients left: add one before removing the last");
        }
        if (after.equals(current)) {
            throw new InvalidProposalException("recipients change of " + draft.environment() + " changes nothing");
        }
        return List.copyOf(after);
    }

    private static String rule(String environment, List<String> recipients) {
        return """
                creation_rules:
                  - path_regex: ^environments/%s/[^/]+/secrets\\.sops\\.yaml$
                    age: %s
                """.formatted(environment, String.join(",", recipients));
    }

    /** Lists the sops files of an environment: each stack's secrets file and Flux Secret. */
    private static List<String> sopsFiles(GitStore git, CommitId base, String environment) {
        List<String> files = new ArrayList<>();
        for (String stack : EnvironmentRendering.stacks(git, base, environment)) {
            String secrets = Layout.fileIn(Layout.stackFolder(environment, stack), StackLayout.SECRETS);
            String flux = RenderedLayout.fluxSecret(environment, stack);
            for (String file : List.of(secrets, flux)) {
                if (git.read(base, file).isPresent()) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private static List<String> changed(SortedMap<String, byte[]> before, SortedMap<String, byte[]> after) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        return paths.stream()
                .filter(path -> !Arrays.equals(before.get(path), after.get(path)))
                .toList();
    }
}
