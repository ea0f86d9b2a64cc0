package dev.countersign.gitops.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import java.time.Duration;

/**
 * Fuzzes a proposal's metadata ({@code proposal.json} on {@code refs/countersign/proposals/<id>}), read by
 * {@link ProposalMetadata#read} as {@code ProposalStore} reads it: bound into {@link ProposalJson}, then turned into
 * a {@link Proposal}. A pusher with
 * write access to the proposal refs controls these bytes. In this package because the reader is internal; the
 * invariants are those of {@code dev.countersign.fuzz.Hostile}, repeated here (that class is package-private).
 */
class ProposalJsonFuzzTest {
    private static final int MESSAGE_LIMIT = 4096;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    @FuzzTest(maxDuration = "10m")
    void proposalJson(byte[] data) {
        long start = System.nanoTime();
        try {
            ProposalMetadata.read(data, "p-fuzz");
        } catch (GitOpsException e) {
            int length = String.valueOf(e.getMessage()).length();
            if (length > MESSAGE_LIMIT) {
                throw new AssertionError("message of " + length + " characters", e);
            }
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "untyped exception escaped: " + e.getClass().getName(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(TIME_LIMIT) > 0) {
            throw new AssertionError("one input took " + took);
        }
    }
}
