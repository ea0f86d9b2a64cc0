package dev.countersign.policy.spi;

import dev.countersign.policy.Policy;
import dev.countersign.policy.PolicyRequest;
import java.time.Instant;

/**
 * What a host rule sees: the request, the policy in force and the engine's clock reading.
 *
 * <p>Immutable and thread-safe.
 *
 * @param request the request being decided
 * @param policy the policy in force
 * @param now the instant of the decision, from the engine's clock
 */
public record RuleContext(PolicyRequest request, Policy policy, Instant now) {}
