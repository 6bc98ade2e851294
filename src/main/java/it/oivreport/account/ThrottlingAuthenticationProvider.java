package it.oivreport.account;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Refuses a username locked for this client before the password is even checked, so that a correct password
 * does not get through a lock, and an unknown username is locked exactly like a real one.
 */
class ThrottlingAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "";
        if (throttle.isLocked(authentication.getName(), client)) {
            throw new LockedException("username locked");
        }
        return super.authenticate(authentication);
    }
}
