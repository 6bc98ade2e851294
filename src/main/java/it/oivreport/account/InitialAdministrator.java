package it.oivreport.account;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On the very first start (no users at all) creates the administrator who will create everybody else.
 * Without {@code OIV_ADMIN_PASSWORD} a strong password is generated and printed once: there is no other
 * way in, and it is never stored in clear anywhere.
 */
@Component
@Order(20)
class InitialAdministrator implements ApplicationRunner {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);
    // No look-alike characters (0/O, 1/l/I), since the password is copied by hand from a log.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccounts accounts;
    private final AccountProperties properties;

    InitialAdministrator(UserAccounts accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String username = properties.admin().username();
        String password = properties.admin().password();
        boolean generated = !StringUtils.hasText(password);
        if (generated) {
            password = generatePassword();
        } else if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("OIV_ADMIN_PASSWORD must be at least " + MIN_PASSWORD_LENGTH
                    + " characters long; leave it unset to have a strong one generated.");
        }
        accounts.create(username, "Amministratore", password, Role.ADMIN);
        if (generated) {
            log.warn("""

                    ================================================================
                     First start: administrator '{}' created with password
                         {}
                     It is shown only this once. Sign in and change it.
                    ================================================================""", username, password);
        } else {
            log.info("First start: administrator '{}' created from OIV_ADMIN_PASSWORD", username);
        }
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
