package it.oivreport.report.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportPageContributor;
import it.oivreport.report.Reports;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import it.oivreport.account.Role;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.ReportSummary;
import it.oivreport.shared.web.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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

    /** The orders the list offers; the first is the default. */
    static final Map<String, Sort> SORTS = sorts();

    private static Map<String, Sort> sorts() {
        Map<String, Sort> sorts = new LinkedHashMap<>();
        sorts.put("-year", Sort.by(Sort.Direction.DESC, "year").and(Sort.by("administrationId")).and(Sort.by("id")));
        sorts.put("year", Sort.by("year").and(Sort.by("administrationId")).and(Sort.by("id")));
        sorts.put("status", Sort.by("status").and(Sort.by(Sort.Direction.DESC, "year")).and(Sort.by("id")));
        return java.util.Collections.unmodifiableMap(sorts);
    }

    /** What the list is searched by, as the search form sends it. */
    record ListQuery(String q, Integer year, ReportStatus status, String sort, Integer page) {

        ListQuery {
            q = q == null ? "" : q.strip();
            sort = Paging.sortKey(sort, SORTS);
            page = page == null ? 0 : page;
        }

        static ListQuery none() {
            return new ListQuery(null, null, null, null, null);
        }
    }

    @GetMapping
    String list(ListQuery query, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        if (!model.containsAttribute("newReport")) {
            // The cycle that is starting: the report is written at the start of the year it is about.
            List<AdministrationView> choices = creatable(user, query.q(), model);
            model.addAttribute("newReport", new NewReportForm(choices.size() == 1 ? choices.get(0).id() : null,
                    Year.now(clock).getValue(), true));
        }
        return render(user, query, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("newReport") NewReportForm form, BindingResult result, Model model,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            reports.existing(form.administrationId(), form.year(), user).ifPresent(existing -> {
                result.rejectValue("year", "report.duplicate");
                model.addAttribute("existingReportId", existing);
            });
        }
        if (result.hasErrors()) {
            return render(user, ListQuery.none(), model);
        }
        long id = reports.create(form.administrationId(), form.year(), user, form.copyPrevious());
        redirect.addFlashAttribute("created", true);
        return "redirect:/reports/" + id;
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

    private String render(AccountPrincipal user, ListQuery query, Model model) {
        Page<ReportSummary> found = reports.search(user,
                new Reports.ReportQuery(query.q(), query.year(), query.status()),
                Paging.request(query.page(), query.sort(), SORTS));
        model.addAttribute("reports", found.getContent());
        model.addAttribute("paging", Paging.of(found, "/reports", "q", query.q(),
                "year", query.year() == null ? "" : query.year().toString(),
                "status", query.status() == null ? "" : query.status().name(),
                "sort", query.sort().equals("-year") ? "" : query.sort()));
        model.addAttribute("query", query);
        model.addAttribute("sorts", SORTS.keySet());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("filtered", !query.q().isEmpty() || query.year() != null || query.status() != null);
        if (!model.containsAttribute("administrations")) {
            creatable(user, query.q(), model);
        }
        return "report/list";
    }

    /**
     * The active administrations where the user may start a report: an OIV member's own; for an
     * administrator, who may start any, those matching the list's search (at most {@value Paging#SIZE}), so
     * that the page never lists thousands of administrations.
     */
    private List<AdministrationView> creatable(AccountPrincipal user, String q, Model model) {
        List<AdministrationView> choices;
        if (user.getRole() == Role.ADMIN) {
            List<AdministrationView> found = administrations.firstByName(q, Paging.SIZE + 1);
            choices = found.stream().limit(Paging.SIZE).filter(AdministrationView::active).toList();
            model.addAttribute("administrationsTruncated", found.size() > Paging.SIZE);
            model.addAttribute("administrationsSearchFirst", q == null || q.isBlank());
        } else {
            choices = administrations.byIds(access.creatableAdministrations(user)).stream()
                    .filter(AdministrationView::active).toList();
        }
        model.addAttribute("administrations", choices);
        return choices;
    }
}
