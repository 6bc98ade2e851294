package it.oivreport.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is created when the installation starts for the first time, and the demo users' password.
 *
 * @param admin the first administrator ({@code OIV_ADMIN_USERNAME}, {@code OIV_ADMIN_PASSWORD})
 * @param demo the demo profile's users ({@code OIV_DEMO_PASSWORD})
 */
@ConfigurationProperties("oiv")
record AccountProperties(@DefaultValue Admin admin, @DefaultValue Demo demo) {

    record Admin(@DefaultValue("admin") String username, String password) {
    }

    record Demo(@DefaultValue("demo") String password) {
    }
}
