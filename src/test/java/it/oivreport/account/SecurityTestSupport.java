package it.oivreport.account;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * For {@code @WebMvcTest}s: the real security configuration, with its account services replaced by
 * stand-ins (a slice has no database). A test that needs to steer one declares it as {@code @MockitoBean}.
 */
@TestConfiguration
@Import({SecurityConfiguration.class, SessionConfiguration.class, SecurityEventLog.class})
public class SecurityTestSupport {

    @Bean
    UserAccounts userAccounts() {
        return mock(UserAccounts.class);
    }

    @Bean
    LoginThrottle loginThrottle() {
        LoginThrottle throttle = mock(LoginThrottle.class);
        when(throttle.lockDuration()).thenReturn(Duration.ofMinutes(15));
        return throttle;
    }

    @Bean
    UserDetailsService userDetailsService() {
        return mock(UserDetailsService.class);
    }
}
