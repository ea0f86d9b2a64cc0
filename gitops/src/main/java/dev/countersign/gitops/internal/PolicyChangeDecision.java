package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.Authority.Ask;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.Action;
import dev.countersign.policy.Approval;
import dev.countersign.policy.Decision;
import dev.countersign.policy.Policy;
import dev.countersign.policy.PolicyEngine;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.Principal;
import dev.countersign.policy.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/**
 * How the policy in force decides a change of the policy itself ({@code change-policy}). A policy governs every
 * environment, so the change is decided in each environment the main line defines, and the strictest answer
 * wins:
 *
 * <ul>
 *   <li>propose: the proposer's roles grant {@code change-policy} there (agents never do: {@code agent-limits});
 *   <li>approve: the approver may {@code approve} (not their own proposal) and holds {@code change-policy} there;
 *   <li>record: the proposer still holds {@code change-policy}, and the environment's {@code approvals} are met
 *       by approvals of humans who themselves hold {@code change-policy} there, at least one; freeze windows
 *       hold the record;
 *   <li>reject and withdraw: as for any change.
 * </ul>
 *
 * Only the policy in force decides: the proposed policy is never read here.
 */
final class PolicyChangeDecision {
    private static final String ENVIRONMENTS = ".countersign/environments";
    private static final String RULE = "change-policy";

    private final Policy policy;
    private final PolicyEngine engine;
    private final List<String> environments;

    private PolicyChangeDecision(Policy policy, PolicyEngine engine, List<String> environments) {
        this.policy = policy;
        this.engine = engine;
        this.environments = environments;
    }

    /**
     * Creates the decision of one question.
     *
     * @param policy the policy in force
     * @param engine its engine, at the question's instant
     * @param environments the environments the policy governs now (see {@link #environments})
     * @return the decision
     */
    static PolicyChangeDecision of(Policy policy, PolicyEngine engine, List<String> environments) {
        return new PolicyChangeDecision(policy, engine, environments);
    }

    /**
     * Lists the environments a commit defines, or {@code *} alone when it defines none.
     *
     * @param git the repository
     * @param commit the commit whose policy is in force
     * @return the environment names
     */
    static List<String> environments(GitStore git, CommitId commit) {
        List<String> names = git.children(commit, ENVIRONMENTS).stream()
                .filter(name -> name.endsWith(".yaml"))
                .map(name -> name.substring(0, name.length() - ".yaml".length()))
                .toList();
        return names.isEmpty() ? List.of("*") : names;
    }

    /**
     * Tells whether approvals of a policy change must be signed: when any environment asks for signatures.
     *
     * @param policy the policy in force
     * @param environments the environments it governs
     * @return true when one of them, or the {@code *} entry, requires signed approvals
     */
    static boolean signed(Policy policy, List<String> environments) {
        return policy.signedApprovals("*") || environments.stream().anyMatch(policy::signedApprovals);
    }

    /**
     * Decides one action on a policy change.
     *
     * @param ask the question
     * @param principal who acts (for a record, the principal the record is decided for)
     * @param action the action
     * @param stricter picks the stricter of two decisions
     * @return the strictest decision over every environment
     */
    Decision decide(Ask ask, Principal principal, Action action, BinaryOperator<Decision> stricter) {
        Decision strictest = null;
        for (String environment : environments) {
            Decision here = decideIn(environment, ask, principal, action);
            strictest = strictest == null ? here : stricter.apply(strictest, here);
        }
        return java.util.Objects.requireNonNull(strictest, "a policy governs at least one environment");
    }

    private Decision decideIn(String environment, Ask ask, Principal principal, Action action) {
        return switch (action) {
            case PROPOSE -> ask(environment, ask, principal, Action.CHANGE_POLICY, List.of());
            case APPROVE ->
                firstDenial(
                        ask(environment, ask, principal, Action.APPROVE, List.of()),
                        ask(environment, ask, principal, Action.CHANGE_POLICY, List.of()));
            case RECORD -> firstDenial(proposerMay(environment, ask), record(environment, ask, principal));
            default -> ask(environment, ask, principal, action, List.of());
        };
    }

    private Decision proposerMay(String environment, Ask ask) {
        Decision may = ask(environment, ask, ask.proposal().proposer(), Action.CHANGE_POLICY, List.of());
        if (may.outcome() != Decision.Outcome.DENY) {
            return may;
        }
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of(RULE, "the proposer " + ask.proposal().proposer() + " may not change the policy"));
        reasons.addAll(may.reasons());
        return new Decision(Decision.Outcome.DENY, 0, Set.of(), reasons, may.policy());
    }

    /** The record, counting only approvals by humans who hold {@code change-policy} in the environment. */
    private Decision record(String environment, Ask ask, Principal recorder) {
        Principal proposer = ask.proposal().proposer();
        List<Approval> counted = new ArrayList<>();
        List<Reason> discounted = new ArrayList<>();
        for (Approval approval : ask.approvals()) {
            Principal approver = approval.approver();
            if (approver.kind() == Principal.Kind.HUMAN
                    && !approver.involves(proposer)
                    && policy.permissions(approver, environment).contains(Action.CHANGE_POLICY)) {
                counted.add(approval);
            } else {
                discounted.add(Reason.of(
                        RULE,
                        "approval by " + approver + " does not count for a policy change in " + environment
                                + ": only a human other than the proposer whose roles grant change-policy there"));
            }
        }
        Decision decided = ask(environment, ask, recorder, Action.RECORD, counted);
        List<Reason> reasons = new ArrayList<>(decided.reasons());
        reasons.addAll(discounted);
        Set<String> roles = approverRoles(decided.approverRoles());
        if (decided.outcome() == Decision.Outcome.ALLOW && counted.isEmpty()) {
            reasons.add(Reason.of(RULE, "a policy change is recorded only with an approval that counts"));
            return new Decision(Decision.Outcome.NEEDS_APPROVALS, 1, roles, reasons, decided.policy());
        }
        return new Decision(decided.outcome(), decided.missingApprovals(), roles, reasons, decided.policy());
    }

    /** The roles whose holders' approvals count: those the environment accepts that also grant change-policy. */
    private Set<String> approverRoles(Set<String> accepted) {
        Set<String> roles = new TreeSet<>(policy.rolesGranting(Action.CHANGE_POLICY));
        if (!accepted.isEmpty()) {
            roles.retainAll(accepted);
        }
        return roles;
    }

    /** Asks the policy; each approval goes with the content hash it was given for, as recorded. */
    private Decision ask(String environment, Ask ask, Principal principal, Action action, List<Approval> approvals) {
        Proposal r = ask.proposal();
        return engine.decide(PolicyRequest.builder(principal, action, environment)
                .proposer(r.proposer())
                .contentHash(r.contentHash())
                .approvals(approvals)
                .build());
    }

    private static Decision firstDenial(Decision first, Decision second) {
        return first.outcome() == Decision.Outcome.DENY ? first : second;
    }
}
