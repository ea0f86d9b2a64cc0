package dev.countersign.gitops;

import dev.countersign.gitops.internal.Draft;
import dev.countersign.gitops.internal.EnvironmentDraft;
import dev.countersign.gitops.internal.Lifecycle;
import dev.countersign.gitops.internal.RecipientsDraft;
import dev.countersign.gitops.internal.StackFolder;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The handle of a principal who proposes, typically an agent: it can propose, revise, withdraw and read,
 * and has no method to approve or record. Policy checks the same again for every action. Thread-safe.
 */
public final class Proposer {
    private final Lifecycle lifecycle;
    private final Reading reading;
    private final StackFolder folders;
    private final Principal principal;

    Proposer(Lifecycle lifecycle, Reading reading, StackFolder folders, Principal principal) {
        this.lifecycle = lifecycle;
        this.reading = reading;
        this.folders = folders;
        this.principal = principal;
    }

    /**
     * Returns the principal this handle acts as.
     *
     * @return the principal
     */
    public Principal principal() {
        return principal;
    }

    /**
     * Proposes a new version of a stack for an environment, based on what {@code main} records now. The
     * recorded secrets of the stack, if any, are kept as they are. Same as {@link #propose(ProposalRequest)},
     * which names the parts and is preferred.
     *
     * @param environment the environment
     * @param stack the complete new version of the stack
     * @param rationale why the change is needed
     * @param evidence links or notes backing the rationale
     * @return the proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException if policy denies the proposal, naming the rule
     * @throws InvalidProposalException if a name could escape its folder or nothing changes
     * @throws dev.countersign.stack.StackException if the stack does not render for the environment, for
     *     example a secret variable without a recorded value
     * @throws RenderedNameException if the stack renders an object name or object another stack of the
     *     environment renders, or a reserved name
     */
    public Proposal propose(String environment, Stack stack, String rationale, List<String> evidence) {
        return propose(
                ProposalRequest.of(environment, stack).rationale(rationale).evidence(evidence));
    }

    /**
     * Proposes a new version of a stack for an environment, based on what {@code main} records now: the
     * preferred form, its parts named. Without {@linkplain ProposalRequest#secrets() secrets} the recorded
     * secrets of the stack, if any, are kept as they are; with them, they replace the recorded secrets and are
     * sops-encrypted to the recipients of the repository's {@code .sops.yaml} before anything is written.
     *
     * @param request the environment, the stack, the rationale, the evidence and perhaps the secrets
     * @return the proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException if policy denies the proposal, naming the rule; with rule {@code
     *     secrets-from-humans} if the request has secrets and this principal is an agent, a service or acts on
     *     behalf of someone
     * @throws InvalidProposalException if a name could escape its folder, nothing changes, or a secret is not
     *     used at a secret place of the stack
     * @throws NoSecretRecipientsException if the request has secrets and the repository names no recipients
     * @throws dev.countersign.stack.StackException if the stack does not render for the environment, for
     *     example a secret variable without a recorded value
     * @throws RenderedNameException if the stack renders an object name or object another stack of the
     *     environment renders, or a reserved name
     */
    public Proposal propose(ProposalRequest request) {
        Secrets secrets = request.secrets();
        if (secrets != null) {
            requireHuman("propose", secrets);
        }
        return lifecycle
                .drafting()
                .propose(new Draft(
                        principal,
                        request.environment(),
                        request.stack().name(),
                        content(request.stack(), secrets),
                        request.rationale(),
                        request.evidence(),
                        null,
                        request.insight()));
    }

    /**
     * Proposes a new version of a stack with its secrets: they replace the recorded secrets of the stack and
     * are sops-encrypted to the recipients of the repository's {@code .sops.yaml} before anything is written.
     * Only a human acting for itself supplies secrets. Same as {@link #propose(ProposalRequest)} with {@link
     * ProposalRequest#secrets(Secrets)}, which names the parts and is preferred.
     *
     * @param environment the environment
     * @param stack the complete new version of the stack
     * @param secrets every secret variable of the stack with its value; empty removes the secrets file
     * @param rationale why the change is needed
     * @param evidence links or notes backing the rationale
     * @return the proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException with rule {@code secrets-from-humans} if this principal is an agent, a
     *     service or acts on behalf of someone; or if policy denies the proposal
     * @throws InvalidProposalException if a secret is not used at a secret place of the stack
     * @throws NoSecretRecipientsException if the repository names no recipients for the secrets file
     */
    public Proposal propose(String environment, Stack stack, Secrets secrets, String rationale, List<String> evidence) {
        return propose(ProposalRequest.of(environment, stack)
                .rationale(rationale)
                .evidence(evidence)
                .secrets(secrets));
    }

