package it.oivreport.importing;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.evidence.Evidences;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.Reports;
import it.oivreport.shared.Hashes;
import it.oivreport.shared.Refusal;
import it.oivreport.shared.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports an earlier cycle's report from its document. The upload is read at once (a document that cannot be
 * read, or that matches fewer than half of the questions, is refused and nothing is kept); the file is then kept
 * while the OIV reviews, question by question, what was read and corrects it; confirming creates the report
 * IMPORTATO, with the file as its source document. Open to OIV members of the administration and to
 * administrators, as creating a report is.
 */
@Service
public class ReportImports {

    /** How a question was found in the document. Message key {@code import.match.<NAME>}. */
    public enum Found { CODE, TEXT, NOT_FOUND }

    /** The uploaded file and what it is for. */
    public record Upload(long id, long administrationId, String administrationName, int year, String fileName,
            long size, String sha256, Instant uploadedAt, String uploadedBy) {
    }

    /** One question as read from the document: how it was found, the text found, the answer read from it. */
    public record QuestionRead(QuestionDefinition question, int sectionNumber, Found found, String text,
            AnswerContent answer) {
    }

    /** A section's own texts as read: its description (section 9), annotations and variations. */
    public record SectionRead(SectionDefinition section, String body, String annotations, String variations) {
    }

    /** What the review page shows. */
    public record Review(Upload upload, QuestionnaireDefinition questionnaire, List<QuestionRead> questions,
            List<SectionRead> sections, List<String> leftovers, int found) {
    }

    /** The source document of an imported report; {@code content} is null where only its facts are read. */
    public record Source(String fileName, String mediaType, long size, String sha256, Instant uploadedAt, byte[] content) {
    }

    private final ReportImportRepository imports;
    private final Reports reports;
    private final ReportAccess access;
    private final Administrations administrations;
    private final Evidences evidences;
    private final Clock clock;
    private final JsonMapper json;

    ReportImports(ReportImportRepository imports, Reports reports, ReportAccess access, Administrations administrations,
            Evidences evidences, Clock clock, JsonMapper json) {
        this.json = json;
        this.imports = imports;
        this.reports = reports;
        this.access = access;
        this.administrations = administrations;
        this.evidences = evidences;
        this.clock = clock;
    }

    /** How long an upload waits for its review to be confirmed or cancelled before it is deleted. */
    public static final java.time.Duration PENDING_KEPT = java.time.Duration.ofDays(7);

    /**
     * Every hour: uploads neither confirmed nor cancelled for {@link #PENDING_KEPT} are deleted, file and all;
     * a document read for an import that was abandoned is not kept for ever. The review page says so.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @Transactional
    public int purgeAbandoned() {
        return imports.deletePendingBefore(clock.instant().minus(PENDING_KEPT));
    }

    /** The largest document accepted: the evidence's limit per file. */
    public long maxFileSize() {
        return evidences.maxFileSize();
    }

