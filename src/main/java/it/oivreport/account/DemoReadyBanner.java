package it.oivreport.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who just typed {@code ./mvnw spring-boot:run} where to go and how to sign in. */
@Component
@Profile("demo")
class DemoReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoReadyBanner.class);

    private final Environment environment;

    DemoReadyBanner(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printWhereToLogIn() {
        String port = environment.getProperty("local.server.port", "8080");
        boolean defaultPassword = environment.getProperty("OIV_DEMO_PASSWORD") == null;
        log.info("""

                ================================================================
                 Rapporto OIV (demo) is ready at http://localhost:{}
                 Sign in with password {} as:
                   admin        amministratore: administrations, users, seal
                   oiv          president of the OIV of the Camera di Commercio
                   oiv2, oiv3   the other two members of that OIV
                   staff        struttura tecnica di supporto: evidence
                   oivb         single-member OIV of a Comune with no report yet
                 Stop with Ctrl+C; to start over with fresh demo data, stop
                 and delete the data directory ({}).
                ================================================================""",
                port, defaultPassword ? "demo" : "the value of OIV_DEMO_PASSWORD",
                environment.getProperty("oiv.data-dir", "./data"));
    }
}
