package dev.countersign.mcp.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProposalRateTest {
    private static final class SteppedClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void refusesBeyondTheLimitUntilTheWindowSlides() {
        var clock = new SteppedClock();
        var rate = new ProposalRate(2, Duration.ofHours(1), clock);
        rate.take("agent:builder");
        rate.take("agent:builder");
        assertThatThrownBy(() -> rate.take("agent:builder"))
                .isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("agent:builder made 2 proposals");
        assertThatCode(() -> rate.take("agent:other")).doesNotThrowAnyException();
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThatCode(() -> rate.take("agent:builder")).doesNotThrowAnyException();
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> new ProposalRate(0, Duration.ofHours(1), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
