package dev.countersign.gitops;

import dev.countersign.policy.Principal;
import java.time.Instant;

/**
 * One approval of a proposal, bound to exactly what was approved: the proposal id, its content hash and
 * its base. An approval of another id, hash or base does not count.
 *
 * @param approver the approving human
 * @param proposal the proposal id approved
 * @param contentHash the content hash approved ({@code sha256:...})
 * @param baseCommit the main-line commit the approved draft starts from
 * @param at when it was given
 */
public record Countersignature(
        Principal approver, String proposal, String contentHash, String baseCommit, Instant at) {}
