package it.oivreport.report;

import it.oivreport.account.Role;
import it.oivreport.report.ReportAccess.Access;

/** The one place tests make report permissions without going through memberships. */
public final class ReportFixtures {

    private ReportFixtures() {
    }

    public static Access oivAccess(long reportId, ReportStatus status) {
        return new Access(reportId, 1, status, false, Role.OIV, "oiv");
    }

    public static Access staffAccess(long reportId, ReportStatus status) {
        return new Access(reportId, 1, status, false, Role.STAFF, "staff");
    }

    public static Access adminAccess(long reportId, ReportStatus status) {
        return new Access(reportId, 1, status, true, null, "admin");
    }
}
