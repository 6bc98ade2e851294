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
        assertThat(throttle.isLocked("mario.rossi", HOME)).isFalse();
        failures("mario.rossi", 1);
        assertThat(throttle.isLocked("mario.rossi", HOME)).isTrue();
    }

    @Test
    void theLockEndsAfterFifteenMinutes() {
        failures("mario.rossi", 5);
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throttle.isLocked("mario.rossi", HOME)).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.isLocked("mario.rossi", HOME)).isFalse();
    }

    @Test
    void afterTheLockTheUserHasTheFullNumberOfAttemptsAgain() {
        failures("mario.rossi", 5);
        clock.advance(Duration.ofMinutes(16));
        failures("mario.rossi", 4);
        assertThat(throttle.isLocked("mario.rossi", HOME)).isFalse();
        failures("mario.rossi", 1);
        assertThat(throttle.isLocked("mario.rossi", HOME)).isTrue();
    }

    @Test
    void usernamesAreComparedIgnoringCaseAndSpaces() {
        failures("Mario.Rossi", 3);
        failures(" mario.rossi ", 2);
        assertThat(throttle.isLocked("MARIO.ROSSI", HOME)).isTrue();
    }

    @Test
    void resetForgetsEarlierFailures() {
        failures("mario.rossi", 4);
        throttle.reset("mario.rossi");
        failures("mario.rossi", 4);
        assertThat(throttle.isLocked("mario.rossi", HOME)).isFalse();
    }

    @Test
    void usersDoNotLockEachOther() {
        failures("mario.rossi", 5);
        assertThat(throttle.isLocked("anna.verdi", HOME)).isFalse();
    }

    @Test
    void anotherClientIsNotLockedOut() {
        // Anyone can send five wrong passwords for the administrator; the administrator still signs in.
        failures("admin", 5, ATTACKER);
        assertThat(throttle.isLocked("admin", ATTACKER)).isTrue();
        assertThat(throttle.isLocked("admin", HOME)).isFalse();
    }

    @Test
    void eachLockOfTheSameClientLastsTwiceAsLongUpToADay() {
        failures("admin", 5, ATTACKER);
        assertThat(throttle.remainingLock("admin", ATTACKER)).contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(16));
        failures("admin", 5, ATTACKER);
        assertThat(throttle.remainingLock("admin", ATTACKER)).contains(Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(31));
        failures("admin", 5, ATTACKER);
        assertThat(throttle.remainingLock("admin", ATTACKER)).contains(Duration.ofMinutes(60));
        for (int lock = 0; lock < 10; lock++) {
            clock.advance(throttle.remainingLock("admin", ATTACKER).orElseThrow().plusSeconds(1));
            failures("admin", 5, ATTACKER);
        }
        assertThat(throttle.remainingLock("admin", ATTACKER)).contains(Duration.ofDays(1));
    }

    @Test
    void twoDaysWithoutFailuresStartAgainFromTheFirstLock() {
        failures("admin", 5, ATTACKER);
        clock.advance(Duration.ofMinutes(16));
        failures("admin", 5, ATTACKER);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        failures("admin", 4, ATTACKER);
        assertThat(throttle.isLocked("admin", ATTACKER)).isFalse();
        failures("admin", 1, ATTACKER);
        assertThat(throttle.remainingLock("admin", ATTACKER)).contains(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsOnlyItsOwnClient() {
        failures("admin", 4, ATTACKER);
        failures("admin", 4, HOME);
        throttle.recordSuccess("admin", HOME);
        failures("admin", 1, ATTACKER);
        failures("admin", 1, HOME);
        assertThat(throttle.isLocked("admin", ATTACKER)).isTrue();
        assertThat(throttle.isLocked("admin", HOME)).isFalse();
    }

    static final String HOME = "10.0.0.7";
    static final String ATTACKER = "203.0.113.9";

    private void failures(String username, int count) {
        failures(username, count, HOME);
    }

    private void failures(String username, int count, String client) {
        for (int i = 0; i < count; i++) {
            throttle.recordFailure(username, client);
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
