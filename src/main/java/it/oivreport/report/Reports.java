package it.oivreport.report;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.questionnaire.Questionnaires;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.ReportDocument;
import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.report.ReportViews.ReportSummary;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.SectionPage;
import it.oivreport.report.ReportViews.StoredSection;
import it.oivreport.shared.web.NotFoundException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating reports and filling them in, section by section. Every read and write takes an {@link Access}
 * from {@link ReportAccess}: the check that the user works for the report's administration.
 */
@Service
public class Reports {

    private final ReportRepository reports;
    private final ReportSectionRepository sections;
    private final Questionnaires questionnaires;
    private final Administrations administrations;
    private final ReportAccess access;
    private final Clock clock;

    Reports(ReportRepository reports, ReportSectionRepository sections, Questionnaires questionnaires,
            Administrations administrations, ReportAccess access, Clock clock) {
        this.reports = reports;
        this.sections = sections;
        this.questionnaires = questionnaires;
        this.administrations = administrations;
        this.access = access;
        this.clock = clock;
    }

    /** Creates a report on the newest questionnaire, with every section still to fill in. */
    @Transactional
    public long create(long administrationId, int year, AccountPrincipal user) {
        return create(administrationId, year, user, false);
    }

    /**
     * Creates a report; with {@code fromPrevious}, every answer of the previous cycle's report is copied,
     * by question code, and marked to be confirmed. Questions that no longer exist are not copied; new ones
     * start empty.
     */
    @Transactional
    public long create(long administrationId, int year, AccountPrincipal user, boolean fromPrevious) {
        if (!access.canCreateIn(administrationId, user)) {
            throw new AccessDeniedException("not an OIV member of administration " + administrationId);
        }
        long id = create(administrationId, year, user.getUsername());
        if (fromPrevious) {
            copyPrevious(id);
        }
        return id;
    }

    @Transactional
    void copyPrevious(long reportId) {
        Report report = reports.findById(reportId).orElseThrow();
        reports.findFirstByAdministrationIdAndYearLessThanOrderByYearDescRevisionDesc(report.getAdministrationId(), report.getYear())
                .ifPresent(previous -> {
                    QuestionnaireDefinition before = questionnaires.byId(previous.getQuestionnaireVersionId());
                    Map<Long, String> codes = new HashMap<>();
                    before.questions().forEach(q -> codes.put(q.id(), q.code()));
                    Map<String, ReportAnswer> byCode = new HashMap<>();
                    for (ReportSection section : sections.findAllWithAnswers(previous.getId())) {
                        section.getAnswers().forEach(a -> byCode.put(codes.get(a.getQuestionId()), a));
                    }
                    QuestionnaireDefinition now = questionnaires.byId(report.getQuestionnaireVersionId());
                    Map<Long, ReportSection> mine = sections.findAllWithAnswers(reportId).stream()
                            .collect(Collectors.toMap(ReportSection::getSectionId, Function.identity()));
                    for (SectionDefinition section : now.sections()) {
                        for (QuestionDefinition question : section.questions()) {
                            ReportAnswer old = byCode.get(question.code());
                            if (old != null) {
                                mine.get(section.id()).answerFor(question.id()).carry(old.getChoice(),
                                        old.getMotivation(), old.getExamples(), old.getEntries());
                            }
                        }
                    }
                });
    }

    /**
     * Confirms carried-over answers as they are: the given questions, or the whole section when empty.
     * Bumps the section's lock version like a save.
     */
    @Transactional
    public void confirm(Access access, int sectionNumber, long expectedVersion, java.util.Collection<Long> questionIds) {
        if (!access.canEditAnswers()) {
            throw new AccessDeniedException("report " + access.reportId() + " is not editable by this user");
        }
        Report report = find(access);
        SectionDefinition definition = questionnaires.byId(report.getQuestionnaireVersionId()).section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        ReportSection section = sections.findWithAnswers(report.getId(), definition.id())
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        if (section.getVersion() != expectedVersion) {
            throw new SectionConflictException(stored(section));
        }
        section.getAnswers().stream().filter(a -> questionIds.isEmpty() || questionIds.contains(a.getQuestionId()))
                .forEach(ReportAnswer::confirm);
        section.update(section.getAnnotations(), section.getVariations(), section.getBody(), clock.instant(),
                access.username());
        sections.saveAndFlush(section);
    }

