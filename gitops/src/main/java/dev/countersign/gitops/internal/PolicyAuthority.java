package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.policy.Action;
import dev.countersign.policy.ApproverKey;
import dev.countersign.policy.Decision;
import dev.countersign.policy.Policy;
import dev.countersign.policy.PolicyEngine;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.Principal;
import dev.countersign.policy.Reason;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Authority} of a policy file ({@code .countersign/policy.yaml}) read from a commit, decided by
 * the policy module's engine. A record is decided as asked by the principal who records (by the last approver
 * when that principal is the recording service itself, as for records that name no one); a record that only a
 * freeze window denies is held, not refused.
 */
public final class PolicyAuthority implements Authority {
    private final GitStore git;
    private final Policy policy;
    private final List<String> environments;

    private PolicyAuthority(GitStore git, Policy policy, List<String> environments) {
        this.git = git;
        this.policy = policy;
        this.environments = environments;
    }

    /**
     * Returns the source reading the policy in force at each commit.
     *
     * @return the source
     */
    public static Authority.Source source() {
        return (GitStore git, CommitId commit) -> new PolicyAuthority(
                git,
                git.parsed()
                        .read(
                                commit,
                                Layout.POLICY,
                                Policy.class,
                                bytes -> Policy.parse(new String(bytes, StandardCharsets.UTF_8)))
                        .orElseThrow(() -> new dev.countersign.gitops.GitOpsException(
                                "commit " + commit.name() + " has no " + Layout.POLICY)),
                PolicyChangeDecision.environments(git, commit));
    }

    @Override
    public String policyHash() {
        return policy.hash();
    }

    @Override
    public boolean signedApprovals(String environment) {
        if (environment.equals(Subject.PolicyChange.EVERY_ENVIRONMENT)) {
            return PolicyChangeDecision.signed(policy, environments);
        }
        return policy.signedApprovals(environment);
    }

    @Override
    public List<ApproverKey> approverKeys(Principal approver) {
        return policy.approverKeys(approver);
    }

    @Override
    public Ruling decide(Ask ask) {
        try {
            return decideAsked(ask);
        } catch (dev.countersign.policy.InvalidRequestException e) {
            return new Ruling(Verdict.DENY, "rendering", String.valueOf(e.getMessage()));
        }
    }

    private Ruling decideAsked(Ask ask) {
        Optional<Ruling> moved = moves(ask);
        if (moved.isPresent()) {
            return moved.get();
        }
        return switch (ask.action()) {
            case APPROVE -> approve(ask);
            case RECORD -> record(ask);
            default -> ruling(decide(ask, ask.principal(), ask.action()), false);
        };
    }

    private Ruling approve(Ask ask) {
        Ruling may = ruling(decide(ask, ask.principal(), Action.APPROVE), false);
        if (may.verdict() == Verdict.DENY) {
            return may;
        }
        Principal recorder = ask.approvers().get(ask.approvers().size() - 1);
        Decision enough = decide(ask, recorder, Action.RECORD);
        if (enough.outcome() == Decision.Outcome.NEEDS_APPROVALS) {
            return ruling(enough, false);
        }
        return new Ruling(Verdict.ALLOW, "approvals", "enough approvals to record");
    }

    @Override
    public Shortfall shortfall(Ask ask) {
        return ApprovalTally.shortfall(() -> decide(ask, ask.principal(), Action.RECORD));
    }

    private Ruling record(Ask ask) {
        if (ask.approvers().isEmpty()) {
            return new Ruling(Verdict.DENY, "approvals", "no approvals: nothing is recorded without one");
        }
        Principal recorder = ask.principal().equals(Idents.RECORDER)
                ? ask.approvers().get(ask.approvers().size() - 1)
                : ask.principal();
        return ruling(decide(ask, recorder, Action.RECORD), true);
    }

