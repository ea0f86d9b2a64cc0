package dev.countersign.policy;

import dev.countersign.policy.spi.HostFinding;
import dev.countersign.policy.spi.HostRule;
import dev.countersign.policy.spi.RuleContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides requests against a policy: the built-in rules, always on, then the host's rules, which can
 * only add denials or required approvals.
 *
 * <p>Every decision carries the policy's hash. Decisions are deterministic for a fixed clock. Immutable
 * and thread-safe if the host rules are.
 */
public final class PolicyEngine {
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");
    private static final List<Rule> BUILT_IN = List.of(
            new PermissionRule(),
            new AgentLimitsRule(),
            new SelfApprovalRule(),
            new FreezeRule(),
            new ProtectionRule(),
            new SecretRule(),
            new VariableDefaultRule(),
            new AgentScopeRule(),
            new BlastRadiusRule(),
            new ReviewedSourcesRule(),
            new ImageRule(),
            new SecretConfinementRule(),
            new TopologyScopeRule(),
            new TopologyProtectionRule(),
            new SizingRule(),
            new AgentCostRule());

    private final Policy policy;
    private final Clock clock;
    private final List<HostRule> hostRules;

    private PolicyEngine(Policy policy, Clock clock, List<HostRule> hostRules) {
        this.policy = policy;
        this.clock = clock;
        this.hostRules = List.copyOf(hostRules);
    }

    /**
     * An engine with the built-in rules only.
     *
     * @param policy the policy in force
     * @param clock the clock freeze windows are judged by
     * @return the engine
     */
    public static PolicyEngine of(Policy policy, Clock clock) {
        return new PolicyEngine(policy, clock, List.of());
    }

    /**
     * A copy of this engine that also runs a host rule, after the built-in rules.
     *
     * @param rule the host rule
     * @return a new engine
     * @throws IllegalArgumentException if the rule's id is malformed, a built-in id or already present
     */
    public PolicyEngine withHostRule(HostRule rule) {
        String id = rule.id();
        if (!RULE_ID.matcher(id).matches()
                || BuiltInRule.isBuiltIn(id)
                || hostRules.stream().anyMatch(r -> r.id().equals(id))) {
            throw new IllegalArgumentException("host rule id '" + id + "' must match " + RULE_ID.pattern()
                    + " and differ from the built-in and other host rules");
        }
        List<HostRule> rules = new ArrayList<>(hostRules);
        rules.add(rule);
        return new PolicyEngine(policy, clock, rules);
    }

    /**
     * The policy in force.
     *
     * @return the policy
     */
    public Policy policy() {
        return policy;
    }

    /**
     * Decides a request. Every built-in rule judges the change as written and, when the request names
     * an environment, again as it will be applied there (the rendering); denials and demands of both
     * views add up, so a rendering is never judged more leniently than what it renders.
     *
     * @param request the request
     * @return the decision, with its reasons and the policy's hash
     */
    public Decision decide(PolicyRequest request) {
        Evaluation evaluation = new Evaluation(request, policy, clock.instant());
        BUILT_IN.forEach(rule -> rule.check(evaluation));
        Change rendered = request.renderedChange();
        if (rendered != null) {
            evaluation.view(rendered);
            BUILT_IN.forEach(rule -> rule.check(evaluation));
        }
        RuleContext context = new RuleContext(request, policy, evaluation.now);
        hostRules.forEach(rule -> apply(rule, context, evaluation));
        return evaluation.decide();
    }

    @SuppressWarnings("IllegalCatch") // a failing host rule must deny, whatever it throws
    private static void apply(HostRule rule, RuleContext context, Evaluation evaluation) {
        List<HostFinding> findings;
        try {
            findings = List.copyOf(rule.evaluate(context));
        } catch (RuntimeException e) {
            evaluation.deny(Reason.of(
                    rule.id(), "host rule failed with " + e.getClass().getSimpleName() + "; denied to fail closed"));
            return;
        }
        findings.forEach(finding -> record(rule.id(), finding, evaluation));
    }

    private static void record(String id, HostFinding finding, Evaluation evaluation) {
        if (finding instanceof HostFinding.Denial denial) {
            evaluation.deny(new Reason(id, denial.message(), denial.component(), denial.pointer()));
        } else if (finding instanceof HostFinding.ExtraApprovals extra) {
            evaluation.requireExtraApprovals(extra.count(), Reason.of(id, extra.message()));
        }
    }
}
