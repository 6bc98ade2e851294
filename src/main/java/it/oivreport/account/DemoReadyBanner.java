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
                 Sign in as admin (amministratore), oiv (componente OIV)
                 or staff (struttura tecnica), password: {}
                ================================================================""",
                port, defaultPassword ? "demo" : "the value of OIV_DEMO_PASSWORD");
    }
}