    private Decision decide(Ask ask, Principal principal, Action action) {
        return ask.proposal()
                .header()
                .subject()
                .fold(
                        stack -> decideStack(ask, principal, action, stack),
                        environment -> decideEnvironment(ask, principal, action, environment),
                        policyChange -> PolicyChangeDecision.of(policy, engine(ask), environments)
                                .decide(ask, principal, action, PolicyAuthority::stricter));
    }

    private Decision decideStack(Ask ask, Principal principal, Action action, Subject.StackChange subject) {
        Proposal r = ask.proposal();
        PolicyRequest.Builder request = request(ask, principal, action);
        Stack proposed = proposedStack(ask, subject);
        Optional<Stack> base = StackLayout.stack(git, r.header().base(), subject.environment(), subject.stack());
        Optional<Environment> environment =
                RenderedLayout.environment(git, r.header().base(), subject.environment());
        if (environment.isEmpty()) {
            base.ifPresentOrElse(b -> request.change(b, proposed), () -> request.firstVersion(proposed));
        } else {
            Environment judged = withSecretPlaceholders(environment.get(), base, proposed);
            base.ifPresentOrElse(
                    b -> request.change(b, proposed, judged), () -> request.firstVersion(proposed, judged));
        }
        return engine(ask).decide(request.build());
    }

    private Stack proposedStack(Ask ask, Subject.StackChange subject) {
        String proposedText = ask.proposedText();
        CommitId draft = ask.proposal().progress().draft();
        if (proposedText != null) {
            return StackFiles.parseStack(proposedText, StackLayout.STACK);
        } else if (draft == null) {
            // a new proposal without a stack file removes the stack (the revert of its first record):
            // judged as a stack with no components, so deletion protection applies to every one of them
            return new Stack(subject.stack(), Map.of(), List.of());
        }
        return stackAt(subject, draft);
    }

    /** An agent's change that moves an object to another component of a reconciled environment is refused. */
    private Optional<Ruling> moves(Ask ask) {
        if (ask.action() != Action.PROPOSE && ask.action() != Action.APPROVE && ask.action() != Action.RECORD) {
            return Optional.empty();
        }
        return ask.proposal()
                .header()
                .subject()
                .fold(
                        subject -> {
                            CommitId base = ask.proposal().header().base();
                            Optional<Stack> recorded =
                                    StackLayout.stack(git, base, subject.environment(), subject.stack());
                            Optional<Environment> environment =
                                    RenderedLayout.environment(git, base, subject.environment());
                            if (recorded.isEmpty() || environment.isEmpty()) {
                                return Optional.empty();
                            }
                            Stack proposed = proposedStack(ask, subject);
                            Environment judged = withSecretPlaceholders(environment.get(), recorded, proposed);
                            return ObjectMoves.refused(ask.proposal().proposer(), judged, recorded.get(), proposed);
                        },
                        environment -> Optional.empty(),
                        policyChange -> Optional.empty());
    }

    /**
     * The environment as the stack is rendered in it, each secret variable standing for the value a secrets file
     * gives it: a placeholder, never a value, so a secret place never reads as an edit.
     */
    private static Environment withSecretPlaceholders(Environment env, Optional<Stack> base, Stack proposed) {
        Map<String, Object> variables = new java.util.TreeMap<>(env.variables());
        java.util.Set<String> secrets = new java.util.TreeSet<>(proposed.secretVariables());
        base.ifPresent(b -> secrets.addAll(b.secretVariables()));
        secrets.forEach(name -> variables.putIfAbsent(name, dev.countersign.stack.RenderedStack.REDACTED));
        return env.withVariables(variables);
    }

    private PolicyRequest.Builder request(Ask ask, Principal principal, Action action) {
        Proposal r = ask.proposal();
        return PolicyRequest.builder(principal, action, r.environment())
                .proposer(r.proposer())
                .contentHash(r.contentHash())
                .approvals(ask.approvals());
    }

    private PolicyEngine engine(Ask ask) {
        return PolicyEngine.of(policy, Clock.fixed(ask.at(), ZoneOffset.UTC));
    }

