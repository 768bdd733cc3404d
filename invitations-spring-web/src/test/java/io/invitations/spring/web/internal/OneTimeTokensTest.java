package io.invitations.spring.web.internal;

import io.invitations.core.memory.InMemoryAttemptThrottle;
import io.invitations.spi.security.AttemptThrottle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("One-time tokens: a token is accepted once per window on a throttle admitting several attempts per key")
class OneTimeTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void a_token_is_accepted_once_however_many_attempts_the_throttle_admits() {
        for (int limit : new int[] {1, 2, 5}) {
            AttemptThrottle throttle = InMemoryAttemptThrottle.builder().maxFailures(limit).clock(clock).build();
            OneTimeTokens tokens = new OneTimeTokens(throttle, "mailgun-token:", 0);
            assertThat(tokens.firstUse("token-a", NOW)).as("limit %d", limit).isTrue();
            assertThat(tokens.firstUse("token-a", NOW)).as("limit %d", limit).isFalse();
            assertThat(tokens.firstUse("token-a", NOW.plusSeconds(60))).as("limit %d", limit).isFalse();
            assertThat(tokens.firstUse("token-b", NOW)).as("limit %d", limit).isTrue();
        }
    }

    @Test
    void a_released_token_is_accepted_again_and_keys_never_hold_the_token() {
        List<String> keys = new ArrayList<>();
        InMemoryAttemptThrottle inner = InMemoryAttemptThrottle.builder().maxFailures(1).window(Duration.ofMinutes(10))
                .clock(clock).build();
        AttemptThrottle recording = new AttemptThrottle() {
            @Override
            public boolean isLocked(String key, Instant now) {
                return inner.isLocked(key, now);
            }

            @Override
            public void recordFailure(String key, Instant now) {
                inner.recordFailure(key, now);
            }

            @Override
            public boolean tryAttempt(String key, Instant now) {
                keys.add(key);
                return inner.tryAttempt(key, now);
            }

            @Override
            public void reset(String key) {
                inner.reset(key);
            }
        };
        OneTimeTokens tokens = new OneTimeTokens(recording, "mailgun-token:", 1);
        assertThat(tokens.firstUse("secret-token-value", NOW)).isTrue();
        tokens.release("secret-token-value");
        assertThat(tokens.firstUse("secret-token-value", NOW)).isTrue();
        assertThat(tokens.firstUse("secret-token-value", NOW)).isFalse();
        assertThat(keys).allSatisfy(k -> assertThat(k).startsWith("mailgun-token:").doesNotContain("secret")
                .hasSize("mailgun-token:".length() + 64));
    }

    @Test
    void racing_uses_of_one_token_are_accepted_at_most_once() throws Exception {
        int threads = 8;
        for (int round = 0; round < 20; round++) {
            AttemptThrottle shared = InMemoryAttemptThrottle.builder().maxFailures(5).clock(clock).build();
            OneTimeTokens nodeA = new OneTimeTokens(shared, "mailgun-token:", 5);
            OneTimeTokens nodeB = new OneTimeTokens(shared, "mailgun-token:", 5);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> uses = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    OneTimeTokens node = i % 2 == 0 ? nodeA : nodeB;
                    uses.add(pool.submit(() -> {
                        start.await();
                        return node.firstUse("raced-token", NOW);
                    }));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> use : uses) {
                    accepted += use.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(accepted).as("round %d", round).isLessThanOrEqualTo(1);
                assertThat(nodeA.firstUse("raced-token", NOW)).isFalse();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
