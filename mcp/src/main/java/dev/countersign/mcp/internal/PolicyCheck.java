package dev.countersign.mcp.internal;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.policy.Action;
import dev.countersign.policy.Decision;
import dev.countersign.policy.PolicyEngine;
import dev.countersign.policy.PolicyException;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers "would this be allowed for me, and why" against the policy in force on {@code main}, with the
 * contract's own rule first: only humans approve, reject or record. Thread-safe.
 */
public final class PolicyCheck {
    private static final Set<Action> HUMAN_ONLY = Set.of(Action.APPROVE, Action.REJECT, Action.RECORD);

    private final GitOpsRepository repository;
    private final Clock clock;

    /**
     * Creates the check.
     *
     * @param repository the repository whose recorded policy decides
     * @param clock the time policy decides at (freeze windows)
     */
    public PolicyCheck(GitOpsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Outcome check(Principal principal, String actionName, String environment, Stack stack) {
        Action action = action(actionName);
        if (HUMAN_ONLY.contains(action) && principal.kind() != Principal.Kind.HUMAN) {
            String why = principal + " is not a human: only humans " + action.spelling()
                    + ", on the review page; agents propose";
            return denied(
                    "humans-approve",
                    why,
                    Map.of(
                            "allowed",
                            false,
                            "outcome",
                            "deny",
                            "reasons",
                            List.of(Map.of("rule", "humans-approve", "message", why, "path", ""))));
        }
        Decision decision =
                PolicyEngine.of(repository.policy(), clock).decide(request(principal, action, environment, stack));
        Map<String, Object> data = StructuredContent.decision(decision);
        String text = decision.render();
        return decision.allowed()
                ? Outcome.ok(action.spelling() + " allowed\n" + text, data)
                : new Outcome(action.spelling() + " not allowed\n" + text, data, true);
    }

    private PolicyRequest request(Principal principal, Action action, String environment, Stack stack) {
        PolicyRequest.Builder builder = PolicyRequest.builder(principal, action, environment)
                .contentHash(stack.contentHash().value());
        repository
                .recorded()
                .stack(environment, stack.name())
                .ifPresentOrElse(before -> builder.change(before, stack), () -> builder.firstVersion(stack));
        try {
            return builder.build();
        } catch (PolicyException e) {
            throw new ArgumentException("action: " + e.getMessage(), e);
        }
    }

    private static Outcome denied(String rule, String why, Map<String, Object> data) {
        return new Outcome("not allowed: denied by rule " + rule + ": " + why, data, true);
    }

    private static Action action(String name) {
        try {
            return Action.parse(name);
        } catch (PolicyException e) {
            throw new ArgumentException("action: " + e.getMessage(), e);
        }
    }
}
