package it.oivreport.support;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.administration.AdministrationDetails;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.report.Reports;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A new administration of its own (monocratic OIV: {@code oiv}; support staff: {@code staff}) with an empty
 * 2026 draft: for tests that change a report, so that the demo reports stay as the other tests expect.
 */
public final class DraftReports {

    private DraftReports() {
    }

    /** The new draft's id; {@code name} starts the administration's name, made unique. */
    public static long create(ApplicationContext context, String name) {
        long administration = administration(context, name);
        AccountPrincipal oiv = (AccountPrincipal) context.getBean(UserDetailsService.class).loadUserByUsername("oiv");
        return context.getBean(Reports.class).create(administration, 2026, oiv);
    }

    /** A new administration with no report yet, {@code oiv} its OIV and {@code staff} its support staff. */
    public static long administration(ApplicationContext context, String name) {
        UserDetailsService users = context.getBean(UserDetailsService.class);
        AccountPrincipal oiv = (AccountPrincipal) users.loadUserByUsername("oiv");
        AccountPrincipal staff = (AccountPrincipal) users.loadUserByUsername("staff");
        long administration = context.getBean(Administrations.class).create(new AdministrationDetails(
                name + " " + UUID.randomUUID().toString().substring(0, 8), AdministrationType.COMUNE, null, null,
                OivComposition.MONOCRATICO, oiv.getId()));
        Memberships memberships = context.getBean(Memberships.class);
        memberships.assign(oiv.getId(), administration, Role.OIV);
        memberships.assign(staff.getId(), administration, Role.STAFF);
        return administration;
    }
}
