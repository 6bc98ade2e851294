package it.oivreport.shared;

import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * Pages and PDFs show times as people in Italy read them, whatever zone the server runs in (containers are
 * usually UTC): the JVM's default zone becomes {@code oiv.time-zone}, Europe/Rome unless configured.
 * Stored times are instants and the database connection stays in UTC, so nothing stored changes.
 */
@Configuration(proxyBeanMethods = false)
class TimeZoneConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TimeZoneConfiguration.class);

    TimeZoneConfiguration(@Value("${oiv.time-zone:Europe/Rome}") String zone) {
        TimeZone timeZone = TimeZone.getTimeZone(java.time.ZoneId.of(zone));
        if (!timeZone.equals(TimeZone.getDefault())) {
            log.info("Times are shown in {}", timeZone.getID());
            TimeZone.setDefault(timeZone);
        }
    }
}
