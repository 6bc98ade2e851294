package it.oivreport.account;

import it.oivreport.shared.web.RequestMemo;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/** Who works for which administration, and as what (OIV member or support staff). */
@Service
public class Memberships {

    private final MembershipRepository memberships;
    private final UserAccountRepository users;
    private final Clock clock;
    private final SecurityEvents events;

    Memberships(MembershipRepository memberships, UserAccountRepository users, Clock clock,
            ApplicationEventPublisher publisher, ObjectProvider<PlatformTransactionManager> transactions) {
        this.memberships = memberships;
        this.users = users;
        this.clock = clock;
        this.events = new SecurityEvents(publisher, transactions, clock);
    }

    /** A member of an administration, for lists and for counting approvals. */
    public record Member(long userId, String username, String fullName, Role role, boolean enabled) {
    }

    /** The user's role in the administration, if they work for it. */
    @Transactional(readOnly = true)
    public Optional<Role> roleIn(long userId, long administrationId) {
        // Asked several times per page (access to the report, the panels): read once per request.
        Optional<Role> role = RequestMemo.get(MEMO + userId + ":" + administrationId,
                () -> memberships.findByUserIdAndAdministrationId(userId, administrationId).map(Membership::getRole));
        return role;
    }

    private static final String MEMO = "membership:";

    /** The administrations the user works for, with their role in each. */
    @Transactional(readOnly = true)
    public Map<Long, Role> administrationsOf(long userId) {
        // Asked by the access checks and by the home's panels of one page: read once per request.
        return RequestMemo.get(MEMO + userId, () -> memberships.findByUserId(userId).stream()
                .collect(Collectors.toUnmodifiableMap(Membership::getAdministrationId, Membership::getRole)));
    }

    @Transactional(readOnly = true)
    public List<Member> members(long administrationId) {
        List<Membership> list = memberships.findByAdministrationId(administrationId);
        Map<Long, UserAccount> byId = users.findAllById(list.stream().map(Membership::getUserId).toList()).stream()
                .collect(Collectors.toMap(UserAccount::getId, Function.identity()));
        return list.stream()
                .map(m -> {
                    UserAccount user = byId.get(m.getUserId());
                    return new Member(user.getId(), user.getUsername(), user.getFullName(), m.getRole(),
                            user.isEnabled());
                })
                .sorted(Comparator.comparing(Member::role).thenComparing(Member::fullName))
                .toList();
    }

    /** Adds the user to the administration, or changes their role there. */
    @Transactional
    public void assign(long userId, long administrationId, Role role) {
        if (role == Role.ADMIN) {
            throw new IllegalArgumentException("ADMIN is a global role, not a membership");
        }
        RequestMemo.forget(MEMO);
        memberships.findByUserIdAndAdministrationId(userId, administrationId)
                .ifPresentOrElse(m -> m.setRole(role),
                        () -> memberships.save(new Membership(userId, administrationId, role, clock.instant())));
        events.publishFor(administrationId, SecurityEvent.Kind.MEMBERSHIP_ASSIGNED, usernameOf(userId),
                "administration=" + administrationId + " role=" + role);
    }

    private String usernameOf(long userId) {
        return users.findById(userId).map(UserAccount::getUsername).orElse("#" + userId);
    }

    @Transactional
    public void remove(long userId, long administrationId) {
        RequestMemo.forget(MEMO);
        memberships.findByUserIdAndAdministrationId(userId, administrationId).ifPresent(membership -> {
            memberships.delete(membership);
            events.publishFor(administrationId, SecurityEvent.Kind.MEMBERSHIP_REMOVED, usernameOf(userId),
                    "administration=" + administrationId + " role=" + membership.getRole());
        });
    }

    @Transactional(readOnly = true)
    public Set<Long> userIdsIn(long administrationId, Role role) {
        return memberships.findByAdministrationId(administrationId).stream().filter(m -> m.getRole() == role)
                .map(Membership::getUserId).collect(Collectors.toSet());
    }
}
