package dev.countersign.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A period in which nothing is recorded in an environment: an absolute interval or a weekly window.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface FreezeWindow {
    /**
     * Whether the window covers an instant.
     *
     * @param instant the moment to test
     * @return {@code true} if a change may not be recorded at that instant
     */
    boolean covers(Instant instant);

    /**
     * Why the window exists, as written in the policy.
     *
     * @return for example {@code year-end freeze}
     */
    String reason();

    /**
     * A frozen interval between two instants.
     *
     * @param from the first frozen instant
     * @param to the first instant after the freeze
     * @param reason why the window exists
     */
    record Interval(Instant from, Instant to, String reason) implements FreezeWindow {
        /**
         * Validates the bounds.
         *
         * @param from see the record component
         * @param to see the record component
         * @param reason see the record component
         *
         * @throws IllegalArgumentException if {@code from} is not before {@code to}
         */
        public Interval {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("freeze from " + from + " must be before to " + to);
            }
        }

        @Override
        public boolean covers(Instant instant) {
            return !instant.isBefore(from) && instant.isBefore(to);
        }

        @Override
        public String toString() {
            return "from " + from + " to " + to + " (" + reason + ")";
        }
    }

    /**
     * A window recurring every week on some days, between two local times, in a time zone.
     *
     * @param days the frozen days
     * @param from the local start time on each day
     * @param to the local end time on each day, or {@code null} for the end of the day
     * @param zone the time zone the days and times are read in
     * @param reason why the window exists
     */
    record Weekly(
            Set<DayOfWeek> days, LocalTime from, @Nullable LocalTime to, ZoneId zone, String reason)
            implements FreezeWindow {
        /**
         * Validates and copies.
         *
         * @param days see the record component
         * @param from see the record component
         * @param to see the record component
         * @param zone see the record component
         * @param reason see the record component
         *
         * @throws IllegalArgumentException if no day is given or {@code from} is not before {@code to}
         */
        public Weekly {
            days = Set.copyOf(days);
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a weekly freeze needs at least one day");
            }
            if (to != null && !from.isBefore(to)) {
                throw new IllegalArgumentException("weekly freeze from " + from + " must be before to " + to);
            }
        }

        @Override
        public boolean covers(Instant instant) {
            ZonedDateTime local = instant.atZone(zone);
            LocalTime time = local.toLocalTime();
            return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && (to == null || time.isBefore(to));
        }

        @Override
        public String toString() {
            return "weekly on " + days + " from " + from + " to " + (to == null ? "24:00" : to) + " " + zone + " ("
                    + reason + ")";
        }
    }
}
