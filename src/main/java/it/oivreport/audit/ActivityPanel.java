package it.oivreport.audit;

import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportPageContributor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** On the report page: the newest lines of the report's Attività, and whether there is more to see. */
@Component
class ActivityPanel implements ReportPageContributor {

    /** Lines the report page shows. */
    static final int SHOWN = 5;

    private final AuditLog log;

    ActivityPanel(AuditLog log) {
        this.log = log;
    }

    @Override
    public void contribute(Access access, Model model) {
        var latest = log.latestOfReport(access.reportId(), SHOWN + 1);
        model.addAttribute("activity", latest.size() > SHOWN ? latest.subList(0, SHOWN) : latest);
        model.addAttribute("activityMore", latest.size() > SHOWN);
    }
}
