package it.oivreport.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a username for a while after too many failed logins in a row. Counts are kept in the database,
 * per typed username, whether or not the user exists: the lock then reveals nothing about which
 * accounts are real, survives a restart and holds across several application instances.
 */
@Service
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long a lock lasts, for the message that explains it. */
    public Duration lockDuration() {
        return properties.lockDuration();
    }

    @Transactional(readOnly = true)
    public boolean isLocked(String username) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from login_attempt where username = :username")
                .param("username", key(username))
                .query(Timestamp.class)
                .optional()
                .map(until -> until.toInstant().isAfter(now))
                .orElse(false);
    }

    /**
     * Counts one failure. The failure that reaches the limit sets the lock and starts a new count, so a
     * user coming back after the lock gets the full number of attempts again. One statement, so that
     * parallel attempts cannot lose a count.
     */
    @Transactional
    public void recordFailure(String username) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into login_attempt (username, failures, locked_until, last_failure)
                values (:username, case when :max <= 1 then 0 else 1 end,
                        case when :max <= 1 then cast(:lockedUntil as timestamptz) end, :now)
                on conflict (username) do update set
                    failures = case when login_attempt.failures + 1 >= :max then 0
                                    else login_attempt.failures + 1 end,
                    locked_until = case when login_attempt.failures + 1 >= :max then :lockedUntil
                                        else login_attempt.locked_until end,
                    last_failure = :now
                """)
                .param("username", key(username))
                .param("max", properties.maxFailedLogins())
                .param("lockedUntil", Timestamp.from(now.plus(properties.lockDuration())))
                .param("now", Timestamp.from(now))
                .update();
    }

    @Transactional
    public void reset(String username) {
        jdbc.sql("delete from login_attempt where username = :username").param("username", key(username)).update();
    }

    private static String key(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return normalized.length() > 64 ? normalized.substring(0, 64) : normalized;
    }
}
