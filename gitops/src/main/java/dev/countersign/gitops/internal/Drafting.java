package dev.countersign.gitops.internal;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalEvent;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.Transitions;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.ProposalStore.Stored;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Propose and revise: a draft becomes a new proposal revision after policy allowed it; a revision
 * supersedes the one it replaces, whose approvals are void. Each verb is one transaction of the
 * {@link Ledger}. Thread-safe.
 */
public final class Drafting {
    private final Ledger ledger;
    private final Proposing proposing;

    /**
     * Creates the verbs.
     *
     * @param ledger the ledger
     * @param ids new proposal ids
     */
    public Drafting(Ledger ledger, Supplier<String> ids) {
        this.ledger = ledger;
        this.proposing = new Proposing(ledger, ids);
    }

    Proposing proposing() {
        return proposing;
    }

    /**
     * Proposes a draft: writes {@code drafts/<id>} and the metadata, after policy allowed it.
     *
     * @param draft the draft
     * @return the new proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException if policy denies the proposal
     * @throws InvalidProposalException if the draft changes nothing
     */
    public Proposal propose(Draft draft) {
        return ledger.transact(() -> proposing.stack(draft, null, null));
    }

    /**
     * Proposes a change of an environment's definition: writes {@code drafts/<id>} (the environment file and
     * every stack of the environment rendered again) and the metadata, after policy allowed it.
     *
     * @param draft the change
     * @return the new proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException if policy denies the proposal
     * @throws InvalidProposalException if the environment is unknown, or the change changes nothing
     */
    public Proposal proposeEnvironment(EnvironmentDraft draft) {
        return ledger.transact(() -> proposing.environment(draft, null));
    }

    /**
     * Proposes the retirement of an environment (see {@link EnvironmentRetirement}).
     *
     * @param by the proposer
     * @param environment the environment to retire
     * @param rationale why
     * @param evidence backing links or notes
     * @return the new proposal, in state {@link ProposalState#PROPOSED}
     * @throws InvalidProposalException if the environment is unknown or still records stacks
     */
    public Proposal retireEnvironment(
            Principal by, String environment, String rationale, java.util.List<String> evidence) {
        return ledger.transact(
                () -> EnvironmentRetirement.propose(ledger, proposing, by, environment, rationale, evidence, null));
    }

    /**
     * Proposes a change of an environment's SOPS recipients (see {@link EnvironmentRecipients}).
     *
     * @param draft the change
     * @param rekeying re-encrypts the environment's sops files
     * @return the new proposal, in state {@link ProposalState#PROPOSED}
     */
    public Proposal proposeRecipients(RecipientsDraft draft, SecretRekeying rekeying) {
        return ledger.transact(() -> EnvironmentRecipients.propose(ledger, proposing, rekeying, draft));
    }

    /**
     * Proposes a change of the repository's policy (see {@link PolicyDraft}): writes {@code drafts/<id>} with the
     * new {@code .countersign/policy.yaml} and the metadata, after the policy in force allowed it.
     *
     * @param by the proposer
     * @param changed the policy as it is to be
     * @param rationale why
     * @param evidence backing links or notes
     * @return the new proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException if the policy in force denies the proposer {@code change-policy}
     * @throws InvalidProposalException if the policy file would not change
     */
    public Proposal proposePolicy(
            Principal by, dev.countersign.policy.Policy changed, String rationale, java.util.List<String> evidence) {
        return ledger.transact(() -> PolicyDraft.propose(ledger, proposing, by, changed, rationale, evidence));
    }

    /**
     * Proposes a change of the repository's price catalogue (see {@link PricingDraft}), as a policy change: writes
     * {@code drafts/<id>} with the new {@code .countersign/pricing.yaml} and the metadata, after the policy in force
     * allowed it.
     *
     * @param by the proposer
     * @param changed the catalogue as it is to be
     * @param rationale why
     * @param evidence backing links or notes
     * @return the new proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException if the policy in force denies the proposer {@code change-policy}
     * @throws InvalidProposalException if the catalogue would not change, or does not price a server type that a
     *     recorded environment uses
     */
    public Proposal proposePricing(
            Principal by, dev.countersign.stack.Pricing changed, String rationale, java.util.List<String> evidence) {
        return ledger.transact(() -> PricingDraft.propose(ledger, proposing, by, changed, rationale, evidence));
    }

    /**
     * Revises a stack change: the new content becomes a new revision, based on the main line as it is now.
     *
     * @param id the proposal to revise
     * @param principal who revises; must be its proposer
     * @param content the new content of the stack folder, for a base and the draft it continues
     * @return the new revision
     * @throws InvalidProposalException if the proposal changes an environment
     */
    public Proposal revise(String id, Principal principal, Draft.Content content) {
        return revising(
                id,
                principal,
                r -> r.header()
                        .subject()
                        .fold(
                                stack -> proposing.stack(
                                        new Draft(
                                                r.proposer(),
                                                stack.environment(),
                                                stack.stack(),
                                                content,
                                                r.rationale(),
                                                r.evidence(),
                                                r.header().reverts(),
                                                r.header().insight()),
                                        id,
                                        DraftCommit.of(r)),
                                environment -> {
                                    throw new InvalidProposalException("proposal " + id + " changes environment "
                                            + environment.environment()
                                            + ": revise it with a new environment definition, not a stack");
                                },
                                policy -> {
                                    throw new InvalidProposalException("proposal " + id
                                            + " changes the policy: revise it with a new policy, not a stack");
                                }));
    }

    /**
     * Revises a stack change with files that are the same for every base.
     *
     * @param id the proposal to revise
     * @param principal who revises; must be its proposer
     * @param files the new content of the stack folder
     * @return the new revision
     */
    public Proposal revise(String id, Principal principal, SortedMap<String, byte[]> files) {
        return revise(id, principal, Draft.Content.fixed(files, null));
    }

    /**
     * Revises an environment change: the new definition becomes a new revision.
     *
     * @param id the environment change to revise
     * @param principal who revises; must be its proposer
     * @param changed the environment as it is to be; same name
     * @return the new revision
     * @throws InvalidProposalException if the proposal changes a stack, or the name differs
     */
    public Proposal reviseEnvironment(String id, Principal principal, Environment changed) {
        return revising(id, principal, r -> {
            if (!r.header().subject().equals(new Subject.EnvironmentChange(changed.name()))) {
                throw new InvalidProposalException(
                        "proposal " + id + " changes " + r.header().subject().describe()
                                + ": it cannot be revised into a change of environment " + changed.name());
            }
            EnvironmentDraft draft = new EnvironmentDraft(
                    r.proposer(),
                    changed,
                    r.rationale(),
                    r.evidence(),
                    r.header().reverts(),
                    null,
                    r.header().insight(),
                    TopologyFiles.given(ledger.git(), r));
            return proposing.environment(draft, id);
        });
    }

    private Proposal revising(String id, Principal principal, Function<Proposal, Proposal> revise) {
        return ledger.transact(() -> {
            Stored old = ledger.load(id);
            Proposal r = old.proposal();
            ProposalState superseded = Transitions.next(r.state(), ProposalEvent.REVISE, Verdict.ALLOW);
            ContractRules.requireProposer(r, principal, "revise");
            Proposal revision = revise.apply(r);
            ledger.writeOrFail(
                    old,
                    r.with(r.progress().supersededBy(revision.id()).in(superseded)),
                    "superseded by " + revision.id());
            return revision;
        });
    }
}
