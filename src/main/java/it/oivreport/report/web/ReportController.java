package it.oivreport.report.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.report.DuplicateReportException;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportPageContributor;
import it.oivreport.report.Reports;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    private final ReportAccess access;
    private final Administrations administrations;
    private final Clock clock;
    private final List<ReportPageContributor> contributors;

    ReportController(Reports reports, ReportAccess access, Administrations administrations, Clock clock,
            List<ReportPageContributor> contributors) {
        this.reports = reports;
        this.access = access;
        this.administrations = administrations;
        this.clock = clock;
        this.contributors = contributors;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AccountPrincipal user, Model model) {
        if (!model.containsAttribute("newReport")) {
            // The cycle that is starting: the report is written at the start of the year it is about.
            List<AdministrationView> choices = creatable(user);
            model.addAttribute("newReport", new NewReportForm(choices.size() == 1 ? choices.get(0).id() : null,
                    Year.now(clock).getValue(), true));
        }
        return render(user, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("newReport") NewReportForm form, BindingResult result, Model model,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = reports.create(form.administrationId(), form.year(), user, form.copyPrevious());
                redirect.addFlashAttribute("created", true);
                return "redirect:/reports/" + id;
            } catch (DuplicateReportException duplicate) {
                result.rejectValue("year", "report.duplicate");
                model.addAttribute("existingReportId", duplicate.existingId());
            }
        }
        return render(user, model);
    }

    @GetMapping("/{reportId}")
    String overview(@PathVariable long reportId, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        ReportAccess.Access permissions = access.of(reportId, user);
        model.addAttribute("report", reports.overview(permissions));
        model.addAttribute("access", permissions);
        model.addAttribute("revision", reports.revision(permissions));
        contributors.forEach(contributor -> contributor.contribute(permissions, model));
        return "report/overview";
    }

    private String render(AccountPrincipal user, Model model) {
        model.addAttribute("reports", reports.list(user));
        model.addAttribute("administrations", creatable(user));
        return "report/list";
    }

    /** The active administrations where the user may start a report. */
    private List<AdministrationView> creatable(AccountPrincipal user) {
        return administrations.list().stream().filter(AdministrationView::active)
                .filter(a -> access.canCreateIn(a.id(), user)).toList();
    }
}
