package io.invitations.tck.support;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("MutableClock")
class MutableClockTest {
    @Test
    @DisplayName("stands still until moved, and clocks in other zones move with it")
    void movesOnlyWhenTold() {
        MutableClock clock = MutableClock.at("2031-03-14T09:00:00Z");
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2031-03-14T09:00:00Z")).isEqualTo(clock.instant());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.advance(Duration.ofMinutes(15))).isEqualTo(Instant.parse("2031-03-14T09:15:00Z"));
        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(paris.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }
}
