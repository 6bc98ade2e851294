package it.oivreport.report.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportPageContributor;
import it.oivreport.report.Reports;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.SectionPage;
import it.oivreport.report.ReportViews.SectionText;
import it.oivreport.report.ReportViews.StoredSection;
import it.oivreport.report.SectionSaves;
import it.oivreport.shared.Refusal;
import it.oivreport.shared.web.RecoveredForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.ResolvableType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The section page: one section of a report, filled in and saved as a whole. */
@Controller
@RequestMapping("/reports/{reportId}/sections/{number}")
class SectionController {

    static final String VIEW = "report/section";
    static final String CONFLICT_VIEW = "report/section-conflict";
    private static final Pattern REMOVE_ENTRY = Pattern.compile("remove-entry:(\\d+):(\\d+)");
    /**
     * Nessuna variazione ({@code no-variations}) or the drafted proposal ({@code propose-variations}); once the
     * user has seen the proposal beside their own text, {@code replace-variations:none|draft} or
     * {@code append-variations:none|draft}.
     */
    private static final Pattern PROPOSAL = Pattern.compile("(no|propose)-variations|(replace|append)-variations:(none|draft)");
    private static final Pattern ANSWER_FIELD = Pattern.compile("answers\\[(\\d+)]\\.(\\w+).*");
    /** Every name the section form sends; group 1 is the question's index, group 2 the list entry's. */
    private static final Pattern FORM_FIELD = Pattern.compile("version|action|_csrf|lang|annotations|variations|body|noChangeReason"
            + "|base|keep-(?:q\\d{1,19}|body|annotations|variations)"
            + "|answers\\[(\\d{1,3})]\\.(?:questionId|choice|motivation|examples|entries\\[(\\d{1,3})])");
    /** More than any section of the questionnaire has; the section's own count is checked after binding. */
    private static final int MAX_QUESTIONS = 50;

    private final Reports reports;
    private final SectionSaves saves;
    private final ReportAccess access;
    private final MessageSource messages;
    private final List<ReportPageContributor> contributors;
    private final it.oivreport.account.UserAccounts users;

    SectionController(Reports reports, SectionSaves saves, ReportAccess access, MessageSource messages,
            List<ReportPageContributor> contributors, it.oivreport.account.UserAccounts users) {
        this.reports = reports;
        this.saves = saves;
        this.access = access;
        this.messages = messages;
        this.contributors = contributors;
        this.users = users;
    }

    /** A person as the page names them: the full name of the user who saved, the username if unknown. */
    private String fullName(String username) {
        return username == null ? null
                : it.oivreport.account.UserAccounts.nameIn(users.fullNamesOfUsernames(List.of(username)), username);
    }

    /**
     * The form binds only the fields the section page has, with indices in range: anything else (an index
     * past the section's questions or the list's entries, a non-numeric one, an unknown field) is a form this
     * page did not send, answered 400 before anything is bound, and nothing changes. A field sent twice is
     * refused before this, for every form (shared.web.SingleValuedParameters).
     */
    @InitBinder("form")
    void initBinder(WebDataBinder binder, HttpServletRequest request) {
        // The page itself (GET) binds nothing from its parameters: ?restore=…&question=… from the Cronologia.
        boolean posted = "POST".equalsIgnoreCase(request.getMethod());
        for (String name : posted ? request.getParameterMap().keySet() : java.util.Set.<String>of()) {
            Matcher field = FORM_FIELD.matcher(name);
            boolean inRange = field.matches()
                    && (field.group(1) == null || Integer.parseInt(field.group(1)) < MAX_QUESTIONS)
                    && (field.group(2) == null || Integer.parseInt(field.group(2)) < 2 * SectionForm.MAX_ENTRIES);
            if (!inRange) {
                throw Refusal.badRequest("form.invalid");
            }
        }
        configure(binder);
    }

    private void configure(WebDataBinder binder) {
        it.oivreport.shared.web.FormBinders.recordsWithBlanksAsNull(binder);
    }

