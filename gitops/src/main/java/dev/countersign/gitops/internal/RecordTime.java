package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Countersignature;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.internal.git.GitStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time a record may carry, which a host clock set back cannot make earlier: at least the latest of the
 * base commit's time (and of the head it follows) and every counted approval's time ({@link #notBefore}), rounded up to the whole second
 * Git keeps. Freeze windows are judged against this lower bound as well as the clock.
 *
 * @param clock what the host clock says
 * @param notBefore the latest of the base commit's time and every counted approval's time
 */
record RecordTime(Instant clock, Instant notBefore) {

    /**
     * Returns the record time of a proposal now.
     *
     * @param git the repository holding the base commit
     * @param r the proposal to record
     * @param head the main-line commit the record will follow (the base, or where main moved since)
     * @param clock what the host clock says
     * @return the record time
     */
    static RecordTime of(GitStore git, Proposal r, CommitId head, Instant clock) {
        Instant bound = latest(
                git.commitInfo(r.header().base()).committedAt(),
                git.commitInfo(head).committedAt());
        for (Countersignature approval : r.validApprovals()) {
            bound = latest(bound, approval.at());
        }
        return new RecordTime(clock, bound);
    }

    /**
     * Returns the time the record carries: the clock, unless it says earlier than the lower bound.
     *
     * @return the instant, in whole seconds, never before {@link #notBefore}
     */
    Instant at() {
        return roundUp(latest(clock, notBefore));
    }

    /**
     * Tells whether the lower bound differs from the clock, so that a freeze window is judged twice.
     *
     * @return true if the clock says earlier than the lower bound
     */
    boolean clockIsBehind() {
        return clock.isBefore(notBefore);
    }

    static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant roundUp(Instant t) {
        Instant seconds = t.truncatedTo(ChronoUnit.SECONDS);
        return seconds.equals(t) ? t : seconds.plusSeconds(1);
    }
}
