package it.oivreport.comparison.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.comparison.TextDiff;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportViews.AnswerHistoryPage;
import it.oivreport.report.ReportViews.AnswerVersion;
import it.oivreport.report.Reports;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A question's Cronologia: every version of its answer, newest first, with who saved it, when, and the words
 * changed since the version before (the comparison's diff); a member who may edit can put any earlier
 * version back into the section's form. For whoever may read the report.
 */
@Controller
class AnswerHistoryController {

    private final Reports reports;
    private final ReportAccess access;

    AnswerHistoryController(Reports reports, ReportAccess access) {
        this.reports = reports;
        this.access = access;
    }

    /** One version as the page shows it: what it says, and how it differs from the one before. */
    record VersionView(AnswerVersion version, boolean first, boolean current, boolean choiceChanged,
            String previousChoice, List<TextDiff.Segment> motivationDiff, List<TextDiff.Segment> examplesDiff,
            List<String> addedEntries, List<String> removedEntries, boolean onlyConfirmed) {
    }

    @GetMapping("/reports/{reportId}/sections/{number}/questions/{code}/history")
    String history(@PathVariable long reportId, @PathVariable int number, @PathVariable String code,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal AccountPrincipal user, Model model) {
        Access permissions = access.of(reportId, user);
        AnswerHistoryPage found = reports.answerHistory(permissions, number, code, page);
        List<AnswerVersion> versions = found.versions();
        List<VersionView> views = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            AnswerVersion v = versions.get(i);
            // The page's oldest version is compared with the one before it, on the next page.
            AnswerVersion before = i == 0 ? found.before() : versions.get(i - 1);
            String prevMotivation = before == null ? null : before.motivation();
            String prevExamples = before == null ? null : before.examples();
            List<String> prevEntries = before == null ? List.of() : before.entries();
            Set<String> added = new LinkedHashSet<>(v.entries());
            added.removeAll(prevEntries);
            Set<String> removed = new LinkedHashSet<>(prevEntries);
            removed.removeAll(v.entries());
            boolean sameContent = before != null && Objects.equals(before.choice(), v.choice())
                    && Objects.equals(prevMotivation, v.motivation()) && Objects.equals(prevExamples, v.examples())
                    && prevEntries.equals(v.entries());
            views.add(new VersionView(v, before == null, found.page() == 0 && i == versions.size() - 1,
                    before != null && !Objects.equals(before.choice(), v.choice()), before == null ? null : before.choice(),
                    diff(prevMotivation, v.motivation()), diff(prevExamples, v.examples()), List.copyOf(added),
                    List.copyOf(removed), sameContent && before.confirmed() != v.confirmed()));
        }
        model.addAttribute("page", found);
        model.addAttribute("report", found.report());
        model.addAttribute("versions", views);
        model.addAttribute("paging", it.oivreport.shared.web.Paging.of(new org.springframework.data.domain.PageImpl<>(
                        versions, org.springframework.data.domain.PageRequest.of(found.page(), found.size()), found.total()),
                "/reports/" + reportId + "/sections/" + number + "/questions/" + code + "/history"));
        model.addAttribute("canRestore", permissions.canEditAnswers());
        return "comparison/history";
    }

    private static List<TextDiff.Segment> diff(String before, String after) {
        if (before == null && after == null) {
            return List.of();
        }
        return TextDiff.between(before == null ? "" : before, after == null ? "" : after);
    }
}
