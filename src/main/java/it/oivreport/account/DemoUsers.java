package it.oivreport.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's three users, one per role, so that a newcomer can sign in at once. Created only when
 * missing: a restart never resets a password somebody changed. Runs before {@link InitialAdministrator},
 * which then finds users and creates nobody.
 */
@Component
@Profile("demo")
@Order(10)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UserAccounts accounts;
    private final AccountProperties properties;

    DemoUsers(UserAccounts accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfMissing("admin", "Giulia Ferri", Role.ADMIN);
        createIfMissing("oiv", "Marco Bianchi", Role.OIV);
        createIfMissing("oiv2", "Chiara Moretti", Role.OIV);
        createIfMissing("oiv3", "Paolo Gallo", Role.OIV);
        createIfMissing("oivb", "Elena Riva", Role.OIV);
        createIfMissing("staff", "Laura Conti", Role.STAFF);
    }

    private void createIfMissing(String username, String fullName, Role role) {
        if (!accounts.exists(username)) {
            accounts.create(username, fullName, properties.demo().password(), role);
            log.info("Demo user '{}' ({}) created", username, role);
        }
    }
}