    /**
     * Revises a proposal: the new version becomes a new proposal revision; the old one is superseded and
     * its approvals are void. The secrets of the revised draft are kept as they are.
     *
     * @param id the proposal to revise; must be this principal's
     * @param stack the complete new version of the stack
     * @return the new revision
     */
    public Proposal revise(String id, Stack stack) {
        return reviseDraft(id, stack, null);
    }

    /**
     * Revises a proposal with new secrets, which replace those of the revised draft (see
     * {@link #propose(String, Stack, Secrets, String, List)}).
     *
     * @param id the proposal to revise; must be this principal's
     * @param stack the complete new version of the stack
     * @param secrets every secret variable of the stack with its value
     * @return the new revision
     * @throws ActionDeniedException with rule {@code secrets-from-humans} unless this principal is a human
     *     acting for itself
     */
    public Proposal revise(String id, Stack stack, Secrets secrets) {
        requireHuman("revise", secrets);
        return reviseDraft(id, stack, secrets);
    }

    private Proposal reviseDraft(String id, Stack stack, @Nullable Secrets secrets) {
        return lifecycle.drafting().revise(id, principal, content(stack, secrets));
    }

    private Draft.Content content(Stack stack, @Nullable Secrets secrets) {
        return (base, carryFrom, environment) -> folders.folder(base, carryFrom, environment, stack, secrets);
    }

    private void requireHuman(String action, Secrets secrets) {
        if (principal.kind() != Principal.Kind.HUMAN || principal.onBehalfOf() != null) {
            throw new ActionDeniedException(
                    action,
                    principal.name(),
                    "secrets-from-humans",
                    principal.name() + " supplied secrets " + secrets.names()
                            + ", but secret values come only from a human acting for itself");
        }
    }

    /**
     * Proposes a change of an environment's definition, or a new environment (a name the repository does not
     * define yet: the draft adds its environment file, and stacks can be proposed to it once recorded): its renderer ({@code spec.renderer}), its Flux or Argo
     * CD options, its cluster or its variables. The draft writes the environment file and renders every stack
     * recorded in the environment again under it (each stack's {@code rendered.yaml}, the new renderer's
     * files, the old renderer's files removed), in one proposal that is reviewed, approved under the policy of
     * that environment and recorded as one commit like any change. Stack and secrets files are kept as they
     * are; a stack's Flux Secret stays while the renderer stays Flux and goes when it leaves Flux.
     *
     * @param changed the environment as it is to be; its name is the environment changed (it cannot be renamed)
     * @param rationale why the change is needed
     * @param evidence links or notes backing the rationale
     * @return the proposal, in state {@link ProposalState#PROPOSED}; {@link Proposal#isEnvironmentChange()}
     * @throws ActionDeniedException if policy denies the proposal, naming the rule
     * @throws InvalidProposalException if nothing changes, or the environment defines a stack's secret variable
     *     as a plain variable
     * @throws dev.countersign.stack.StackException if a stack of the environment does not render under it
     * @throws RenderedNameException if two of its stacks would render one object name or object under it (a
     *     renderer switch), or one a reserved name
     */
    public Proposal proposeEnvironment(Environment changed, String rationale, List<String> evidence) {
        return lifecycle
                .drafting()
                .proposeEnvironment(new EnvironmentDraft(principal, changed, rationale, evidence, null, null));
    }

    /**
     * Proposes a change of an environment's definition that answers an observation, such as a host's monitoring
     * suggesting one more node: the same as {@link #proposeEnvironment(Environment, String, List)}, with the insight
     * kept in the proposal's metadata and shown on the review. The insight changes nothing about who may approve.
     *
     * @param changed the environment as it is to be; its name is the environment changed
     * @param rationale why the change is needed
     * @param evidence links or notes backing the rationale
     * @param insight the observation, its evidence and the observer's confidence
     * @return the proposal, in state {@link ProposalState#PROPOSED}; {@link Proposal#insight()} returns the insight
     * @throws ActionDeniedException if policy denies the proposal, naming the rule
     * @throws InvalidProposalException if nothing changes
     */
    public Proposal proposeEnvironment(Environment changed, String rationale, List<String> evidence, Insight insight) {
        return proposeEnvironment(EnvironmentRequest.of(changed)
                .rationale(rationale)
                .evidence(evidence)
                .insight(insight));
    }

