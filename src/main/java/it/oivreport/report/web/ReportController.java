package it.oivreport.report.web;

import it.oivreport.report.DuplicateReportException;
import it.oivreport.report.Reports;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Year;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/reports")
class ReportController {

    private final Reports reports;
    private final Clock clock;

    ReportController(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("reports", reports.list());
        if (!model.containsAttribute("newReport")) {
            // The cycle that is starting: the report is written at the start of the year it is about.
            model.addAttribute("newReport", new NewReportForm("", Year.now(clock).getValue()));
        }
        return "report/list";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("newReport") NewReportForm form, BindingResult result, Model model,
            Authentication user, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = reports.create(form.administrationName(), form.year(), user.getName());
                redirect.addFlashAttribute("created", true);
                return "redirect:/reports/" + id;
            } catch (DuplicateReportException duplicate) {
                result.rejectValue("year", "report.duplicate");
                model.addAttribute("existingReportId", duplicate.existingId());
            }
        }
        model.addAttribute("reports", reports.list());
        return "report/list";
    }

    @GetMapping("/{reportId}")
    String overview(@PathVariable long reportId, Model model) {
        model.addAttribute("report", reports.overview(reportId));
        return "report/overview";
    }
}
