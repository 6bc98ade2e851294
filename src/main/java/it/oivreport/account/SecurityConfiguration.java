package it.oivreport.account;

import it.oivreport.shared.web.SecurityHeaders;
import it.oivreport.shared.web.UsernameLoggingFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import it.oivreport.shared.web.RecoveredForms;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** How many minutes the lock that the last failed login met still lasts, for the login page. */
    public static final String LOCK_MINUTES_ATTRIBUTE = "oiv.login.lockMinutes";

    /** The username typed at a failed login, kept for the next login form. */
    public static final String LOGIN_USERNAME_ATTRIBUTE = "oiv.login.username";

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, and stored hashes say which algorithm made them.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle, UserAccounts accounts,
            UserDetailsService users, PasswordEncoder encoder, SessionRegistry sessionRegistry, MessageSource messages,
            LocaleResolver localeResolver, ApplicationEventPublisher publisher, Clock clock,
            org.springframework.beans.factory.ObjectProvider<org.springframework.transaction.PlatformTransactionManager> transactions)
            throws Exception {
        SecurityEvents events = new SecurityEvents(publisher, transactions, clock);
        // Back to the page asked for before login, without Spring's "?continue" marker in the address bar.
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);
        SavedRequestAwareAuthenticationSuccessHandler continueToTarget = new SavedRequestAwareAuthenticationSuccessHandler();
        continueToTarget.setRequestCache(requestCache);
        http
            // Our provider only, not a bean: Spring would otherwise also build a plain one from the UserDetailsService.
            .authenticationManager(new ProviderManager(new ThrottlingAuthenticationProvider(users, encoder, throttle)))
            .authorizeHttpRequests(requests -> requests
                // Error pages render for everyone; the original request was already authorized.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/login", "/assets/**", "/webjars/**").permitAll()
                // Anyone may check whether a PDF is a copy of record of this installation.
                .requestMatchers("/verifica").permitAll()
                .requestMatchers(EndpointRequest.to("health")).permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name())
                .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/reports").hasAnyRole(Role.OIV.name(), Role.ADMIN.name())
                .anyRequest().authenticated())
            .formLogin(form -> form
                .loginPage("/login")
                .successHandler((request, response, authentication) -> {
                    accounts.recordSuccessfulLogin(authentication.getName(), request.getRemoteAddr());
                    request.getSession().removeAttribute(LOGIN_USERNAME_ATTRIBUTE);
                    var recovered = RecoveredForms.pendingPath(request);
                    if (recovered.isPresent()) {
                        // Back to the section whose form was sent after the session expired.
                        response.sendRedirect(request.getContextPath() + recovered.get());
                        return;
                    }
                    continueToTarget.onAuthenticationSuccess(request, response, authentication);
                })
                .failureHandler(failureHandler(throttle, events))
                .permitAll())
            .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll()
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null) {
                        events.publish(SecurityEvent.Kind.LOGGED_OUT, authentication.getName(), "ok");
                    }
                }))
            .requestCache(cache -> cache.requestCache(requestCache))
            // Also used by the CSRF filter: a form from an expired page is kept, not lost.
            .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new ExpiredFormHandler(messages, localeResolver)))
            .sessionManagement(session -> session
                .sessionFixation(fixation -> fixation.changeSessionId())
                // Any number of sessions per user, but known, so that UserAccounts can end them.
                .maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?ended"))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny()))
            .addFilterAfter(new UsernameLoggingFilter(), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /** Whole minutes, rounded up: a lock of 14 minutes 59 seconds is told as 15. */
    private static long minutes(Duration duration) {
        return Math.max(1, (duration.toSeconds() + 59) / 60);
    }

    /** The kind of failure, for the security log: never the exception's message, which may echo input. */
    private static String failure(AuthenticationException exception) {
        if (exception instanceof BadCredentialsException) {
            return "bad-credentials";
        }
        if (exception instanceof LockedException) {
            return "locked";
        }
        if (exception instanceof DisabledException) {
            return "disabled";
        }
        return exception.getClass().getSimpleName();
    }

    private static AuthenticationFailureHandler failureHandler(LoginThrottle throttle, SecurityEvents events) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String username = request.getParameter("username");
            String client = request.getRemoteAddr();
            Optional<Duration> newLock = exception instanceof BadCredentialsException
                    ? throttle.recordFailure(username, client) : Optional.empty();
            events.publish(SecurityEvent.Kind.LOGIN_FAILED, username, failure(exception), client);
            newLock.ifPresent(lock -> events.publish(SecurityEvent.Kind.LOCKED_OUT, username,
                    "for " + minutes(lock) + " min", client));
            // Keep what was typed, so the user only retypes the password.
            request.getSession().setAttribute(LOGIN_USERNAME_ATTRIBUTE, username);
            Optional<Duration> lock = newLock.isPresent() ? newLock : throttle.remainingLock(username, client);
            lock.ifPresent(remaining -> request.getSession().setAttribute(LOCK_MINUTES_ATTRIBUTE, minutes(remaining)));
            redirect(request, response, lock.isPresent() ? "/login?locked" : "/login?error");
        };
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        response.sendRedirect(request.getContextPath() + path);
    }
}
