package it.oivreport.account;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as the rest of the application sees it. Templates read {@code fullName} and
 * {@code role} from it; it carries no entity, so it is safe to keep in the HTTP session.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, it.oivreport.shared.Person {

    private final long id;
    private final String username;
    private final String fullName;
    private final Role role;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private String passwordHash;

    AccountPrincipal(long id, String username, String fullName, Role role, boolean enabled, String passwordHash) {
        this(id, username, fullName, role, enabled, passwordHash, false);
    }

    AccountPrincipal(long id, String username, String fullName, Role role, boolean enabled, String passwordHash,
            boolean mustChangePassword) {
        this.id = id;
        this.username = username;
        this.fullName = fullName;
        this.role = role;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
    }

    static AccountPrincipal of(UserAccount user) {
        return new AccountPrincipal(user.getId(), user.getUsername(), user.getFullName(), user.getRole(),
                user.isEnabled(), user.getPasswordHash(), user.isMustChangePassword());
    }

    /** Set by an administrator's reset: the user must choose a new password before anything else. */
    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    /** The same user after they chose a new password. */
    public AccountPrincipal withPasswordChanged() {
        return new AccountPrincipal(id, username, fullName, role, enabled, null, false);
    }

    public long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public Role getRole() {
        return role;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountPrincipal that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + username + ", " + role + "]";
    }
}
