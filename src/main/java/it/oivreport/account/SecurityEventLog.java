package it.oivreport.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One line per security event on the logger {@value #LOGGER}, which a deployment can route to its own file
 * or SIEM ({@code logging.level.oiv.security}, a logback appender). Failures and lock-outs are WARN, the rest
 * INFO. Values are quoted and stripped of control characters: a typed username cannot forge a log line.
 */
@Component
class SecurityEventLog {

    static final String LOGGER = "oiv.security";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @EventListener
    void on(SecurityEvent event) {
        String line = "event=" + event.kind() + " subject=" + quoted(event.subject()) + " actor=" + quoted(event.actor())
                + " client=" + quoted(event.client()) + " outcome=" + quoted(event.outcome());
        switch (event.kind()) {
            case LOGIN_FAILED, LOCKED_OUT, PASSWORD_CHANGE_REFUSED -> log.warn(line);
            default -> log.info(line);
        }
    }

    static String quoted(String value) {
        String text = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?").replace("\"", "'");
        return "\"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\"";
    }
}
