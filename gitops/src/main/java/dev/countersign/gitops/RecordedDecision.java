package dev.countersign.gitops;

import java.time.Instant;

/**
 * One policy decision taken on a proposal, as stored with it.
 *
 * @param action what was asked: {@code propose}, {@code approve}, {@code reject}, {@code withdraw} or
 *     {@code record}
 * @param principal who asked, written {@code kind:id}
 * @param verdict {@code allow}, {@code hold} or {@code deny}
 * @param rule the deciding rule
 * @param explanation the decision explained
 * @param policyHash the hash of the policy in force
 * @param at when
 */
public record RecordedDecision(
        String action,
        String principal,
        String verdict,
        String rule,
        String explanation,
        String policyHash,
        Instant at) {}
