package dev.countersign.gitops;

import dev.countersign.policy.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One proposal revision as stored in Git: what it proposes (its {@link ProposalHeader}, fixed once proposed) and where
 * it stands (its {@link ProposalProgress}). Immutable; read it again after an action.
 *
 * @param header who proposed what, for which environment, on which base
 * @param progress the state, approvals and decisions so far
 */
public record Proposal(ProposalHeader header, ProposalProgress progress) {

    /**
     * Returns this proposal with other progress.
     *
     * @param next the progress
     * @return the copy
     */
    public Proposal with(ProposalProgress next) {
        return new Proposal(header, next);
    }

    /**
     * Returns the approvals that still count: bound to this revision's id, content hash and base.
     *
     * @return the valid approvals, in the order given
     */
    public List<Countersignature> validApprovals() {
        return progress.approvals().stream().filter(a -> a.binds(header)).toList();
    }

    /**
     * Returns the proposal id (also its branch {@code drafts/<id>}).
     *
     * @return the id
     */
    public String id() {
        return header.id();
    }

    /**
     * Returns the target environment.
     *
     * @return the environment's name
     */
    public String environment() {
        return header.subject().environment();
    }

    /**
     * Returns the stack's name; empty for an environment or policy change.
     *
     * @return the stack, or {@code ""}
     */
    public String stack() {
        return header.subject().fold(Subject.StackChange::stack, environment -> "", policy -> "");
    }

    /**
     * Tells whether this proposal changes its environment's definition (renderer, Flux or Argo CD options,
     * cluster, variables), rendering every stack of the environment again, rather than one stack.
     *
     * @return true for a {@link Subject.EnvironmentChange}
     */
    public boolean isEnvironmentChange() {
        return header.subject() instanceof Subject.EnvironmentChange;
    }

    /**
     * Tells whether this proposal changes the repository's policy ({@code .countersign/policy.yaml}); its
     * {@link #environment()} is then {@value Subject.PolicyChange#EVERY_ENVIRONMENT}.
     *
     * @return true for a {@link Subject.PolicyChange}
     */
    public boolean isPolicyChange() {
        return header.subject() instanceof Subject.PolicyChange;
    }

    /**
     * Returns the proposing principal, with the human it acts for if any.
     *
     * @return the proposer
     */
    public Principal proposer() {
        return header.proposer();
    }

    /**
     * Returns the lifecycle state.
     *
     * @return the state
     */
    public ProposalState state() {
        return progress.state();
    }

    /**
     * Returns the main-line commit the draft starts from.
     *
     * @return the commit id
     */
    public String baseCommit() {
        return header.base().name();
    }

    /**
     * Returns the commit holding the draft.
     *
     * @return the commit id, or {@code ""} before the draft is written
     */
    public String draftCommit() {
        CommitId draft = progress.draft();
        return draft == null ? "" : draft.name();
    }

    /**
     * Returns the hash every approval binds to.
     *
     * @return {@code sha256:...}
     */
    public String contentHash() {
        return header.contentHash();
    }

    /**
     * Returns the repository paths the draft changes.
     *
     * @return the paths
     */
    public List<String> changedPaths() {
        return header.changedPaths();
    }

    /**
     * Returns every approval given, valid or void.
     *
     * @return the approvals
     */
    public List<Countersignature> approvals() {
        return progress.approvals();
    }

    /**
     * Returns every policy decision taken, in order.
     *
     * @return the decisions
     */
    public List<RecordedDecision> decisions() {
        return progress.decisions();
    }

    /**
     * Returns the main-line commit that recorded it.
     *
     * @return the commit id, or null
     */
    public @Nullable String recordedCommit() {
        return recorded().orElse(null);
    }

    /**
     * Returns the recording commit, once recorded.
     *
     * @return the commit id, or empty
     */
    public Optional<String> recorded() {
        return Optional.ofNullable(progress.recorded()).map(CommitId::name);
    }

    /**
     * Returns the recorded commit this proposal reverts.
     *
     * @return the commit id, or null
     */
    public @Nullable String reverts() {
        CommitId reverts = header.reverts();
        return reverts == null ? null : reverts.name();
    }

    /**
     * Returns why it was proposed.
     *
     * @return the rationale
     */
    public String rationale() {
        return header.rationale();
    }

    /**
     * Returns the links or notes backing the rationale.
     *
     * @return the evidence
     */
    public List<String> evidence() {
        return header.evidence();
    }

    /**
     * Returns the observation this proposal answers, with its evidence and confidence, if its proposer filed one.
     *
     * @return the insight, or empty
     */
    public Optional<Insight> insight() {
        return Optional.ofNullable(header.insight());
    }

    /**
     * Returns the revision this one replaced.
     *
     * @return its id, or null
     */
    public @Nullable String supersedes() {
        return header.supersedes();
    }

    /**
     * Returns the revision that replaced this one.
     *
     * @return its id, or null
     */
    public @Nullable String supersededBy() {
        return progress.supersededBy();
    }

    /**
     * Returns when it was proposed.
     *
     * @return the instant
     */
    public Instant createdAt() {
        return header.createdAt();
    }
}
