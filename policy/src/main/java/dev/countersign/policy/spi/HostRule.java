package dev.countersign.policy.spi;

import java.util.List;

/**
 * A rule a host adds to the built-in ones, such as "no changes to billing on the last day of the
 * month". It can only add denials or required approvals, never lift a built-in rule: {@link
 * HostFinding} has no way to allow.
 *
 * <p>Implementations must be thread-safe and deterministic for the same context. If {@link
 * #evaluate(RuleContext)} throws, the engine denies the request (fail closed).
 */
public interface HostRule {
    /**
     * The rule's id as shown in reasons; lower case, such as {@code acme-billing-freeze}; it may not
     * equal a built-in rule's id.
     *
     * @return the id
     */
    String id();

    /**
     * Judges a request.
     *
     * @param context the request, the policy and the time
     * @return the findings; an empty list when the rule has nothing to add
     */
    List<HostFinding> evaluate(RuleContext context);
}