    /**
     * Decides an environment change as the change of every stack recorded in the environment, each rendered
     * under the old and the new definition (secret variables as placeholders): permission, approvals,
     * freeze, agent scope, protection and credential rules all apply to what the change does to each stack.
     * The strictest answer wins; an environment without stacks is decided without a change.
     */
    private Decision decideEnvironment(Ask ask, Principal principal, Action action, Subject.EnvironmentChange subject) {
        CommitId base = ask.proposal().header().base();
        List<String> stacks = EnvironmentRendering.stacks(git, base, subject.environment());
        UnaryOperator<PolicyRequest.Builder> topology = TopologyRequests.of(git, ask, subject.environment());
        if (stacks.isEmpty()) { // also an environment added or retired: it has no stacks
            return engine(ask)
                    .decide(topology.apply(request(ask, principal, action)).build());
        }
        Environment before = StackLayout.environment(git, base, subject.environment());
        Environment after = proposedEnvironment(ask, subject);
        Decision strictest = null;
        for (String name : stacks) {
            Optional<Stack> stack = StackLayout.stack(git, base, subject.environment(), name);
            if (stack.isEmpty()) {
                continue;
            }
            // the same placeholder before and after: a secret place never shows as an edit, no value is read
            Map<String, Object> references = dev.countersign.render.spi.RenderRequest.secretPlaceholders(
                    stack.get().secretVariables());
            PolicyRequest.Builder request = topology.apply(request(ask, principal, action))
                    .change(
                            stack.get().render(before, references).stack(),
                            stack.get().render(after, references).stack());
            strictest = stricter(strictest, engine(ask).decide(request.build()));
        }
        return strictest != null
                ? strictest
                : engine(ask)
                        .decide(topology.apply(request(ask, principal, action)).build());
    }

    private Environment proposedEnvironment(Ask ask, Subject.EnvironmentChange subject) {
        String text = ask.proposedText();
        if (text != null) {
            return StackFiles.parseEnvironment(text, Layout.environmentFile(subject.environment()));
        }
        return StackLayout.environment(git, DraftCommit.of(ask.proposal()), subject.environment());
    }

    private static Decision stricter(@Nullable Decision a, Decision b) {
        if (a == null) {
            return b;
        }
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Decision d) {
        return switch (d.outcome()) {
            case ALLOW -> 0;
            case NEEDS_APPROVALS -> 1 + d.missingApprovals();
            case DENY -> Integer.MAX_VALUE;
        };
    }

    private Stack stackAt(Subject.StackChange subject, CommitId commit) {
        return StackLayout.stack(git, commit, subject.environment(), subject.stack())
                .orElseGet(() -> new Stack(subject.stack(), Map.of(), List.of()));
    }

    private static Ruling ruling(Decision decision, boolean freezeHolds) {
        List<Reason> reasons = decision.reasons();
        String rule = reasons.isEmpty() ? "policy" : reasons.get(0).rule();
        String explanation = reasons.isEmpty()
                ? decision.outcome().spelling()
                : reasons.stream().map(PolicyAuthority::located).collect(Collectors.joining("; "));
        return new Ruling(verdict(decision, freezeHolds), rule, explanation);
    }

    /** A reason's message, naming where it applies when the message does not already: the reviewer's pointer. */
    private static String located(Reason reason) {
        String pointer = reason.pointer();
        if (pointer == null || reason.message().contains(pointer)) {
            return reason.message();
        }
        String component = reason.component();
        return reason.message() + " (at " + (component == null ? "" : component + ":") + pointer + ")";
    }

    private static Verdict verdict(Decision decision, boolean freezeHolds) {
        return switch (decision.outcome()) {
            case ALLOW -> Verdict.ALLOW;
            case NEEDS_APPROVALS -> Verdict.HOLD;
            case DENY ->
                freezeHolds
                                && decision.reasons().stream()
                                        .allMatch(r -> r.rule().equals("freeze"))
                        ? Verdict.HOLD
                        : Verdict.DENY;
        };
    }
}
