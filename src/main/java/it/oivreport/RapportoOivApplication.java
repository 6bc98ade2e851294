package it.oivreport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RapportoOivApplication {

    public static void main(String[] args) {
        SpringApplication.run(RapportoOivApplication.class, args);
    }
}
