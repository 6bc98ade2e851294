package it.oivreport.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param maxFailedLogins failed logins in a row after which a username is locked
 * @param lockDuration how long the lock lasts
 */
@ConfigurationProperties("oiv.security")
record SecurityProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockDuration) {
}