    long create(long administrationId, int year, String username) {
        administrations.find(administrationId).filter(AdministrationView::active)
                .orElseThrow(() -> new NotFoundException("administration " + administrationId));
        reports.findFirstByAdministrationIdAndYearOrderByRevisionDesc(administrationId, year).ifPresent(existing -> {
            throw new DuplicateReportException(existing.getId());
        });
        QuestionnaireDefinition questionnaire = questionnaires.newest();
        Report report;
        try {
            report = reports.saveAndFlush(new Report(administrationId, year, questionnaire.id(), clock.instant(),
                    username));
        } catch (DataIntegrityViolationException raceWithAnotherCreation) {
            throw new DuplicateReportException(reports.findFirstByAdministrationIdAndYearOrderByRevisionDesc(administrationId, year)
                    .map(Report::getId).orElse(0L));
        }
        for (SectionDefinition section : questionnaire.sections()) {
            sections.save(new ReportSection(report, section.id()));
        }
        return report.getId();
    }

    /**
     * Starts a rettifica of a signed report: a new draft revision for the same administration and year, on
     * the same questionnaire, with every answer, list, annotation and variation copied as it was signed (and
     * confirmed: they are this year's answers), linked to the signed report. A signed report is corrected
     * once; asking again gives the existing rettifica.
     */
    @Transactional
    public long startCorrection(Access signed, String username) {
        Report original = find(signed);
        if (original.getStatus() != ReportStatus.FIRMATO || !(signed.isOivMember() || signed.isAdmin())) {
            throw new AccessDeniedException("report " + original.getId() + " cannot be corrected by " + username);
        }
        java.util.Optional<Report> existing = reports.findByCorrectsReportId(original.getId());
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        Report correction = reports.saveAndFlush(Report.correcting(original, clock.instant(), username));
        for (ReportSection from : sections.findAllWithAnswers(original.getId())) {
            ReportSection to = new ReportSection(correction, from.getSectionId());
            to.update(from.getAnnotations(), from.getVariations(), from.getBody(), clock.instant(), username);
            for (ReportAnswer answer : from.getAnswers()) {
                to.answerFor(answer.getQuestionId()).update(answer.getChoice(), answer.getMotivation(),
                        answer.getExamples(), answer.getEntries());
            }
            sections.save(to);
        }
        return correction.getId();
    }

    /** How a report relates to rettifiche: its revision, the report it corrects, the one correcting it. */
    public record Revision(int revision, Long corrects, Long correctedBy) {
    }

    @Transactional(readOnly = true)
    public Revision revision(Access access) {
        Report report = find(access);
        return new Revision(report.getRevision(), report.getCorrectsReportId(),
                reports.findByCorrectsReportId(report.getId()).map(Report::getId).orElse(null));
    }

