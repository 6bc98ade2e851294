package it.oivreport.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account module's entry point for other modules and for its web layer. */
@Service
public class UserAccounts {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final Clock clock;

    UserAccounts(UserAccountRepository users, PasswordEncoder passwordEncoder, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** A user as list pages show it. */
    public record UserSummary(long id, String username, String fullName, Role role, boolean enabled,
            Instant lastLoginAt) {
    }

    @Transactional(readOnly = true)
    public List<UserSummary> list() {
        return users.findAllByOrderByFullNameAsc().stream()
                .map(u -> new UserSummary(u.getId(), u.getUsername(), u.getFullName(), u.getRole(), u.isEnabled(),
                        u.getLastLoginAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Long> idOf(String username) {
        return users.findByUsername(username).map(UserAccount::getId);
    }

    /** Full names by username, for lists that store usernames. */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> fullNames() {
        return users.findAll().stream().collect(java.util.stream.Collectors.toMap(
                u -> u.getUsername().toLowerCase(java.util.Locale.ROOT), UserAccount::getFullName));
    }

    @Transactional(readOnly = true)
    public java.util.Map<Long, String> fullNamesById() {
        return users.findAll().stream().collect(java.util.stream.Collectors.toMap(UserAccount::getId,
                UserAccount::getFullName));
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    @Transactional
    public long create(String username, String fullName, String rawPassword, Role role) {
        UserAccount user = new UserAccount(username.strip(), fullName.strip(), passwordEncoder.encode(rawPassword),
                role, clock.instant());
        return users.save(user).getId();
    }

    /** A successful login: the failure count starts again and the user's last login is stamped. */
    @Transactional
    public void recordSuccessfulLogin(String username) {
        throttle.reset(username);
        users.recordLogin(username, clock.instant());
    }
}
