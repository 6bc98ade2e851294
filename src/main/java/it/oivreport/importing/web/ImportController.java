package it.oivreport.importing.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Role;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.importing.ReportImports;
import it.oivreport.importing.ReportImports.QuestionRead;
import it.oivreport.importing.ReportImports.Review;
import it.oivreport.importing.ReportImports.SectionRead;
import it.oivreport.importing.ReportImports.Source;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.shared.web.ContentDispositions;
import it.oivreport.shared.web.FormBinders;
import it.oivreport.shared.web.NotFoundException;
import it.oivreport.shared.web.OnRefusal;
import it.oivreport.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * <i>Importa un rapporto precedente</i>: the upload form, the review of what was read, the confirmation that
 * creates the report, and the imported report's source document. The fields are named {@code administrationId},
 * {@code year} and {@code file}, so that a script can post the form as a browser does.
 */
@Controller
class ImportController {

    private final ReportImports imports;
    private final ReportAccess access;
    private final Administrations administrations;

    ImportController(ReportImports imports, ReportAccess access, Administrations administrations) {
        this.imports = imports;
        this.access = access;
        this.administrations = administrations;
    }

    /** The review form's fields: answers[i].code|choice|motivation|examples|entries, sections[i].number|body|annotations|variations. */
    private static final Pattern FORM_FIELD = Pattern.compile(
            "_csrf|answers\\[(\\d{1,3})]\\.(code|choice|motivation|examples|entries)"
                    + "|sections\\[(\\d{1,2})]\\.(number|body|annotations|variations)");
    private static final int MAX_QUESTIONS = 200;
    private static final int MAX_SECTIONS = 50;

    /**
     * The review form binds only the fields the review page has, with indices in range: anything else is a form
     * this page did not send, answered 400 before anything is bound, and nothing changes.
     */
    @InitBinder("form")
    void initBinder(WebDataBinder binder, HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            Matcher field = FORM_FIELD.matcher(name);
            boolean inRange = field.matches()
                    && (field.group(1) == null || Integer.parseInt(field.group(1)) < MAX_QUESTIONS)
                    && (field.group(3) == null || Integer.parseInt(field.group(3)) < MAX_SECTIONS);
            if (!inRange) {
                throw Refusal.badRequest("form.invalid");
            }
        }
        FormBinders.recordsWithBlanksAsNull(binder);
    }

    @GetMapping("/imports/new")
    String form(@RequestParam(required = false) Long administrationId, @RequestParam(required = false) String q,
            @AuthenticationPrincipal AccountPrincipal user, Model model) {
        List<AdministrationView> choices = user.getRole() == Role.ADMIN
                ? administrations.firstByName(q, 50).stream().filter(AdministrationView::active).toList()
                : administrations.byIds(access.creatableAdministrations(user)).stream().filter(AdministrationView::active).toList();
        model.addAttribute("administrations", choices);
        model.addAttribute("chosen", administrationId != null ? administrationId
                : choices.size() == 1 ? choices.get(0).id() : null);
        model.addAttribute("maxMegabytes", imports.maxFileSize() / 1048576);
        return "importing/new";
    }

    @PostMapping("/imports")
    @OnRefusal(redirect = "/imports/new?administrationId={administrationId}", panel = "import", keep = "year")
    String upload(@RequestParam long administrationId, @RequestParam int year,
            @RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal AccountPrincipal user)
            throws IOException {
        long id = imports.upload(user, administrationId, year, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes());
        return "redirect:/imports/" + id;
    }

    @GetMapping("/imports/{id}")
    String review(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        Review review = imports.review(user, id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", formOf(review));
        }
        model.addAttribute("review", review);
        return "importing/review";
    }

    @PostMapping("/imports/{id}")
    String confirm(@PathVariable long id, @Valid @ModelAttribute("form") ImportReviewForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect) {
        Review review = imports.review(user, id);
        if (form.answers().size() != review.questions().size() || form.sections().size() != review.sections().size()) {
            // Not the form the review page sent: it has a row for every question and every section.
            throw Refusal.badRequest("form.invalid");
        }
        if (result.hasErrors()) {
            model.addAttribute("review", review);
            return "importing/review";
        }
        Map<String, AnswerContent> answers = new HashMap<>();
        for (ImportReviewForm.AnswerRow row : form.answers()) {
            List<String> entries = row.entries() == null ? List.of()
                    : Arrays.stream(row.entries().split("\\R")).map(String::strip).filter(e -> !e.isEmpty()).toList();
            answers.put(row.code(), new AnswerContent(row.choice(), row.motivation(), row.examples(), entries));
        }
        Map<Integer, SectionContent> sections = new HashMap<>();
        for (ImportReviewForm.SectionRow row : form.sections()) {
            sections.put(row.number(), new SectionContent(row.annotations(), row.variations(), row.body(), Map.of()));
        }
        long reportId = imports.confirm(user, id, answers, sections);
        redirect.addFlashAttribute("imported", true);
        return "redirect:/reports/" + reportId;
    }

    @PostMapping("/imports/{id}/cancel")
    String cancel(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        imports.cancel(user, id);
        redirect.addFlashAttribute("importCancelled", true);
        return "redirect:/imports/new";
    }

    /** Deletes an imported report, until a later report has started from it. */
    @PostMapping("/reports/{reportId}/imported/delete")
    @OnRefusal(redirect = "/reports/{reportId}", panel = "import-delete")
    String delete(@PathVariable long reportId, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        imports.delete(access.of(reportId, user));
        redirect.addFlashAttribute("importDeleted", true);
        return "redirect:/reports";
    }

    /** The document the report was imported from, as it was uploaded. */
    @GetMapping("/reports/{reportId}/source")
    ResponseEntity<byte[]> source(@PathVariable long reportId, @AuthenticationPrincipal AccountPrincipal user) {
        Source source = imports.source(access.of(reportId, user)).orElseThrow(() -> new NotFoundException("source"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.of(false, source.fileName()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.parseMediaType(source.mediaType()))
                .body(source.content());
    }

    private static ImportReviewForm formOf(Review review) {
        List<ImportReviewForm.AnswerRow> answers = review.questions().stream().map((QuestionRead q) -> {
            AnswerContent a = q.answer();
            return new ImportReviewForm.AnswerRow(q.question().code(), a.choice(), a.motivation(), a.examples(),
                    String.join("\n", a.entries()));
        }).toList();
        List<ImportReviewForm.SectionRow> sections = review.sections().stream().map((SectionRead s) ->
                new ImportReviewForm.SectionRow(s.section().number(), s.body(), s.annotations(), s.variations())).toList();
        return new ImportReviewForm(answers, sections);
    }
}