    /**
     * Proposes a change of an environment's definition, its parts named: the same as {@link
     * #proposeEnvironment(Environment, String, List)}, with the request's insight kept in the proposal's metadata and,
     * when the request gives a {@linkplain EnvironmentRequest#clusterApi() Cluster API mapping}, that mapping written
     * to {@code .countersign/cluster-api/<env>.yaml} and the environment's topology rendered with it as Cluster API
     * objects under {@code topology/<env>/}. Without one the recorded mapping, if any, is kept and the topology
     * rendered again with it. Those files are in the environment's region: covered by the content hash and checked by
     * {@code verify}.
     *
     * @param request the environment as it is to be, the rationale, evidence, insight and mapping
     * @return the proposal, in state {@link ProposalState#PROPOSED}
     * @throws ActionDeniedException if policy denies the proposal, naming the rule
     * @throws InvalidProposalException if nothing changes
     * @throws GitOpsException if the topology cannot be rendered with the mapping
     */
    public Proposal proposeEnvironment(EnvironmentRequest request) {
        return lifecycle
                .drafting()
                .proposeEnvironment(new EnvironmentDraft(
                        principal,
                        request.environment(),
                        request.rationale(),
                        request.evidence(),
                        null,
                        null,
                        request.insight(),
                        request.clusterApi()));
    }

    /**
     * Proposes the retirement of an environment: one environment change that deletes its environment file and
     * what is left of its region. Refused while the environment still records a stack (each stack leaves first
     * through its own reviewed change, under the protections that apply to it). Judged, approved and recorded
     * under the policy of the environment retired; {@code verify} checks the record like any environment change.
     *
     * @param environment the environment to retire
     * @param rationale why
     * @param evidence links or notes backing the rationale
     * @return the proposal, in state {@link ProposalState#PROPOSED}; {@link Proposal#isEnvironmentChange()}
     * @throws ActionDeniedException if policy denies the proposal, naming the rule
     * @throws InvalidProposalException if the repository does not define the environment or it still has stacks
     */
    public Proposal proposeEnvironmentRetirement(String environment, String rationale, List<String> evidence) {
        return lifecycle.drafting().retireEnvironment(principal, environment, rationale, evidence);
    }

