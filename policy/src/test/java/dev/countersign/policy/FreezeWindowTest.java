package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FreezeWindowTest {
    @Nested
    class Interval {
        private final FreezeWindow window = new FreezeWindow.Interval(
                Instant.parse("2026-12-20T00:00:00Z"), Instant.parse("2027-01-05T00:00:00Z"), "year-end");

        @Test
        void coversFromItsStartUpToButExcludingItsEnd() {
            assertThat(window.covers(Instant.parse("2026-12-19T23:59:59Z"))).isFalse();
            assertThat(window.covers(Instant.parse("2026-12-20T00:00:00Z"))).isTrue();
            assertThat(window.covers(Instant.parse("2027-01-04T23:59:59Z"))).isTrue();
            assertThat(window.covers(Instant.parse("2027-01-05T00:00:00Z"))).isFalse();
        }

        @Test
        void rejectsAnEmptyOrBackwardInterval() {
            Instant now = Instant.parse("2026-12-20T00:00:00Z");
            assertThatThrownBy(() -> new FreezeWindow.Interval(now, now, "r"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be before");
        }
    }

    @Nested
    class Weekly {
        private final ZoneId berlin = ZoneId.of("Europe/Berlin");

        @Test
        void readsDaysInItsOwnZone() {
            FreezeWindow weekend = new FreezeWindow.Weekly(
                    Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.MIDNIGHT, null, berlin, "weekend");

            assertThat(weekend.covers(Instant.parse("2026-11-27T22:59:59Z"))).isFalse();
            assertThat(weekend.covers(Instant.parse("2026-11-27T23:00:00Z"))).isTrue();
            assertThat(weekend.covers(Instant.parse("2026-11-29T22:59:59Z"))).isTrue();
            assertThat(weekend.covers(Instant.parse("2026-11-29T23:00:00Z"))).isFalse();
        }

        @Test
        void limitsToTheTimesOfDay() {
            FreezeWindow friday = new FreezeWindow.Weekly(
                    Set.of(DayOfWeek.FRIDAY), LocalTime.of(16, 0), LocalTime.of(18, 0), berlin, "friday");

            assertThat(friday.covers(Instant.parse("2026-11-27T14:59:00Z"))).isFalse();
            assertThat(friday.covers(Instant.parse("2026-11-27T15:00:00Z"))).isTrue();
            assertThat(friday.covers(Instant.parse("2026-11-27T17:00:00Z"))).isFalse();
            assertThat(friday).hasToString("weekly on [FRIDAY] from 16:00 to 18:00 Europe/Berlin (friday)");
        }

        @Test
        void rejectsNoDaysOrBackwardTimes() {
            assertThatThrownBy(() -> new FreezeWindow.Weekly(Set.of(), LocalTime.MIDNIGHT, null, berlin, "r"))
                    .hasMessage("a weekly freeze needs at least one day");
            assertThatThrownBy(() -> new FreezeWindow.Weekly(
                            Set.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), LocalTime.of(8, 0), berlin, "r"))
                    .hasMessageContaining("must be before");
        }
    }
}
