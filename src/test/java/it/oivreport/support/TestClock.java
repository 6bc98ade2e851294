package it.oivreport.support;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The application's clock for slice tests, which do not load the web configuration that declares it. */
@TestConfiguration
public class TestClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
