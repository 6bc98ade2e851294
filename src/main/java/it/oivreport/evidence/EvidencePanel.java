package it.oivreport.evidence;

import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportPageContributor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts the evidence of each question and of the section on the section page, and the counts on the overview. */
@Component
class EvidencePanel implements ReportPageContributor {

    private final Evidences evidences;

    EvidencePanel(Evidences evidences) {
        this.evidences = evidences;
    }

    @Override
    public void contribute(Access access, Model model) {
        model.addAttribute("evidenceCounts", evidences.countBySection(access));
    }

    @Override
    public void contributeSection(Access access, int sectionNumber, Model model) {
        model.addAttribute("evidence", evidences.ofSection(access, sectionNumber));
        model.addAttribute("canAttach", Evidences.canAttach(access));
        model.addAttribute("maxFileSize", evidences.maxFileSize());
    }
}
