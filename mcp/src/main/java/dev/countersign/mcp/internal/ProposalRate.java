package dev.countersign.mcp.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A per-principal limit on proposals: at most {@code limit} in any sliding {@code window}. Time comes
 * from the injected clock. Thread-safe.
 */
public final class ProposalRate {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    /**
     * Creates the limit.
     *
     * @param limit proposals allowed per window, at least 1
     * @param window the sliding window
     * @param clock the time source
     * @throws IllegalArgumentException if the limit is below 1 or the window not positive
     */
    public ProposalRate(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("invalid rate " + limit + " per " + window + ": must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Takes one proposal from a principal's allowance.
     *
     * @param principal the principal's name
     * @throws RateLimitedException if the principal used up the window's allowance
     */
    public synchronized void take(String principal) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(principal, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            throw new RateLimitedException(principal + " made " + limit + " proposals in the last " + window
                    + "; try again after " + times.peekFirst().plus(window));
        }
        times.addLast(now);
    }
}
