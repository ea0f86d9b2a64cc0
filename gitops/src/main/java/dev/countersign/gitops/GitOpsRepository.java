package dev.countersign.gitops;

import dev.countersign.gitops.internal.Layout;
import dev.countersign.gitops.internal.Lifecycle;
import dev.countersign.gitops.internal.Opening;
import dev.countersign.gitops.internal.PolicyAuthority;
import dev.countersign.gitops.internal.StackFolder;
import dev.countersign.gitops.internal.Verifier;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A GitOps repository governed by Countersign: a local Git repository in a directory (no server needed)
 * holding the policy, the environments, the recorded stacks on {@code main}, and every proposal on its
 * own branch. Hand an agent a {@link #proposer(Principal) proposer}, a human a {@link #reviewer(Principal)
 * reviewer}.
 *
 * <p>Thread-safe; several processes may share one repository (compare-and-swap on refs plus a lock file),
 * and in remote mode ({@link GitOpsRepositoryBuilder#remote(String)}) several hosts share one Git server. Closing releases
 * the repository's file handles.
 */
public final class GitOpsRepository implements AutoCloseable {
    private final GitStore git;
    private final Lifecycle lifecycle;
    private final StackFolder folders;
    private final Reading reading;

    GitOpsRepository(Opening.Opened parts) {
        this.git = parts.git();
        this.lifecycle = parts.lifecycle();
        this.folders = parts.folders();
        this.reading = new Reading(lifecycle.ledger());
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
        return new GitOpsRepository(Opening.open(Opening.Settings.local(directory, clock, random)));
    }

    /**
     * Writes the first commit of {@code main}: the policy and the environments. The preferred form: the policy
     * is already parsed, so a mistake in it surfaces where the file is read; the policy file stored is its
     * {@linkplain Policy#source() source text}, byte for byte what {@link #initialize(Principal, String, List)}
     * writes for the same text.
     *
     * @param by who initializes the repository
     * @param policy the policy, as {@link Policy#parse(String)} or {@link Policy#read(Path)} returned it
     * @param environments the environments stacks are proposed for
     * @return the root commit's id
     * @throws GitOpsException if the repository is already initialized
     */
    public String initialize(Principal by, Policy policy, List<Environment> environments) {
        return initialize(by, policy.source(), environments);
    }

    /**
     * Writes the first commit of {@code main}, with a {@code .sops.yaml} naming the age recipients that
     * secret files of every environment are encrypted to. The preferred form (see {@link #initialize(Principal,
     * Policy, List)}).
     *
     * @param by who initializes the repository
     * @param policy the policy, as {@link Policy#parse(String)} or {@link Policy#read(Path)} returned it
     * @param environments the environments stacks are proposed for
     * @param ageRecipients age public keys ({@code age1...}); none writes no {@code .sops.yaml}
     * @return the root commit's id
     * @throws GitOpsException if the repository is already initialized
     * @throws InvalidProposalException if a recipient is not an age public key
     */
    public String initialize(Principal by, Policy policy, List<Environment> environments, List<String> ageRecipients) {
        return initialize(by, policy.source(), environments, ageRecipients);
    }

    /**
     * Writes the first commit of {@code main} from the policy file's text: the policy and the environments.
     * Prefer {@link #initialize(Principal, Policy, List)} unless the text is all you hold.
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
     * Writes the first commit of {@code main} from the policy file's text, with a {@code .sops.yaml} naming the
     * age recipients that secret files of every environment are encrypted to. Prefer {@link
     * #initialize(Principal, Policy, List, List)} unless the text is all you hold.
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
        return lifecycle.initialization().initialize(by, policy, environments, ageRecipients);
    }

    /**
     * Writes the first commit of {@code main} as {@link #initialize(Principal, Policy, List, List)} does, with the
     * host's price catalogue stored as {@code .countersign/pricing.yaml}: topology changes are then reviewed with
     * their capacity and monthly cost, and judged against the environments' cost limits.
     *
     * @param by who initializes the repository
     * @param policy the policy
     * @param environments the environments stacks are proposed for
     * @param ageRecipients age public keys ({@code age1...}); none writes no {@code .sops.yaml}
     * @param pricing the price catalogue
     * @return the root commit's id
     * @throws GitOpsException if the repository is already initialized
     * @throws InvalidProposalException if a recipient is not an age public key
     */
    public String initialize(
            Principal by,
            Policy policy,
            List<Environment> environments,
            List<String> ageRecipients,
            dev.countersign.stack.Pricing pricing) {
        return lifecycle.initialization().initialize(by, policy.source(), environments, ageRecipients, pricing);
    }

    /**
     * Returns the price catalogue recorded on {@code main}, if any.
     *
     * @return the catalogue, or empty when the repository has none
     * @throws dev.countersign.stack.StackException if the recorded file is not a valid catalogue
     */
    public java.util.Optional<dev.countersign.stack.Pricing> pricing() {
        return dev.countersign.gitops.internal.PricingFile.at(
                git, lifecycle.ledger().mainHead());
    }

    /**
     * Tells whether {@code main} exists: the repository was initialized, here or, in remote mode, by
     * another host.
     *
     * @return true once initialized
     */
    public boolean isInitialized() {
        lifecycle.ledger().refresh();
        return git.resolve(dev.countersign.gitops.internal.git.Refs.MAIN).isPresent();
    }

    /**
     * Returns the policy in force: the one recorded on {@code main} now. A host reads it to know the
     * principals and the rules; every action reads it again, so a policy changed since does apply.
     *
     * @return the policy of {@code main}'s head
     * @throws GitOpsException if the repository is not initialized
     */
    public Policy policy() {
        lifecycle.ledger().refresh();
        return Policy.parse(git.read(lifecycle.ledger().mainHead(), Layout.POLICY)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseThrow(() -> new GitOpsException("main has no " + Layout.POLICY)));
    }

    /**
     * Returns a read-only view of what {@code main} records: environments, stacks, secret fingerprints.
     *
     * @return the view; each call on it reads the current head of {@code main}
     */
    public RecordedState recorded() {
        return new RecordedState(git, lifecycle.ledger());
    }

    /**
     * Returns the handle of a principal who proposes: propose, revise, withdraw and read, nothing else.
     *
     * @param principal the proposer, typically an agent acting on behalf of a human
     * @return the handle
     */
    public Proposer proposer(Principal principal) {
        return new Proposer(lifecycle, reading, folders, principal);
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
        return new Reviewer(lifecycle, reading, principal);
    }

    /**
     * Reads one proposal.
     *
     * @param id the proposal id
     * @return its current snapshot
     * @throws UnknownProposalException if there is no such proposal
     */
    public Proposal proposal(String id) {
        return reading.proposal(id);
    }

    /**
     * Lists the proposals, optionally only those in one state.
     *
     * @param state the state to keep, or null for all
     * @return the proposals, sorted by id
     */
    public List<Proposal> proposals(@Nullable ProposalState state) {
        return reading.proposals(state);
    }

    /**
     * Lists the open proposals: drafts, proposed and approved ones, not those recorded, rejected, withdrawn,
     * superseded or conflicted. Reads the metadata of the open proposals only, however long the history: the
     * state of the others comes from an index kept on a local ref ({@code refs/countersign-index/proposals}).
     *
     * @return the open proposals, sorted by id
     */
    public List<Proposal> openProposals() {
        return reading.open();
    }

    /**
     * Lists one page of the proposals, sorted by id, reading the metadata of the proposals on the page only:
     * pass the last id of a page as {@code after} to get the next one; a page shorter than the limit is the last.
     *
     * @param state the state to keep, or null for every state
     * @param after the id the page starts after, or null for the first page
     * @param limit the most proposals on the page, at least 1
     * @return the page
     * @throws IllegalArgumentException if the limit is below 1
     */
    public List<Proposal> proposalPage(@Nullable ProposalState state, @Nullable String after, int limit) {
        return reading.page(state, after, limit);
    }

    /**
     * Records an approved proposal whose record policy held (for example during a freeze), as asked by a named
     * principal: a human or a service (such as a CI job) holding the {@code record} action in the proposal's
     * environment. The record is dated no earlier than its base and its approvals, whatever the clock says, and
     * a freeze window is judged at that time as well as at the clock.
     *
     * @param id the proposal id
     * @param principal who records; an agent never records
     * @return the proposal: recorded, still approved, or conflicted
     * @throws IllegalTransitionException if the proposal is not approved
     * @throws ActionDeniedException if policy denies the principal the record
     */
    public Proposal record(String id, Principal principal) {
        return lifecycle.recording().record(id, principal);
    }

    /**
     * Verifies {@code main} offline, from Git alone, from its root commit.
     *
     * @return the verification, with every commit that did not come through the contract
     */
    public Verification verify() {
        return verify(null);
    }

    /**
     * Verifies {@code main} offline, from Git alone, from a trusted checkpoint commit: only the commits after
     * it are checked.
     *
     * @param checkpoint a trusted commit to verify from; null (prefer {@link #verify()}) verifies from the root
     * @return the verification, with every commit that did not come through the contract
     * @throws GitOpsException if the checkpoint names nothing
     */
    public Verification verify(@Nullable String checkpoint) {
        lifecycle.ledger().refresh();
        return new Verifier(git, PolicyAuthority.source()).verify(checkpoint);
    }

    /**
     * Verifies {@code main} offline with options: from a checkpoint commit or a checkpoint file, and
     * requiring signatures by trusted keys. With a checkpoint file, a clean run advances the file to the
     * head; a checkpoint that is no longer on {@code main} (history rewritten) is a finding and leaves the
     * file alone.
     *
     * @param options where to start and what to require
     * @return the verification, with every commit that did not come through the contract
     * @throws GitOpsException if the checkpoint names nothing, or the checkpoint file cannot be read,
     *     holds no commit id, or cannot be written
     */
    public Verification verifyWith(VerifyOptions options) {
        Verifier verifier = new Verifier(git, PolicyAuthority.source());
        var keys = options.trustedKeys() == null ? null : options.trustedKeys().keyring();
        var approvers =
                options.approverKeys() == null ? null : options.approverKeys().keyring();
        Path file = options.checkpointFile();
        return file == null
                ? verifier.verify(options.checkpoint(), keys, approvers)
                : verifier.verify(file, keys, approvers);
    }

    /**
     * Returns the review of a proposal: what a reviewer needs to decide.
     *
     * @param id the proposal id
     * @return the review
     */
    public Review review(String id) {
        return reading.review(id);
    }

    /**
     * Returns the review of an environment change: the definition before and after, and the stacks it renders
     * again.
     *
     * @param id the proposal id
     * @return the review
     * @throws InvalidProposalException if the proposal changes a stack, not an environment
     */
    public EnvironmentReview environmentReview(String id) {
        return reading.environmentReview(id);
    }

    /**
     * Returns the review of a policy change: the policy in force at its base, under which it is judged, and the
     * policy proposed.
     *
     * @param id the proposal id
     * @return the review
     * @throws InvalidProposalException if the proposal changes a stack or an environment, not the policy
     */
    public PolicyReview policyReview(String id) {
        return reading.policyReview(id);
    }

    /**
     * Returns the content view of a proposal: exactly what its approval covers (component YAML hunks, the diff of
     * every file the record writes, secrets by fingerprint, variables with values and provenance, chart changes,
     * blast radius), never a secret value.
     *
     * @param id the proposal id
     * @return the view; files only for a policy or environment change
     * @throws UnknownProposalException if there is no such proposal
     */
    public dev.countersign.gitops.content.ContentView content(String id) {
        return reading.content(id);
    }

    /**
     * Lists the changes recorded on {@code main}, newest first.
     *
     * @return the recorded changes (the root commit included)
     */
    public List<RecordedChange> log() {
        lifecycle.ledger().refresh();
        return git.resolve(dev.countersign.gitops.internal.git.Refs.MAIN)
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
