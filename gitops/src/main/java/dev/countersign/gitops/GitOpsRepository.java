package dev.countersign.gitops;

import dev.countersign.gitops.internal.Engine;
import dev.countersign.gitops.internal.GitStore;
import dev.countersign.gitops.internal.Layout;
import dev.countersign.gitops.internal.PolicyAuthority;
import dev.countersign.gitops.internal.ProposalRecord;
import dev.countersign.gitops.internal.Verifier;
import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A GitOps repository governed by Countersign: a local Git repository in a directory (no server needed)
 * holding the policy, the environments, the recorded stacks on {@code main}, and every proposal on its
 * own branch. Hand an agent a {@link #proposer(Principal) proposer}, a human a {@link #reviewer(Principal)
 * reviewer}.
 *
 * <p>Thread-safe; several processes may share one repository (compare-and-swap on refs plus a lock file).
 * Closing releases the repository's file handles.
 */
public final class GitOpsRepository implements AutoCloseable {
    private final GitStore git;
    private final Engine engine;

    private GitOpsRepository(GitStore git, Clock clock, Supplier<String> ids) {
        this.git = git;
        this.engine = new Engine(git, PolicyAuthority.source(), clock, ids);
    }

    /**
     * Opens (or creates, empty) the repository in a directory, with the system clock and random ids.
     *
     * @param directory the repository's directory
     * @return the repository; close it when done
     */
    public static GitOpsRepository open(Path directory) {
        return open(directory, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * Opens (or creates, empty) the repository in a directory.
     *
     * @param directory the repository's directory
     * @param clock the time of every action (approvals, freeze windows)
     * @param random the source of proposal ids
     * @return the repository; close it when done
     */
    public static GitOpsRepository open(Path directory, Clock clock, SecureRandom random) {
        return new GitOpsRepository(GitStore.open(directory), clock, () -> newId(random));
    }

    private static String newId(SecureRandom random) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return "p-" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Writes the first commit of {@code main}: the policy and the environments.
     *
     * @param by who initializes the repository
     * @param policy the policy file's text ({@code kind: Policy})
     * @param environments the environments stacks are proposed for
     * @return the root commit's id
     * @throws GitOpsException if the repository is already initialized
     * @throws dev.countersign.policy.PolicyException if the policy is invalid
     */
    public String initialize(Principal by, String policy, List<Environment> environments) {
        return initialize(by, policy, environments, List.of());
    }

    /**
     * Writes the first commit of {@code main}, with a {@code .sops.yaml} naming the age recipients that
     * secret files of every environment are encrypted to.
     *
     * @param by who initializes the repository
     * @param policy the policy file's text ({@code kind: Policy})
     * @param environments the environments stacks are proposed for
     * @param ageRecipients age public keys ({@code age1...}); none writes no {@code .sops.yaml}
     * @return the root commit's id
     * @throws GitOpsException if the repository is already initialized
     * @throws InvalidProposalException if a recipient is not an age public key
     */
    public String initialize(Principal by, String policy, List<Environment> environments, List<String> ageRecipients) {
        Policy.parse(policy);
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (!ageRecipients.isEmpty()) {
            files.put(Layout.SOPS_CONFIG, sopsConfig(ageRecipients).getBytes(StandardCharsets.UTF_8));
        }
        files.put(Layout.POLICY, policy.getBytes(StandardCharsets.UTF_8));
        for (Environment environment : environments) {
            files.put(
                    Layout.environmentFile(environment.name()),
                    StackFiles.toYaml(List.of(environment.toTree())).getBytes(StandardCharsets.UTF_8));
        }
        return engine.initialize(files, by.name());
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
     * Returns the handle of a principal who proposes: propose, revise, withdraw and read, nothing else.
     *
     * @param principal the proposer, typically an agent acting on behalf of a human
     * @return the handle
     */
    public Proposer proposer(Principal principal) {
        return new Proposer(this, engine, principal);
    }

    /**
     * Returns the handle of a reviewer: approve, reject and record.
     *
     * @param principal the reviewer
     * @return the handle
     * @throws ActionDeniedException if the principal is an agent: agents never review
     */
    public Reviewer reviewer(Principal principal) {
        if (principal.kind() != Principal.Kind.HUMAN || principal.onBehalfOf() != null) {
            throw new ActionDeniedException(
                    "review",
                    principal.name(),
                    "humans-approve",
                    principal + " is not a human acting for itself: only humans review");
        }
        return new Reviewer(this, engine, principal);
    }

    /**
     * Reads one proposal.
     *
     * @param id the proposal id
     * @return its current snapshot
     * @throws UnknownProposalException if there is no such proposal
     */
    public Proposal proposal(String id) {
        return Views.proposal(engine.get(id));
    }

    /**
     * Lists the proposals, optionally only those in one state.
     *
     * @param state the state to keep, or null for all
     * @return the proposals, sorted by id
     */
    public List<Proposal> proposals(@Nullable ProposalState state) {
        return engine.list().stream()
                .filter(r -> state == null || r.state() == state)
                .map(Views::proposal)
                .toList();
    }

    /**
     * Records an approved proposal whose record policy held (for example during a freeze).
     *
     * @param id the proposal id
     * @return the proposal: recorded, still approved, or conflicted
     * @throws IllegalTransitionException if the proposal is not approved
     */
    public Proposal record(String id) {
        return Views.proposal(engine.record(id));
    }

    /**
     * Verifies {@code main} offline, from Git alone.
     *
     * @param checkpoint a trusted commit to verify from, or null for the root
     * @return the verification, with every commit that did not come through the contract
     */
    public Verification verify(@Nullable String checkpoint) {
        return new Verifier(git, PolicyAuthority.source()).verify(checkpoint);
    }

    /**
     * Returns the review of a proposal: what a reviewer needs to decide.
     *
     * @param id the proposal id
     * @return the review
     */
    public Review review(String id) {
        ProposalRecord r = engine.get(id);
        return Reviews.of(git, r, Views.proposal(r));
    }

    /**
     * Lists the changes recorded on {@code main}, newest first.
     *
     * @return the recorded changes (the root commit included)
     */
    public List<RecordedChange> log() {
        return git.resolve(dev.countersign.gitops.internal.Refs.MAIN)
                .map(head -> git.firstParentLine(head, null).stream()
                        .map(RecordedChange::of)
                        .toList())
                .orElse(List.of());
    }

    @Override
    public void close() {
        git.close();
    }
}
