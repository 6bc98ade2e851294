package it.oivreport.administration;

import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.account.UserAccounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's two administrations: a Chamber of Commerce with a collegial OIV (oiv, oiv2, oiv3,
 * president oiv) and its support staff, and a municipality with a monocratic OIV (oivb). Created once;
 * runs after the demo users and before the demo report.
 */
@Component
@Profile("demo")
@Order(25)
class DemoAdministrations implements ApplicationRunner {

    static final String BRESCIA = "Camera di Commercio di Brescia";
    static final String SECOND = "Comune di Valle Serena";

    private final Administrations administrations;
    private final Memberships memberships;
    private final UserAccounts users;

    DemoAdministrations(Administrations administrations, Memberships memberships, UserAccounts users) {
        this.administrations = administrations;
        this.memberships = memberships;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (administrations.findByName(BRESCIA).isEmpty()) {
            long brescia = administrations.create(new AdministrationDetails(BRESCIA,
                    AdministrationType.CAMERA_DI_COMMERCIO, "cciaa_bs", "Via Luigi Einaudi 23, 25121 Brescia",
                    OivComposition.COLLEGIALE, user("oiv"), "Giunta camerale", "Brescia"));
            memberships.assign(user("oiv"), brescia, Role.OIV);
            memberships.assign(user("oiv2"), brescia, Role.OIV);
            memberships.assign(user("oiv3"), brescia, Role.OIV);
            memberships.assign(user("staff"), brescia, Role.STAFF);
        }
        if (administrations.findByName(SECOND).isEmpty()) {
            long second = administrations.create(new AdministrationDetails(SECOND, AdministrationType.COMUNE, null,
                    "Piazza Municipio 1", OivComposition.MONOCRATICO, user("oivb"), "Giunta comunale", null));
            memberships.assign(user("oivb"), second, Role.OIV);
        }
    }

    private long user(String username) {
        return users.idOf(username).orElseThrow(() -> new IllegalStateException("demo user " + username + " missing"));
    }
}