    /**
     * Reads an uploaded document; kept for review when it can be imported. Refused, with nothing kept: a year
     * that has a report, a file over the limit, empty, encrypted, a scan, unreadable, or one that matches fewer
     * than half of the questions (the message says which it found).
     */
    @Transactional
    public long upload(AccountPrincipal user, long administrationId, int year, String fileName, byte[] content) {
        if (!access.canCreateIn(administrationId, user)) {
            throw new AccessDeniedException("not an OIV member of administration " + administrationId);
        }
        if (year < 2000 || year > 2100) {
            throw Refusal.badRequest("import.year.invalid");
        }
        if (reports.existing(administrationId, year, user).isPresent()) {
            throw Refusal.conflict("import.yearTaken", year);
        }
        String name = fileName == null || fileName.isBlank() ? "" : fileName.strip();
        if (content == null || content.length == 0) {
            throw name.isEmpty() ? Refusal.badRequest("import.noFile") : new ImportRefused("import.empty", name);
        }
        if (content.length > maxFileSize()) {
            throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "import.tooLarge", name, maxFileSize() / 1048576);
        }
        QuestionnaireDefinition questionnaire = reports.questionnaireForNewReports();
        ReportText.Parsed parsed = read(name, content, questionnaire);
        List<String> found = parsed.matchedCodes();
        if (found.size() * 2 < questionnaire.questions().size()) {
            throw new ImportRefused("import.tooFew", name, found.size(), questionnaire.questions().size(),
                    found.isEmpty() ? "—" : String.join(", ", found));
        }
        imports.deleteAll(imports.findByAdministrationIdAndYearAndReportIdIsNull(administrationId, year));
        return imports.save(new ReportImport(administrationId, year, name, mediaType(name), content,
                Hashes.sha256(content), user.getUsername(), clock.instant())).getId();
    }

    /** An upload waiting for review, read again from the file kept. */
    @Transactional(readOnly = true)
    public Review review(AccountPrincipal user, long importId) {
        ReportImport upload = pending(user, importId);
        QuestionnaireDefinition questionnaire = reports.questionnaireForNewReports();
        ReportText.Parsed parsed = read(upload.getFileName(), upload.getContent(), questionnaire);
        List<QuestionRead> questions = new ArrayList<>();
        for (SectionDefinition section : questionnaire.sections()) {
            for (QuestionDefinition question : section.questions()) {
                ReportText.Answer answer = parsed.answers().get(question.code());
                questions.add(new QuestionRead(question, section.number(), Found.valueOf(answer.match().name()),
                        answer.found(), new AnswerContent(answer.choice(), answer.motivation(), answer.examples(),
                                answer.entries())));
            }
        }
        List<SectionRead> sections = new ArrayList<>();
        for (SectionDefinition section : questionnaire.sections()) {
            ReportText.Section read = parsed.sections().get(section.number());
            sections.add(new SectionRead(section, read == null ? null : read.body(),
                    read == null ? null : read.annotations(), read == null ? null : read.variations()));
        }
        return new Review(view(upload), questionnaire, questions, sections, parsed.leftovers(),
                parsed.matchedCodes().size());
    }

    /**
     * Creates the report from the reviewed answers (by question code) and section texts (by section number),
     * as the user corrected them; the upload becomes its source document.
     */
    @Transactional
    public long confirm(AccountPrincipal user, long importId, Map<String, AnswerContent> answers,
            Map<Integer, SectionContent> sectionTexts) {
        ReportImport upload = pending(user, importId);
        QuestionnaireDefinition questionnaire = reports.questionnaireForNewReports();
        Map<Integer, SectionContent> content = new LinkedHashMap<>();
        for (SectionDefinition section : questionnaire.sections()) {
            Map<Long, AnswerContent> byId = new HashMap<>();
            for (QuestionDefinition question : section.questions()) {
                byId.put(question.id(), answers.getOrDefault(question.code(), AnswerContent.EMPTY));
            }
            SectionContent texts = sectionTexts.get(section.number());
            content.put(section.number(), new SectionContent(texts == null ? null : texts.annotations(),
                    texts == null ? null : texts.variations(), texts == null ? null : texts.body(), byId));
        }
        long reportId = reports.createImported(upload.getAdministrationId(), upload.getYear(), user, content);
        upload.becameReport(reportId);
        return reportId;
    }

    /** Drops an upload waiting for review. */
    @Transactional
    public void cancel(AccountPrincipal user, long importId) {
        imports.delete(pending(user, importId));
    }

    /** Whether this user may delete this imported report now (no later report has started). */
    public boolean canDelete(Access report) {
        return reports.canDeleteImported(report);
    }

    /** Deletes an imported report with its source document, until a later report has started. */
    public void delete(Access report) {
        reports.deleteImported(report);
    }

    /** The facts of the document a report was imported from, without its content: for the report page. */
    @Transactional(readOnly = true)
    public Optional<Source> sourceInfo(Access report) {
        return imports.findInfoByReportId(report.reportId()).map(i -> new Source(i.fileName(), i.mediaType(), i.size(),
                i.sha256(), i.uploadedAt(), null));
    }

    /** The document a report was imported from, with its content, for whoever may read the report. */
    @Transactional(readOnly = true)
    public Optional<Source> source(Access report) {
        return imports.findByReportId(report.reportId()).map(i -> new Source(i.getFileName(), i.getMediaType(),
                i.getSize(), i.getSha256(), i.getCreatedAt(), i.getContent()));
    }

    /** A JSON export of this product, or else a document's text read against the questionnaire. */
    private ReportText.Parsed read(String name, byte[] content, QuestionnaireDefinition questionnaire) {
        if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return JsonReport.read(name, content, json, questionnaire);
        }
        return new ReportText(questionnaire).parse(DocumentText.lines(name, content));
    }

    private ReportImport pending(AccountPrincipal user, long importId) {
        ReportImport upload = imports.findById(importId).filter(i -> i.getReportId() == null)
                .orElseThrow(() -> new NotFoundException("import " + importId));
        if (!access.canCreateIn(upload.getAdministrationId(), user)) {
            throw new NotFoundException("import " + importId);
        }
        return upload;
    }

    private Upload view(ReportImport upload) {
        String name = administrations.find(upload.getAdministrationId()).map(AdministrationView::name).orElse("");
        return new Upload(upload.getId(), upload.getAdministrationId(), name, upload.getYear(), upload.getFileName(),
                upload.getSize(), upload.getSha256(), upload.getCreatedAt(), upload.getCreatedBy());
    }

    private static String mediaType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        } else if (lower.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        } else if (lower.endsWith(".docm")) {
            return "application/vnd.ms-word.document.macroEnabled.12";
        } else if (lower.endsWith(".doc")) {
            return "application/msword";
        } else if (lower.endsWith(".json")) {
            return "application/json";
        } else if (lower.endsWith(".odt")) {
            return "application/vnd.oasis.opendocument.text";
        }
        return "text/plain";
    }
}