    /** The reports the user may see, newest year first. */
    @Transactional(readOnly = true)
    public List<ReportSummary> list(AccountPrincipal user) {
        List<Report> all = access.visibleAdministrations(user)
                .map(ids -> ids.isEmpty() ? List.<Report>of() : reports.findByAdministrationIdInOrderByYearDesc(ids))
                .orElseGet(reports::findAllByOrderByYearDesc);
        Map<Long, AdministrationView> names = administrations.mapByIds(
                all.stream().map(Report::getAdministrationId).collect(Collectors.toSet()));
        // One query for the sections of every report, not one per report.
        Map<Long, List<ReportSection>> sectionsByReport = all.isEmpty() ? Map.of() : sections
                .findAllWithAnswersOfReports(all.stream().map(Report::getId).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.getReport().getId()));
        return all.stream().map(report -> {
            ReportOverview overview = overview(report, names.get(report.getAdministrationId()),
                    sectionsByReport.getOrDefault(report.getId(), List.of()));
            return new ReportSummary(report.getId(), report.getAdministrationId(), overview.administrationName(),
                    report.getYear(), report.getStatus(), (int) overview.completeSections(), overview.totalSections());
        }).toList();
    }

    @Transactional(readOnly = true)
    public ReportOverview overview(Access access) {
        Report report = find(access);
        return overview(report, sections.findAllWithAnswers(report.getId()));
    }

    /** The questionnaire the report answers, without reading its answers. */
    @Transactional(readOnly = true)
    public QuestionnaireDefinition questionnaire(Access access) {
        return questionnaires.byId(find(access).getQuestionnaireVersionId());
    }

    @Transactional(readOnly = true)
    public SectionPage section(Access access, int sectionNumber) {
        Report report = find(access);
        List<ReportSection> all = sections.findAllWithAnswers(report.getId());
        ReportOverview overview = overview(report, all);
        SectionDefinition definition = overview.questionnaire().section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        ReportSection stored = all.stream().filter(s -> s.getSectionId() == definition.id()).findFirst()
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        return new SectionPage(overview, definition, stored(stored));
    }

    /** The whole report, read at one moment: its overview and every section's content by section number. */
    @Transactional(readOnly = true)
    public ReportDocument document(Access access) {
        Report report = find(access);
        List<ReportSection> all = sections.findAllWithAnswers(report.getId());
        ReportOverview overview = overview(report, all);
        Map<Long, ReportSection> byId = all.stream()
                .collect(Collectors.toMap(ReportSection::getSectionId, Function.identity()));
        Map<Integer, SectionContent> contents = new LinkedHashMap<>();
        for (SectionDefinition section : overview.questionnaire().sections()) {
            contents.put(section.number(), content(byId.get(section.id())));
        }
        return new ReportDocument(overview, contents);
    }

    /**
     * Saves a section if nobody else saved it since the user loaded it ({@code expectedVersion}); otherwise
     * throws {@link SectionConflictException} with what is stored now, and changes nothing. OIV members save
     * answers and fields; support staff only the annotations, the rest stays as stored. Fields the section
     * does not have, and answers to questions of other sections, are ignored.
     */
    @Transactional
    public long saveSection(Access access, int sectionNumber, long expectedVersion, SectionContent input) {
        return saveSection(access, sectionNumber, expectedVersion, input, java.util.Set.of(), false);
    }

    /**
     * Saves a section as {@link #saveSection(Access, int, long, SectionContent)}; an answer carried over from
     * last year stays to be confirmed unless the user changed it, confirmed it ({@code confirm}) or confirmed
     * the whole section ({@code confirmAll}).
     */
    @Transactional
    public long saveSection(Access access, int sectionNumber, long expectedVersion, SectionContent input,
            java.util.Set<Long> confirm, boolean confirmAll) {
        if (!access.canEditAnnotations()) {
            throw new AccessDeniedException("report " + access.reportId() + " is not editable by this user");
        }
        Report report = find(access);
        if (report.getStatus() != ReportStatus.BOZZA) {
            throw new AccessDeniedException("report " + report.getId() + " is " + report.getStatus());
        }
        SectionDefinition definition = questionnaires.byId(report.getQuestionnaireVersionId()).section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        ReportSection section = sections.findWithAnswers(report.getId(), definition.id())
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        if (section.getVersion() != expectedVersion) {
            throw new SectionConflictException(stored(section));
        }
        String annotations = definition.hasAnnotations() ? blankToNull(input.annotations()) : null;
        if (access.canEditAnswers()) {
            for (QuestionDefinition question : definition.questions()) {
                AnswerContent answer = input.answer(question.id());
                String choice = question.kind().isChoice() ? blankToNull(answer.choice()) : null;
                if (choice != null && question.option(choice).isEmpty()) {
                    throw new IllegalArgumentException("invalid choice for question " + question.code());
                }
                List<String> entries = question.hasList() ? answer.entries() : List.of();
                ReportAnswer stored = section.answerFor(question.id());
                boolean carriedAndUntouched = !stored.isConfirmed() && stored.sameAs(choice,
                        blankToNull(answer.motivation()), blankToNull(answer.examples()), entries);
                stored.update(choice, blankToNull(answer.motivation()), blankToNull(answer.examples()), entries);
                if (carriedAndUntouched && !confirmAll && !confirm.contains(question.id())) {
                    stored.leaveToConfirm();
                }
            }
            section.update(annotations, blankToNull(input.variations()),
                    definition.hasTextField() ? blankToNull(input.body()) : null, clock.instant(), access.username());
        } else {
            section.update(annotations, section.getVariations(), section.getBody(), clock.instant(), access.username());
        }
        // Flush now, so that a concurrent save surfaces here as an optimistic-lock failure.
        sections.saveAndFlush(section);
        return section.getVersion();
    }

    /**
     * Moves the report from one status to another, if it is still in {@code from} and nobody changed it
     * since the user's page was loaded. The workflow's rules (who may, when) live in the review module.
     */
    @Transactional
    public void changeStatus(Access access, long expectedVersion, ReportStatus from, ReportStatus to) {
        Report report = find(access);
        if (report.getVersion() != expectedVersion || report.getStatus() != from) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Report.class, report.getId());
        }
        report.changeStatus(to);
        reports.saveAndFlush(report);
    }

    /** The report's lock version, for the workflow buttons' forms. */
    @Transactional(readOnly = true)
    public long version(Access access) {
        return find(access).getVersion();
    }

    /** The report of an administration for a year, if there is one. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> findId(long administrationId, int year) {
        return reports.findFirstByAdministrationIdAndYearOrderByRevisionDesc(administrationId, year).map(Report::getId);
    }

    /**
     * The previous cycle's report as a document, for comparing. It belongs to the same administration, so
     * whoever may read the current report may read it.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ReportDocument> previousDocument(Access access) {
        Report current = find(access);
        return reports.findFirstByAdministrationIdAndYearLessThanOrderByYearDescRevisionDesc(current.getAdministrationId(),
                current.getYear()).map(previous -> document(ReportAccess.sameAdministration(access, previous)));
    }

    private Report find(Access access) {
        return reports.findById(access.reportId())
                .orElseThrow(() -> new NotFoundException("report " + access.reportId()));
    }

    private ReportOverview overview(Report report, List<ReportSection> stored) {
        return overview(report, administrations.find(report.getAdministrationId()).orElseThrow(), stored);
    }

    private ReportOverview overview(Report report, AdministrationView administration, List<ReportSection> stored) {
        QuestionnaireDefinition questionnaire = questionnaires.byId(report.getQuestionnaireVersionId());
        ReportViews.PreviousReport previous = reports
                .findFirstByAdministrationIdAndYearLessThanOrderByYearDescRevisionDesc(report.getAdministrationId(), report.getYear())
                .map(p -> new ReportViews.PreviousReport(p.getId(), p.getYear(), p.getStatus())).orElse(null);
        Map<Long, ReportSection> byId = new HashMap<>();
        stored.forEach(s -> byId.put(s.getSectionId(), s));
        Map<Integer, SectionState> states = new LinkedHashMap<>();
        int toConfirm = 0;
        for (SectionDefinition section : questionnaire.sections()) {
            ReportSection row = byId.get(section.id());
            SectionState state = row == null ? SectionState.DA_COMPILARE : content(row).state(section, previous != null);
            long unconfirmed = row == null ? 0 : row.getAnswers().stream().filter(a -> !a.isConfirmed()).count();
            toConfirm += (int) unconfirmed;
            // Answers carried over from last year count only once somebody has confirmed them.
            states.put(section.number(), state == SectionState.COMPLETA && unconfirmed > 0 ? SectionState.PARZIALE : state);
        }
        return new ReportOverview(report.getId(), report.getAdministrationId(), administration.name(),
                report.getYear(), report.getStatus(), questionnaire, states, previous, toConfirm);
    }

    private static StoredSection stored(ReportSection section) {
        return new StoredSection(section.getVersion(), content(section), section.getUpdatedAt(),
                section.getUpdatedBy(), section.getAnswers().stream().filter(a -> !a.isConfirmed())
                        .map(ReportAnswer::getQuestionId).collect(Collectors.toSet()));
    }

    private static SectionContent content(ReportSection section) {
        Map<Long, AnswerContent> answers = new HashMap<>();
        for (ReportAnswer answer : section.getAnswers()) {
            answers.put(answer.getQuestionId(), new AnswerContent(answer.getChoice(), answer.getMotivation(),
                    answer.getExamples(), answer.getEntries()));
        }
        return new SectionContent(section.getAnnotations(), section.getVariations(), section.getBody(), answers);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
