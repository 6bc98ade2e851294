package it.oivreport.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The lock-out rules, on the real PostgreSQL table, with a clock the test moves. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class LoginThrottleTests {

    @Autowired
    JdbcClient jdbc;

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    LoginThrottle throttle;

    @BeforeEach
    void setUp() {
        throttle = new LoginThrottle(jdbc, new SecurityProperties(5, Duration.ofMinutes(15)), clock);
    }

    @Test
    void fourFailuresDoNotLockTheFifthDoes() {
        failures("mario.rossi", 4);
        assertThat(throttle.isLocked("mario.rossi")).isFalse();
        failures("mario.rossi", 1);
        assertThat(throttle.isLocked("mario.rossi")).isTrue();
    }

    @Test
    void theLockEndsAfterFifteenMinutes() {
        failures("mario.rossi", 5);
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throttle.isLocked("mario.rossi")).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.isLocked("mario.rossi")).isFalse();
    }

    @Test
    void afterTheLockTheUserHasTheFullNumberOfAttemptsAgain() {
        failures("mario.rossi", 5);
        clock.advance(Duration.ofMinutes(16));
        failures("mario.rossi", 4);
        assertThat(throttle.isLocked("mario.rossi")).isFalse();
        failures("mario.rossi", 1);
        assertThat(throttle.isLocked("mario.rossi")).isTrue();
    }

    @Test
    void usernamesAreComparedIgnoringCaseAndSpaces() {
        failures("Mario.Rossi", 3);
        failures(" mario.rossi ", 2);
        assertThat(throttle.isLocked("MARIO.ROSSI")).isTrue();
    }

    @Test
    void resetForgetsEarlierFailures() {
        failures("mario.rossi", 4);
        throttle.reset("mario.rossi");
        failures("mario.rossi", 4);
        assertThat(throttle.isLocked("mario.rossi")).isFalse();
    }

    @Test
    void usersDoNotLockEachOther() {
        failures("mario.rossi", 5);
        assertThat(throttle.isLocked("anna.verdi")).isFalse();
    }

    private void failures(String username, int count) {
        for (int i = 0; i < count; i++) {
            throttle.recordFailure(username);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
