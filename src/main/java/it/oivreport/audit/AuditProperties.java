package it.oivreport.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retention how long entries are kept ({@code OIV_AUDIT_RETENTION}, for example {@code 3650d}); none, the
 *        default, keeps them for ever
 */
@ConfigurationProperties("oiv.audit")
record AuditProperties(Duration retention) {
}
