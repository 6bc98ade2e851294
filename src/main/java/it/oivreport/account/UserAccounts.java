package it.oivreport.account;

import it.oivreport.account.SecurityEvent.Kind;
import it.oivreport.shared.LikePatterns;
import it.oivreport.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/** The account module's entry point for other modules and for its web layer. */
@Service
public class UserAccounts {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final SessionRegistry sessions;
    private final SecurityEvents events;

    UserAccounts(UserAccountRepository users, PasswordEncoder passwordEncoder, LoginThrottle throttle,
            PasswordPolicy policy, Clock clock, SessionRegistry sessions, ApplicationEventPublisher publisher,
            ObjectProvider<PlatformTransactionManager> transactions) {
        this.users = users;
        this.events = new SecurityEvents(publisher, transactions, clock);
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.policy = policy;
        this.clock = clock;
    }

    /** A user as list pages show it. */
    public record UserSummary(long id, String username, String fullName, Role role, boolean enabled,
            Instant lastLoginAt) {
    }


    /** A page of users whose full name or username contains {@code text} (any case); all when blank. */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<UserSummary> search(String text,
            org.springframework.data.domain.Pageable pageable) {
        return users.search(LikePatterns.containing(text), pageable).map(UserAccounts::summary);
    }

    /** The first {@code limit} users by name matching {@code text}, as {@link #search} does, without counting. */
    @Transactional(readOnly = true)
    public List<UserSummary> firstMatching(String text, int limit) {
        return users.firstMatching(LikePatterns.containing(text),
                org.springframework.data.domain.Limit.of(limit)).stream()
                .map(UserAccounts::summary).toList();
    }

    private static UserSummary summary(UserAccount u) {
        return new UserSummary(u.getId(), u.getUsername(), u.getFullName(), u.getRole(), u.isEnabled(),
                u.getLastLoginAt());
    }


    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Long> idOf(String username) {
        return users.findByUsername(username).map(UserAccount::getId);
    }

    /**
     * Full names of the given users, by lower-case username, for records that store usernames. Only the
     * people named are read: one query, whatever the number of users.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, String> fullNamesOfUsernames(java.util.Collection<String> usernames) {
        java.util.Set<String> keys = usernames.stream().filter(java.util.Objects::nonNull)
                .map(u -> u.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        java.util.Map<String, String> names = new java.util.HashMap<>();
        if (!keys.isEmpty()) {
            users.namesByUsernames(keys).forEach(row ->
                    names.put(((String) row[1]).toLowerCase(java.util.Locale.ROOT), (String) row[2]));
        }
        return names;
    }

    /**
     * The name to show for {@code username} from names read with {@link #fullNamesOfUsernames}: the full
     * name, or the username itself for a user no longer known.
     */
    public static String nameIn(java.util.Map<String, String> names, String username) {
        return username == null ? null : names.getOrDefault(username.toLowerCase(java.util.Locale.ROOT), username);
    }

    /** Full names of the given users, by id; one query. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> fullNamesOfIds(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            users.namesByIds(java.util.Set.copyOf(ids)).forEach(row -> names.put((Long) row[0], (String) row[2]));
        }
        return names;
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    @Transactional
    public long create(String username, String fullName, String rawPassword, Role role) {
        UserAccount user = new UserAccount(username.strip(), fullName.strip(), passwordEncoder.encode(rawPassword),
                role, clock.instant());
        long id = users.save(user).getId();
        events.publish(Kind.USER_CREATED, user.getUsername(), "role=" + role);
        return id;
    }

    /** Why a password change was refused: the form field it is about, the message key and its arguments. */
    public record PasswordProblem(String field, String messageKey, Object... arguments) {
    }

    /**
     * The user changes their own password, proving they know the current one. Returns why it was not changed,
     * or empty when it was.
     */
    @Transactional
    public Optional<PasswordProblem> changeOwnPassword(long userId, String currentPassword, String newPassword) {
        UserAccount user = users.findById(userId).orElseThrow();
        Optional<PasswordProblem> problem = problemWithChange(user, currentPassword, newPassword);
        if (problem.isPresent()) {
            events.publish(Kind.PASSWORD_CHANGE_REFUSED, user.getUsername(), problem.get().messageKey());
            return problem;
        }
        user.changePassword(passwordEncoder.encode(newPassword), false);
        events.publish(Kind.PASSWORD_CHANGED, user.getUsername(), "ok");
        return Optional.empty();
    }

    private Optional<PasswordProblem> problemWithChange(UserAccount user, String currentPassword, String newPassword) {
        if (!passwordEncoder.matches(currentPassword == null ? "" : currentPassword, user.getPasswordHash())) {
            return Optional.of(new PasswordProblem("currentPassword", "password.currentWrong"));
        }
        if (passwordEncoder.matches(newPassword == null ? "" : newPassword, user.getPasswordHash())) {
            return Optional.of(new PasswordProblem("newPassword", "password.same"));
        }
        return policy.violation(newPassword, user.getUsername(), user.getFullName())
                .map(v -> new PasswordProblem("newPassword", v.messageKey(), v.arguments()));
    }

    /**
     * An administrator resets a user's password: a one-time password is generated, returned to be handed
     * over, and must be changed at the next login.
     */
    @Transactional
    public String resetPassword(long userId) {
        UserAccount user = users.findById(userId)
                .orElseThrow(() -> new it.oivreport.shared.web.NotFoundException("user " + userId));
        String temporary = InitialAdministrator.generatePassword();
        user.changePassword(passwordEncoder.encode(temporary), true);
        throttle.reset(user.getUsername());
        endSessions(userId);
        events.publish(Kind.PASSWORD_RESET, user.getUsername(), "temporary password issued, sessions ended");
        return temporary;
    }

    /** A new user with a one-time password, to be changed at the first login. Returns that password. */
    @Transactional
    public String createWithTemporaryPassword(String username, String fullName, Role role) {
        if (exists(username)) {
            // The form checks first; this is another administrator creating the same user at the same moment.
            throw Refusal.conflict("users.duplicate");
        }
        String temporary = InitialAdministrator.generatePassword();
        UserAccount user = new UserAccount(username.strip(), fullName.strip(), passwordEncoder.encode(temporary), role,
                clock.instant());
        user.changePassword(user.getPasswordHash(), true);
        users.save(user);
        events.publish(Kind.USER_CREATED, user.getUsername(), "role=" + role);
        return temporary;
    }

    /** A deactivated user cannot sign in; their history stays. */
    @Transactional
    public void setEnabled(long userId, boolean enabled) {
        UserAccount user = users.findById(userId)
                .orElseThrow(() -> new it.oivreport.shared.web.NotFoundException("user " + userId));
        user.setEnabled(enabled);
        if (!enabled) {
            endSessions(userId);
        }
        events.publish(enabled ? Kind.USER_REACTIVATED : Kind.USER_DEACTIVATED, user.getUsername(), "ok");
    }

    /** Signs the user out everywhere: their next request lands on the login page, which says why. */
    private void endSessions(long userId) {
        sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof AccountPrincipal account && account.getId() == userId)
                .forEach(p -> sessions.getAllSessions(p, false).forEach(SessionInformation::expireNow));
    }

    /** A successful login: this client's failure count starts again and the user's last login is stamped. */
    @Transactional
    public void recordSuccessfulLogin(String username, String client) {
        throttle.recordSuccess(username, client);
        users.recordLogin(username, clock.instant());
        events.publish(Kind.LOGIN_SUCCEEDED, username, "ok", client);
    }
}
