package it.oivreport.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock somebody else out (OWASP's guidance). Failures
 * are counted per typed username and client address together: after {@code max-failed-logins} in a row that
 * pair is locked for {@code lock-duration}, and each further lock of the same pair lasts twice as long, up to
 * a day. Another client, such as the real user at their own desk, still signs in with the right password.
 * Counts are kept in the database whether or not the user exists, so the lock reveals nothing about which
 * accounts are real, survives a restart and holds across several application instances. A pair that has not
 * failed for two days starts again from nothing.
 */
@Service
public class LoginThrottle {

    static final Duration LONGEST_LOCK = Duration.ofDays(1);
    /** Longer than the longest lock, so that waiting a lock out does not also wipe the count of locks. */
    static final Duration FORGET_AFTER = LONGEST_LOCK.multipliedBy(2);

    private final JdbcClient jdbc;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the first lock lasts, for the login page's rules. */
    public Duration lockDuration() {
        return properties.lockDuration();
    }

    @Transactional(readOnly = true)
    public boolean isLocked(String username, String client) {
        return remainingLock(username, client).isPresent();
    }

    /** How long this username stays locked for this client, if it is. */
    @Transactional(readOnly = true)
    public Optional<Duration> remainingLock(String username, String client) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from login_attempt where username = :username and client_address = :client")
                .param("username", key(username))
                .param("client", client(client))
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /**
     * Counts one failure of this username from this client. The failure that reaches the limit sets the lock,
     * twice as long as the pair's previous one, and starts a new count. Returns the lock this failure set, if
     * it set one. A pair that has not failed for {@link #FORGET_AFTER} is first reset; both statements are
     * safe to run in parallel (the reset is idempotent, the count is one upsert), so no count is lost.
     */
    @Transactional
    public Optional<Duration> recordFailure(String username, String client) {
        Instant now = clock.instant();
        jdbc.sql("""
                update login_attempt set failures = 0, locks = 0
                where username = :username and client_address = :client and last_failure < :forgetBefore
                """)
                .param("username", key(username))
                .param("client", client(client))
                .param("forgetBefore", Timestamp.from(now.minus(FORGET_AFTER)))
                .update();
        // failures goes back to 0 only when this failure reached the limit: then locked_until is the new lock.
        return jdbc.sql("""
                insert into login_attempt as a (username, client_address, failures, locks, locked_until, last_failure)
                values (:username, :client, case when :max <= 1 then 0 else 1 end, case when :max <= 1 then 1 else 0 end,
                        case when :max <= 1 then cast(:now as timestamptz) + :base * interval '1 second' end, :now)
                on conflict (username, client_address) do update set
                    failures = case when a.failures + 1 >= :max then 0 else a.failures + 1 end,
                    locks = case when a.failures + 1 >= :max then a.locks + 1 else a.locks end,
                    locked_until = case when a.failures + 1 >= :max
                                        then cast(:now as timestamptz)
                                             + least(:base * power(2, a.locks), :longest) * interval '1 second'
                                        else a.locked_until end,
                    last_failure = :now
                returning case when failures = 0 then locked_until end
                """)
                .param("username", key(username))
                .param("client", client(client))
                .param("max", properties.maxFailedLogins())
                .param("base", properties.lockDuration().toSeconds())
                .param("longest", LONGEST_LOCK.toSeconds())
                .param("now", Timestamp.from(now))
                .query(Timestamp.class)
                .optional()
                .map(until -> Duration.between(now, until.toInstant()));
    }

    /** A successful login from this client: its count starts again. Other clients keep theirs. */
    @Transactional
    public void recordSuccess(String username, String client) {
        jdbc.sql("delete from login_attempt where username = :username and client_address = :client")
                .param("username", key(username)).param("client", client(client)).update();
    }

    /** An administrator reset the password: every client's count and lock for this username end. */
    @Transactional
    public void reset(String username) {
        jdbc.sql("delete from login_attempt where username = :username").param("username", key(username)).update();
    }

    private static String key(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return normalized.length() > 64 ? normalized.substring(0, 64) : normalized;
    }

    private static String client(String address) {
        String value = address == null ? "" : address.strip();
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
