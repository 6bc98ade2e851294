package it.oivreport.report;

import it.oivreport.account.Role;
import it.oivreport.report.ReportAccess.Access;

/** The one place tests make report permissions without going through memberships. */
public final class ReportFixtures {

    private ReportFixtures() {
    }

    public static Access oivAccess(long reportId, ReportStatus status) {
        return new Access(reportId, 1, status, false, Role.OIV, "oiv", 11);
    }

    public static Access staffAccess(long reportId, ReportStatus status) {
        return new Access(reportId, 1, status, false, Role.STAFF, "staff", 12);
    }

    /** Answers every question of every section minimally, so that the report is complete. */
    public static void fillCompletely(Reports reports, Access access) {
        var overview = reports.overview(access);
        for (var section : overview.questionnaire().sections()) {
            java.util.Map<Long, ReportViews.AnswerContent> answers = new java.util.HashMap<>();
            for (var q : section.questions()) {
                answers.put(q.id(), new ReportViews.AnswerContent(q.kind().isChoice() ? q.options().get(0).code() : null,
                        "Risposta " + q.code(), null, java.util.List.of()));
            }
            long version = reports.section(access, section.number()).stored().version();
            // With a previous report the answers differ from its own: "Nessuna variazione" would be refused.
            String variations = overview.previous() == null ? "Nessuna variazione"
                    : "Risposte della sezione " + section.number() + " riscritte.";
            reports.saveSection(access, section.number(), version, new ReportViews.SectionContent(null,
                    variations, section.hasTextField() ? "Testo della sezione " + section.number() : null, answers));
        }
    }

    public static Access adminAccess(long reportId, ReportStatus status) {
        return new Access(reportId, 1, status, true, null, "admin", 13);
    }
}