    @GetMapping
    String show(@PathVariable long reportId, @PathVariable int number,
            @RequestParam(required = false) Long restore, @RequestParam(required = false) String question, Model model,
            @AuthenticationPrincipal AccountPrincipal user, HttpServletRequest request) {
        Access permissions = access.of(reportId, user);
        SectionPage page = reports.section(permissions, number);
        var recovered = RecoveredForms.take(request);
        if (recovered.isPresent() && permissions.canEditAnnotations()) {
            // What the user sent when the session had expired: shown again, unsaved, with the version they
            // had, so that saving it over someone else's newer save still ends on the conflict page.
            ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "form");
            binder.setTargetType(ResolvableType.forClass(SectionForm.class));
            configure(binder);
            binder.construct(recovered.get());
            if (binder.getTarget() instanceof SectionForm form) {
                model.addAttribute("recovered", true);
                model.addAttribute("unsaved", true);
                return render(page, form.alignedTo(page.section()), model, permissions);
            }
        }
        if (page.stored().noChangeOverride() != null && permissions.canEditAnswers()) {
            // The reason given for "Nessuna variazione" stays editable while it is needed.
            Reports.Changes changes = reports.changesSincePrevious(permissions, number, page.stored().content());
            if (!changes.isEmpty()) {
                model.addAttribute("noChangeChanges", describe(changes, page.section()));
            }
        }
        SectionForm form = SectionForm.of(page.section(), page.stored());
        if (restore != null && question != null && permissions.canEditAnswers()) {
            // A version from the question's Cronologia, back in the form as an unsaved change: saving it goes
            // through the section's version check like any other edit.
            var definition = page.section().questions().stream().filter(q -> q.code().equals(question)).findFirst();
            var version = definition.flatMap(q -> reports.answerVersion(permissions, number, question, restore));
            if (version.isPresent()) {
                form = form.withAnswer(definition.get(), version.get().content());
                model.addAttribute("restoredVersion", version.get());
                model.addAttribute("restoredQuestion", question);
                model.addAttribute("unsaved", true);
            } else {
                model.addAttribute("restoreMissing", true);
            }
        }
        return render(page, form, model, permissions);
    }

    @PostMapping
    String save(@PathVariable long reportId, @PathVariable int number, @Valid @ModelAttribute("form") SectionForm form,
            BindingResult result, @RequestParam(defaultValue = "save") String action, Model model,
            @AuthenticationPrincipal AccountPrincipal user, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect, Locale locale) {
        Access permissions = access.of(reportId, user);
        if (!permissions.canEditAnnotations()) {
            throw new AccessDeniedException("report " + reportId + " is read-only for " + user.getUsername());
        }
        SectionPage page = reports.section(permissions, number);
        if (!form.fitsSlots(page.section())) {
            throw Refusal.badRequest("form.invalid");
        }
        SectionForm aligned = form.alignedTo(page.section());
        Matcher remove = REMOVE_ENTRY.matcher(action);
        if (remove.matches() && Integer.parseInt(remove.group(1)) < aligned.answers().size()) {
            // Without JavaScript, adding and removing list entries goes through the server; nothing is saved yet.
            model.addAttribute("unsaved", true);
            return render(page, aligned.withoutEntry(Integer.parseInt(remove.group(1)),
                    Integer.parseInt(remove.group(2))), model, permissions);
        }
        Matcher proposal = PROPOSAL.matcher(action);
        if (proposal.matches()) {
            // Fills the field for the user to read and edit; saving stays the user's own action. Text the user
            // already wrote is never replaced without asking: the proposal is shown beside it, to use instead
            // or to add at the end.
            model.addAttribute("unsaved", true);
            // Rendering runs the page contributors once; the comparison's draft is then in the model.
            String view = render(page, aligned, model, permissions);
            String kind = proposal.group(1) != null ? (proposal.group(1).equals("no") ? "none" : "draft")
                    : proposal.group(3);
            String proposed = kind.equals("none")
                    ? messages.getMessage("comparison.proposal.none", null, Locale.ITALIAN)
                    : model.getAttribute("variationsProposal") instanceof String draft ? draft : null;
            String typed = aligned.variations();
            if (kind.equals("none") && permissions.canEditAnswers()) {
                Reports.Changes changes = reports.changesSincePrevious(permissions, number, aligned.toContent());
                if (!changes.isEmpty()) {
                    // Not written for the user: it would not be true. The page says what changed and offers the
                    // proposal; the user may still write it, with a reason.
                    model.addAttribute("noChangeNotWritten", describe(changes, page.section()));
                    if (model.getAttribute("variationsProposal") instanceof String draft) {
                        model.addAttribute("proposalOffered", draft);
                        model.addAttribute("proposalKind", "draft");
                    }
                    return view;
                }
            }
            if (proposed == null || proposed.equals(typed)) {
                return view;
            }
            switch (proposal.group(2) == null ? "" : proposal.group(2)) {
                case "replace" -> model.addAttribute("form", aligned.withVariations(proposed));
                case "append" -> model.addAttribute("form", aligned.withVariations(typed == null ? proposed
                        : typed.stripTrailing() + "\n\n" + proposed));
                default -> {
                    if (typed == null || typed.isBlank()) {
                        model.addAttribute("form", aligned.withVariations(proposed));
                    } else {
                        model.addAttribute("proposalOffered", proposed);
                        model.addAttribute("proposalKind", kind);
                    }
                }
            }
            return view;
        }
        if (action.startsWith("add-entry")) {
            model.addAttribute("unsaved", true);
            return render(page, aligned, model, permissions);
        }
        checkChoices(page.section(), form, result);
        if (permissions.canEditAnswers() && Reports.saysNoVariation(form.variations())) {
            Reports.Changes changes = reports.changesSincePrevious(permissions, number, aligned.toContent());
            if (!changes.isEmpty()) {
                model.addAttribute("noChangeChanges", describe(changes, page.section()));
                if (form.noChangeReason() == null || form.noChangeReason().isBlank()) {
                    result.rejectValue("variations", "section.noChange.refused", new Object[] {
                            page.report().previous().year(), describe(changes, page.section())}, null);
                }
            }
        }
        if (result.hasErrors()) {
            model.addAttribute("errorLinks", errorLinks(page.section(), result, locale));
            // The very object the errors are bound to: replacing it would drop the field errors.
            return render(page, form, model, permissions);
        }
        java.util.Set<Long> confirm = action.startsWith("confirm:")
                ? java.util.Set.of(parseLong(action.substring("confirm:".length()))) : java.util.Set.of();
        java.util.Set<SectionText> confirmTexts = java.util.Set.of();
        if (action.equals("confirm-text:BODY") || action.equals("confirm-text:ANNOTATIONS")) {
            confirmTexts = java.util.Set.of(SectionText.valueOf(action.substring("confirm-text:".length())));
        }
        boolean confirmAll = action.equals("confirm-section");
        SectionForm toSave = aligned;
        if (action.equals("resolve") && aligned.version() != null && aligned.version() == page.stored().version()) {
            // The conflict page's choices, over the version it showed: each part the user chose to take from
            // the stored version is taken from it; the rest is the merge the page showed.
            toSave = SectionMerge.resolve(page.section(), aligned, page.stored().content(),
                    key -> "theirs".equals(request.getParameter("keep-" + key)));
        }
        Reports.SaveOptions options = new Reports.SaveOptions(confirm, confirmTexts, confirmAll, toSave.noChangeReason());
        SectionSaves.Outcome outcome = saves.save(permissions, number, toSave.version(), toSave.toContent(), options);
        if (!outcome.saved()) {
            return conflict(permissions, page, toSave, outcome.current(), options, model, response, redirect);
        }
        redirect.addFlashAttribute("saved", page.section().number());
        if (!confirm.isEmpty() || !confirmTexts.isEmpty() || confirmAll) {
            redirect.addFlashAttribute("confirmed", true);
        }
        List<SectionDefinition> sections = page.report().questionnaire().sections();
        int index = sections.indexOf(page.section());
        if ("next".equals(action)) {
            return index + 1 < sections.size()
                    ? "redirect:/reports/" + reportId + "/sections/" + sections.get(index + 1).number()
                    : "redirect:/reports/" + reportId;
        }
        return "redirect:/reports/" + reportId + "/sections/" + number;
    }

    private String render(SectionPage page, SectionForm form, Model model, Access permissions) {
        List<SectionDefinition> sections = page.report().questionnaire().sections();
        int index = sections.indexOf(page.section());
        model.addAttribute("page", page);
        model.addAttribute("lastSavedBy", fullName(page.stored().updatedBy()));
        if (page.stored().noChangeOverride() != null) {
            model.addAttribute("noChangeBy", fullName(page.stored().noChangeOverride().by()));
        }
        if (model.getAttribute("form") != form) {
            model.addAttribute("form", form);
        }
        model.addAttribute("previous", index > 0 ? sections.get(index - 1) : null);
        model.addAttribute("next", index + 1 < sections.size() ? sections.get(index + 1) : null);
        // A page shown again with unsaved input compares that input; a page as stored compares what is stored.
        // (Support staff send only the annotations: their page compares what is stored.)
        SectionContent typed = permissions.canEditAnswers()
                && (Boolean.TRUE.equals(model.getAttribute("unsaved")) || model.getAttribute("errorLinks") != null)
                ? form.toContent() : null;
        contributors.forEach(c -> c.contributeSection(permissions, page.section().number(), typed, model));
        model.addAttribute("readOnly", !permissions.canEditAnnotations());
        model.addAttribute("answersReadOnly", !permissions.canEditAnswers());
        model.addAttribute("skipToQuestions", true);
        return VIEW;
    }

    /**
     * Someone else saved the section since the user opened it. Parts only one of the two changed are merged
     * without asking; when nothing was changed by both, the merge is saved at once and the page says what
     * came from the other save. Otherwise the conflict page asks, part by part, about those both changed.
     */
    private String conflict(Access permissions, SectionPage page, SectionForm mine, StoredSection current,
            Reports.SaveOptions options, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SectionMerge.Result merge = SectionMerge.merge(page.section(), mine, current.content(), current.version(),
                permissions.canEditAnswers());
        int number = page.section().number();
        if (!merge.hasConflicts()) {
            SectionSaves.Outcome outcome = saves.save(permissions, number, current.version(), merge.merged().toContent(),
                    new Reports.SaveOptions(options.confirm(), options.confirmTexts(), options.confirmAll(),
                            merge.merged().noChangeReason()));
            if (outcome.saved()) {
                redirect.addFlashAttribute("saved", number);
                List<String> theirs = merge.keys(SectionMerge.Outcome.THEIRS).stream()
                        .map(key -> partLabel(page.section(), key)).toList();
                if (!theirs.isEmpty() && permissions.canEditAnswers()) {
                    redirect.addFlashAttribute("mergedFrom", fullName(current.updatedBy()));
                    redirect.addFlashAttribute("mergedParts", String.join(", ", theirs));
                }
                return "redirect:/reports/" + page.report().id() + "/sections/" + number;
            }
            // A third save in between: ask, over the newest version.
            return conflict(permissions, page, merge.merged().withVersion(current.version()), outcome.current(),
                    options, model, response, redirect);
        }
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("page", page);
        // "Save" re-sends the merge, with the user's choices, against the version stored now.
        model.addAttribute("form", merge.merged());
        model.addAttribute("current", current);
        model.addAttribute("otherName", fullName(current.updatedBy()));
        model.addAttribute("merge", merge);
        model.addAttribute("theirParts", merge.keys(SectionMerge.Outcome.THEIRS).stream()
                .filter(key -> permissions.canEditAnswers() || key.equals(SectionMerge.ANNOTATIONS))
                .map(key -> partLabel(page.section(), key)).toList());
        model.addAttribute("myParts", merge.keys(SectionMerge.Outcome.MINE).stream()
                .map(key -> partLabel(page.section(), key)).toList());
        return CONFLICT_VIEW;
    }

    /** What changed since last year, as the page names it: codes, the description, the annotations. */
    private String describe(Reports.Changes changes, SectionDefinition section) {
        return changes.describe(section, messages.getMessage("section.noChange.annotations", null,
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }

    /** A part of the section as the conflict page names it: a question's code, or the field's label. */
    private String partLabel(SectionDefinition section, String key) {
        switch (key) {
            case SectionMerge.BODY:
                return section.textFieldLabel();
            case SectionMerge.ANNOTATIONS:
                return messages.getMessage("section.field.annotations", null,
                        org.springframework.context.i18n.LocaleContextHolder.getLocale());
            case SectionMerge.VARIATIONS:
                return messages.getMessage("section.field.variations", null,
                        org.springframework.context.i18n.LocaleContextHolder.getLocale());
            default:
                return section.questions().stream().filter(q -> SectionMerge.key(q).equals(key))
                        .map(QuestionDefinition::code).findFirst().orElse(key);
        }
    }

    private static void checkChoices(SectionDefinition section, SectionForm form, BindingResult result) {
        for (int i = 0; i < form.answers().size(); i++) {
            SectionForm.AnswerForm answer = form.answers().get(i);
            if (answer == null || answer.choice() == null) {
                continue;
            }
            boolean offered = section.questions().stream()
                    .filter(q -> answer.questionId() != null && q.id() == answer.questionId())
                    .anyMatch(q -> q.option(answer.choice()).isPresent());
            if (!offered) {
                result.rejectValue("answers[" + i + "].choice", "section.choice.invalid");
            }
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The error summary: one link per error, to the field, saying which question it is about. */
    private List<ErrorLink> errorLinks(SectionDefinition section, BindingResult result, Locale locale) {
        List<ErrorLink> links = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            String message = messages.getMessage(error, locale);
            Matcher answer = ANSWER_FIELD.matcher(error.getField());
            if (answer.matches()) {
                int index = Integer.parseInt(answer.group(1));
                String field = answer.group(2);
                if (index >= section.questions().size()) {
                    continue;
                }
                QuestionDefinition question = section.questions().get(index);
                String anchor = "answers" + index + "." + field + ("choice".equals(field) ? "1" : "entries".equals(field) ? "0" : "");
                links.add(new ErrorLink(anchor, messages.getMessage("section.error.question",
                        new Object[] {question.code(), fieldLabel(question, field, locale), message}, locale)));
            } else {
                links.add(new ErrorLink(error.getField(), messages.getMessage("section.error.section",
                        new Object[] {messages.getMessage("section.field." + error.getField(), null, locale), message},
                        locale)));
            }
        }
        return links;
    }

    /** The field's name as the page labels it. */
    private String fieldLabel(QuestionDefinition question, String field, Locale locale) {
        return switch (field) {
            case "examples" -> question.examplesLabel();
            case "entries" -> question.listLabel();
            case "motivation" -> messages.getMessage(question.kind().isChoice() ? "section.field.motivation"
                    : "section.field.answer", null, locale);
            default -> messages.getMessage("section.field." + field, null, locale);
        };
    }

    record ErrorLink(String fieldId, String text) {
    }
}
