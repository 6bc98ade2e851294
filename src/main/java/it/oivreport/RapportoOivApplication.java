package it.oivreport;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RapportoOivApplication {

    public static void main(String[] args) {
        AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
        exitNormallyOnSignals(context);
        context.set(SpringApplication.run(RapportoOivApplication.class, args));
    }

    /**
     * Ctrl+C (SIGINT) and a service manager's SIGTERM are a normal stop: the context closes as usual (graceful
     * shutdown, the embedded PostgreSQL stopped) and the process exits 0, not 130 or 143, which
     * {@code ./mvnw spring-boot:run} reported as a BUILD FAILURE. A stop while starting leaves the closing to
     * Spring's shutdown hook. The JDK has no supported API for this; {@code sun.misc.Signal} (module
     * jdk.unsupported) is the one every JDK ships.
     */
    static void exitNormallyOnSignals(AtomicReference<ConfigurableApplicationContext> context) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> new Thread(() -> {
                    ConfigurableApplicationContext running = context.get();
                    System.exit(running == null ? 0 : SpringApplication.exit(running));
                }, "stop-on-SIG" + name).start());
            } catch (IllegalArgumentException notOnThisPlatform) {
                // The default handling stays: the JVM's shutdown hook still closes the context.
            }
        }
    }
}