    /**
     * Proposes a change of an environment's SOPS age recipients. The draft writes the environment's own rule
     * ({@code .countersign/recipients/<env>.sops.yaml}, which takes precedence over {@code .sops.yaml} for that
     * environment) and re-encrypts every sops file of the environment in memory, on this host: each stack's
     * {@code secrets.sops.yaml} and Flux {@code Secret}. Adding a recipient wraps each file's data key for it;
     * removing one rotates every data key, so the removed identity cannot decrypt any file of the record. The
     * renderings follow (a Flux environment's {@code apps/<env>/.sops.yaml}). Reviewed, approved under the
     * environment's policy and recorded as one environment change; no plaintext is written anywhere.
     *
     * @param environment the environment
     * @param add age recipients ({@code age1…}) to add
     * @param remove age recipients to remove, exactly as recorded
     * @param keys identities of this host that open the environment's sops files (none needed without files)
     * @param rationale why
     * @param evidence links or notes backing the rationale
     * @return the proposal, in state {@link ProposalState#PROPOSED}; {@link Proposal#isEnvironmentChange()}
     * @throws ActionDeniedException with rule {@code secrets-from-humans} if the environment has sops files and
     *     this principal is not a human acting for itself; or if policy denies the proposal
     * @throws InvalidProposalException if a recipient is malformed, already present, absent, or none would remain
     * @throws dev.countersign.gitops.GitOpsException if the keys open no file (a {@code SopsException} cause)
     */
    public Proposal proposeRecipients(
            String environment,
            List<String> add,
            List<String> remove,
            DecryptionKeys keys,
            String rationale,
            List<String> evidence) {
        RecipientsDraft draft =
                new RecipientsDraft(principal, environment, add, remove, keys.identities(), rationale, evidence);
        try {
            return lifecycle.drafting().proposeRecipients(draft, folders.rekeying());
        } catch (dev.countersign.sops.SopsException e) {
            throw new GitOpsException(
                    "cannot re-encrypt the sops files of environment " + environment
                            + " with this host's age identities: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Proposes a change of the repository's policy, {@code .countersign/policy.yaml}: its roles, bindings,
     * approval rules, protections, agent scope and {@code spec.approverKeys} (the keys that sign approvals). The
     * draft writes the policy file alone. It is judged, approved and recorded under the policy in force on {@code
     * main} (never the proposed one), in every environment the repository defines, the strictest answer winning:
     * the proposer needs {@code change-policy} there (agents never have it), each approver too, the approvals each
     * environment requires are counted among those approvers only (signed where any environment requires signed
     * approvals), and the record is decided again at the head. Once recorded the new policy decides every later
     * change; {@code verify} and the receive check judge the record under the policy of its parent.
     *
     * @param changed the policy as it is to be; its text ({@link dev.countersign.policy.Policy#source()}) is written
     * @param rationale why the change is needed
     * @param evidence links or notes backing the rationale
     * @return the proposal, in state {@link ProposalState#PROPOSED}; {@link Proposal#isPolicyChange()}
     * @throws ActionDeniedException if the policy in force denies this principal {@code change-policy}, naming the
     *     rule ({@code agent-limits} for an agent, {@code permission} without the role)
     * @throws InvalidProposalException if the policy text equals the recorded one
     */
    public Proposal proposePolicy(dev.countersign.policy.Policy changed, String rationale, List<String> evidence) {
        return lifecycle.drafting().proposePolicy(principal, changed, rationale, evidence);
    }

    /**
     * Proposes a change of the repository's price catalogue, {@code .countersign/pricing.yaml} (added when the
     * repository has none). The catalogue prices every topology change, and so decides what the environments'
     * sizing {@code limits} and {@code agentCostStep} allow: it is governed exactly like the policy, as a {@link
     * Subject.PolicyChange} whose draft writes the catalogue alone ({@link #proposePolicy} explains how it is
     * judged, approved and recorded; agents never may). Proposals of environment changes drafted before it is
     * recorded conflict with it: their cost was reviewed at the old prices.
     *
     * @param changed the catalogue as it is to be; written as canonical YAML
     * @param rationale why the change is needed
     * @param evidence links or notes backing the rationale (e.g. the provider's price list)
     * @return the proposal, in state {@link ProposalState#PROPOSED}; {@link Proposal#isPolicyChange()}
     * @throws ActionDeniedException if the policy in force denies this principal {@code change-policy}, naming the
     *     rule
     * @throws InvalidProposalException if the catalogue equals the recorded one, or does not price a server type
     *     that a recorded environment's topology uses
     */
    public Proposal proposePricing(dev.countersign.stack.Pricing changed, String rationale, List<String> evidence) {
        return lifecycle.drafting().proposePricing(principal, changed, rationale, evidence);
    }

    /**
     * Revises an environment change: the new definition becomes a new revision; the old one is superseded and
     * its approvals are void.
     *
     * @param id the environment change to revise; must be this principal's
     * @param changed the environment as it is to be, with the same name
     * @return the new revision
     * @throws InvalidProposalException if the proposal changes a stack, or the name differs
     */
    public Proposal reviseEnvironment(String id, Environment changed) {
        return lifecycle.drafting().reviseEnvironment(id, principal, changed);
    }

    /**
     * Withdraws a proposal.
     *
     * @param id the proposal; must be this principal's
     * @return the withdrawn proposal
     */
    public Proposal withdraw(String id) {
        return lifecycle.deciding().withdraw(id, principal);
    }

    /**
     * Proposes the revert of a recorded change, to be approved and recorded like any change. Reverting an
     * environment change proposes the environment as it was before it, every stack rendered again; reverting a
     * policy change proposes the policy as it was before it, judged like any policy change.
     *
     * @param commit the recorded commit to revert
     * @param rationale why
     * @return the revert proposal
     */
    public Proposal proposeRevert(String commit, String rationale) {
        return lifecycle.reverting().proposeRevert(commit, principal, rationale);
    }

    /**
     * Reads a proposal.
     *
     * @param id the proposal id
     * @return its snapshot
     */
    public Proposal proposal(String id) {
        return reading.proposal(id);
    }

    /**
     * Reads the review of a proposal.
     *
     * @param id the proposal id
     * @return the review
     */
    public Review review(String id) {
        return reading.review(id);
    }
}
