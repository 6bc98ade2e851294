package it.oivreport.audit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day, when a retention is set, the entries older than it are purged: the only deletion the log allows. */
@Component
@EnableConfigurationProperties(AuditProperties.class)
class AuditRetention {

    private static final Logger logger = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditLog log;
    private final AuditProperties properties;
    private final Clock clock;

    AuditRetention(AuditLog log, AuditProperties properties, Clock clock) {
        this.log = log;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT15M")
    long purge() {
        if (properties.retention() == null || properties.retention().isZero() || properties.retention().isNegative()) {
            return 0;
        }
        long purged = log.purge(clock.instant().minus(properties.retention()));
        if (purged > 0) {
            logger.info("Audit retention {}: {} entries purged", properties.retention(), purged);
        }
        return purged;
    }
}
