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
import it.oivreport.shared.Refusal;
import it.oivreport.shared.ReportActivity.Kind;
import it.oivreport.shared.web.NotFoundException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ReportReader reader;
    private final Clock clock;
    private final ReportActivities activities;
    private final AnswerHistory history;

    Reports(ReportRepository reports, ReportSectionRepository sections, Questionnaires questionnaires,
            Administrations administrations, ReportAccess access, ReportReader reader, Clock clock,
            ReportActivities activities, AnswerHistory history) {
        this.activities = activities;
        this.history = history;
        this.reader = reader;
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
     * The report this user would collide with by creating one for this administration and year: checked before
     * creating, so that the form can say so and link to it. Empty when there is none, or when the user may not
     * create reports there (creating then says that).
     */
    @Transactional(readOnly = true)
    public Optional<Long> existing(long administrationId, int year, AccountPrincipal user) {
        if (!access.canCreateIn(administrationId, user)) {
            return Optional.empty();
        }
        return reports.findFirstByAdministrationIdAndYearOrderByRevisionDesc(administrationId, year).map(Report::getId);
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
        reader.forget();
        long id = create(administrationId, year, user.getUsername());
        if (fromPrevious) {
            copyPrevious(id);
        }
        activities.publish(Kind.REPORT_CREATED, id, administrationId, null, user.getUsername(),
                fromPrevious ? "FROM_PREVIOUS" : null);
        return id;
    }

    /**
     * Creates an earlier cycle's report from what was imported from its document, already reviewed by the
     * user: the answers and section texts by section number, as they were then (nothing to confirm), and the
     * report IMPORTATO, read-only from then on. The same rules as a new report: the user may create reports in
     * the administration, and the year has none yet.
     */
    @Transactional
    public long createImported(long administrationId, int year, AccountPrincipal user,
            Map<Integer, SectionContent> content) {
        if (!access.canCreateIn(administrationId, user)) {
            throw new AccessDeniedException("not an OIV member of administration " + administrationId);
        }
        reader.forget();
        long id = create(administrationId, year, user.getUsername());
        Report report = reports.findById(id).orElseThrow();
        QuestionnaireDefinition questionnaire = questionnaires.byId(report.getQuestionnaireVersionId());
        Map<Long, ReportSection> mine = sections.findAllWithAnswers(id).stream()
                .collect(Collectors.toMap(ReportSection::getSectionId, Function.identity()));
        for (SectionDefinition definition : questionnaire.sections()) {
            SectionContent input = content.get(definition.number());
            if (input == null) {
                continue;
            }
            ReportSection section = mine.get(definition.id());
            for (QuestionDefinition question : definition.questions()) {
                StoredAnswer answer = StoredAnswer.of(question, input.answer(question.id()));
                if (answer.choice() != null && question.option(answer.choice()).isEmpty()) {
                    throw new IllegalArgumentException("invalid choice for question " + question.code());
                }
                section.answerFor(question.id()).update(answer.choice(), answer.motivation(), answer.examples(),
                        answer.entries());
            }
            section.update(definition.hasAnnotations() ? blankToNull(input.annotations()) : null,
                    blankToNull(input.variations()), definition.hasTextField() ? blankToNull(input.body()) : null,
                    clock.instant(), user.getUsername());
        }
        report.changeStatus(ReportStatus.IMPORTATO);
        activities.publish(Kind.REPORT_IMPORTED, id, administrationId, null, user.getUsername(), null);
        return id;
    }

    /**
     * Whether this user may delete this imported report now: an OIV member or an administrator, and no later
     * report of its administration exists (one may have started from it).
     */
    @Transactional(readOnly = true)
    public boolean canDeleteImported(Access access) {
        Report report = load(access);
        return report.getStatus() == ReportStatus.IMPORTATO && (access.isOivMember() || access.isAdmin())
                && !reports.existsByAdministrationIdAndYearGreaterThan(report.getAdministrationId(), report.getYear());
    }

    /**
     * Deletes an imported report, with its answers and its source document, until a later report has started:
     * refused for a report that was not imported ({@code import.delete.notImported}) and once a later one exists
     * ({@code import.delete.later}).
     */
    @Transactional
    public void deleteImported(Access access) {
        if (!access.isOivMember() && !access.isAdmin()) {
            throw new AccessDeniedException("report " + access.reportId() + " is not deletable by this user");
        }
        Report report = load(access);
        if (report.getStatus() != ReportStatus.IMPORTATO) {
            throw Refusal.conflict("import.delete.notImported");
        }
        if (reports.existsByAdministrationIdAndYearGreaterThan(report.getAdministrationId(), report.getYear())) {
            throw Refusal.conflict("import.delete.later", report.getYear());
        }
        reader.forget();
        reports.delete(report);
        activities.publish(Kind.REPORT_DELETED, access, null, Integer.toString(report.getYear()));
    }

    /** The questionnaire a new report is created on: what an import is read against. */
    public QuestionnaireDefinition questionnaireForNewReports() {
        return questionnaires.newest();
    }

    @Transactional
    void copyPrevious(long reportId) {
        Report report = reports.findById(reportId).orElseThrow();
        reports.findFirstByAdministrationIdAndYearLessThanOrderByYearDescRevisionDesc(report.getAdministrationId(), report.getYear())
                .ifPresent(previous -> {
                    QuestionnaireDefinition before = questionnaires.byId(previous.getQuestionnaireVersionId());
                    Map<Long, QuestionDefinition> oldQuestions = new HashMap<>();
                    before.questions().forEach(q -> oldQuestions.put(q.id(), q));
                    Map<Long, Integer> oldNumbers = new HashMap<>();
                    before.sections().forEach(s -> oldNumbers.put(s.id(), s.number()));
                    Map<String, ReportAnswer> byCode = new HashMap<>();
                    Map<Integer, ReportSection> oldSections = new HashMap<>();
                    for (ReportSection section : sections.findAllWithAnswers(previous.getId())) {
                        oldSections.put(oldNumbers.get(section.getSectionId()), section);
                        section.getAnswers().forEach(a -> byCode.put(oldQuestions.get(a.getQuestionId()).code(), a));
                    }
                    QuestionnaireDefinition now = questionnaires.byId(report.getQuestionnaireVersionId());
                    Map<Long, ReportSection> mine = sections.findAllWithAnswers(reportId).stream()
                            .collect(Collectors.toMap(ReportSection::getSectionId, Function.identity()));
                    for (SectionDefinition section : now.sections()) {
                        ReportSection target = mine.get(section.id());
                        for (QuestionDefinition question : section.questions()) {
                            ReportAnswer old = byCode.get(question.code());
                            // An answer left empty last year is nothing to confirm: the question starts empty.
                            if (old != null && !isEmpty(new AnswerContent(old.getChoice(), old.getMotivation(),
                                    old.getExamples(), old.getEntries()))) {
                                AnswerContent carried = AnswerMapping.map(oldQuestions.get(old.getQuestionId()),
                                        question, new AnswerContent(old.getChoice(), old.getMotivation(),
                                                old.getExamples(), old.getEntries()));
                                target.answerFor(question.id()).carry(carried.choice(), carried.motivation(),
                                        carried.examples(), carried.entries());
                            }
                        }
                        // The section's own texts come forward too, by section number, to be confirmed.
                        ReportSection old = oldSections.get(section.number());
                        if (old != null) {
                            target.carryTexts(section.hasAnnotations() ? old.getAnnotations() : null,
                                    section.hasTextField() ? old.getBody() : null);
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
        reader.forget();
        Report report = load(access);
        SectionDefinition definition = questionnaires.byId(report.getQuestionnaireVersionId()).section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        ReportSection section = sections.findWithAnswers(report.getId(), definition.id())
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        if (section.getVersion() != expectedVersion) {
            throw new SectionConflictException(ReportReader.stored(section));
        }
        section.getAnswers().stream().filter(a -> questionIds.isEmpty() || questionIds.contains(a.getQuestionId()))
                .forEach(ReportAnswer::confirm);
        if (questionIds.isEmpty()) {
            section.confirmTexts(false, false);
        }
        section.update(section.getAnnotations(), section.getVariations(), section.getBody(), clock.instant(),
                access.username());
        sections.saveAndFlush(section);
        activities.publish(Kind.ANSWERS_CONFIRMED, access, sectionNumber, null);
    }

    /** An answer as it is stored: blanks are null, and only the fields the question has. */
    private record StoredAnswer(String choice, String motivation, String examples, List<String> entries) {

        static StoredAnswer of(QuestionDefinition question, AnswerContent answer) {
            return new StoredAnswer(question.kind().isChoice() ? blankToNull(answer.choice()) : null,
                    blankToNull(answer.motivation()), question.hasExamples() ? blankToNull(answer.examples()) : null,
                    question.hasList() ? answer.entries().stream().filter(e -> !isPlaceholder(e)).toList() : List.of());
        }

        boolean sameAs(ReportAnswer stored) {
            return stored.sameAs(choice, motivation, examples, entries);
        }
    }

    /** Whether saving would store exactly what the section holds now (only what this user may edit). */
    private static boolean sameAsStored(Access access, SectionDefinition definition, ReportSection section,
            String annotations, String variations, String body, SectionContent input) {
        if (!java.util.Objects.equals(annotations, section.getAnnotations())) {
            return false;
        }
        if (!access.canEditAnswers()) {
            return true;
        }
        return java.util.Objects.equals(variations, section.getVariations())
                && java.util.Objects.equals(body, section.getBody())
                && definition.questions().stream().allMatch(question ->
                        StoredAnswer.of(question, input.answer(question.id())).sameAs(section.answerFor(question.id())));
    }

    long create(long administrationId, int year, String username) {
        return create(administrationId, year, username, questionnaires.newest());
    }

    /** Creates a report on a given questionnaire version: the newest for users; an older one in tests. */
    long create(long administrationId, int year, String username, QuestionnaireDefinition questionnaire) {
        administrations.find(administrationId).filter(AdministrationView::active)
                .orElseThrow(() -> new NotFoundException("administration " + administrationId));
        reports.findFirstByAdministrationIdAndYearOrderByRevisionDesc(administrationId, year).ifPresent(existing -> {
            throw new DuplicateReportException(existing.getId());
        });
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
     * once; asking again gives the existing rettifica. A new rettifica needs its reason
     * ({@code correction.reason.required}, at most {@value #MAX_CORRECTION_REASON} characters).
     */
    @Transactional
    public long startCorrection(Access signed, String username, String reason) {
        reader.forget();
        Report original = load(signed);
        if (original.getStatus() != ReportStatus.FIRMATO || !(signed.isOivMember() || signed.isAdmin())) {
            throw new AccessDeniedException("report " + original.getId() + " cannot be corrected by " + username);
        }
        java.util.Optional<Report> existing = reports.findByCorrectsReportId(original.getId());
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        String why = blankToNull(reason);
        if (why == null) {
            throw Refusal.badRequest("correction.reason.required");
        }
        if (why.length() > MAX_CORRECTION_REASON) {
            throw Refusal.badRequest("correction.reason.tooLong", MAX_CORRECTION_REASON);
        }
        Report correction = reports.saveAndFlush(Report.correcting(original, clock.instant(), username, why.strip()));
        for (ReportSection from : sections.findAllWithAnswers(original.getId())) {
            ReportSection to = new ReportSection(correction, from.getSectionId());
            to.update(from.getAnnotations(), from.getVariations(), from.getBody(), clock.instant(), username);
            for (ReportAnswer answer : from.getAnswers()) {
                to.answerFor(answer.getQuestionId()).update(answer.getChoice(), answer.getMotivation(),
                        answer.getExamples(), answer.getEntries());
            }
            sections.save(to);
        }
        activities.publish(Kind.CORRECTION_STARTED, original.getId(), original.getAdministrationId(), null, username,
                why.strip());
        activities.publish(Kind.REPORT_CREATED, correction.getId(), original.getAdministrationId(), null, username,
                "CORRECTION");
        return correction.getId();
    }

    static final int MAX_CORRECTION_REASON = 2000;

    /**
     * How a report relates to rettifiche: its revision, the report it corrects, the one correcting it, and
     * why it was started (null for an original, and for rettifiche started before reasons were asked).
     */
    public record Revision(int revision, Long corrects, Long correctedBy, String reason) {

        public Revision(int revision, Long corrects, Long correctedBy) {
            this(revision, corrects, correctedBy, null);
        }
    }

    @Transactional(readOnly = true)
    public Revision revision(Access access) {
        ReportReader.ReportRow report = find(access);
        return new Revision(report.revision(), report.correctsReportId(),
                reports.findByCorrectsReportId(report.id()).map(Report::getId).orElse(null), report.correctionReason());
    }

    /**
     * The reports of the administrations the user works for, newest year first: what a member's Cruscotto
     * shows. Bounded by the user's memberships (an administrator has none: their home counts instead).
     */
    @Transactional(readOnly = true)
    public List<ReportSummary> ofOwnAdministrations(AccountPrincipal user) {
        java.util.Set<Long> ids = access.ownAdministrations(user);
        return ids.isEmpty() ? List.of() : summaries(reports.findByAdministrationIdInOrderByYearDesc(ids));
    }

    /** What the reports list is filtered by; nulls mean any. */
    public record ReportQuery(String administrationName, Integer year, ReportStatus status) {
    }

    /** Administrations matched by a name search beyond which the user is asked to narrow it. */
    static final int MAX_NAME_MATCHES = 500;

    /**
     * A page of the reports the user may see: of their own administrations, or of all for an administrator.
     * Empty when the administration name matches nothing, or more than {@link #MAX_NAME_MATCHES}.
     */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<ReportSummary> search(AccountPrincipal user, ReportQuery query,
            org.springframework.data.domain.Pageable pageable) {
        java.util.Optional<java.util.Set<Long>> visible = access.visibleAdministrations(user);
        java.util.Set<Long> ids = visible.orElse(java.util.Set.of());
        boolean every = visible.isEmpty();
        if (query.administrationName() != null && !query.administrationName().isBlank()) {
            List<Long> named = administrations.idsByName(query.administrationName(), MAX_NAME_MATCHES + 1);
            java.util.Set<Long> matching = new java.util.HashSet<>(named);
            if (!every) {
                matching.retainAll(ids);
            }
            ids = named.size() > MAX_NAME_MATCHES ? java.util.Set.of() : matching;
            every = false;
        }
        if (!every && ids.isEmpty()) {
            return org.springframework.data.domain.Page.empty(pageable);
        }
        var matching = ReportRepository.matching(every ? null : ids, query.year(), query.status());
        var slice = reports.findBy(matching, q -> q.slice(pageable));
        long total;
        if (every && query.year() == null) {
            // Every report, or every report in one status: the counts the database keeps, not a count(*).
            Map<ReportStatus, Long> counts = countByStatus();
            total = query.status() == null ? counts.values().stream().mapToLong(Long::longValue).sum()
                    : counts.get(query.status());
        } else {
            total = slice.hasNext() || pageable.getPageNumber() > 0 ? reports.count(matching)
                    : (long) slice.getNumberOfElements();
        }
        List<ReportSummary> rows = summaries(slice.getContent());
        return new org.springframework.data.domain.PageImpl<>(rows, pageable, total);
    }

    /** How many reports there are in each status, for the administrator's home. */
    @Transactional(readOnly = true)
    public Map<ReportStatus, Long> countByStatus() {
        Map<ReportStatus, Long> counts = new java.util.EnumMap<>(ReportStatus.class);
        for (ReportStatus status : ReportStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : reports.countByStatus()) {
            counts.put(ReportStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * Summaries with their progress, in the given order, from a fixed number of queries whatever the number
     * of reports: their administrations' names, which have a previous report, and which fields are filled
     * in (never the texts).
     */
    private List<ReportSummary> summaries(List<Report> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> ids = found.stream().map(Report::getId).toList();
        Map<Long, AdministrationView> names = administrations.mapByIds(
                found.stream().map(Report::getAdministrationId).collect(Collectors.toSet()));
        java.util.Set<Long> withPrevious = reports.withPrevious(ids);
        Map<Long, Map<Long, SectionProgress>> progress = progress(ids, found.stream()
                .collect(Collectors.toMap(Report::getId, Report::getQuestionnaireVersionId)));
        return found.stream().map(report -> {
            QuestionnaireDefinition questionnaire = questionnaires.byId(report.getQuestionnaireVersionId());
            Map<Long, SectionProgress> sectionsOf = progress.getOrDefault(report.getId(), Map.of());
            int complete = 0;
            for (SectionDefinition section : questionnaire.sections()) {
                SectionProgress p = sectionsOf.get(section.id());
                // As on the report page: answers carried over from last year count once confirmed.
                if (p != null && p.unconfirmed() == 0
                        && p.facts().state(section, withPrevious.contains(report.getId())) == SectionState.COMPLETA) {
                    complete++;
                }
            }
            return new ReportSummary(report.getId(), report.getAdministrationId(),
                    names.get(report.getAdministrationId()).name(), report.getYear(), report.getStatus(), complete,
                    questionnaire.sections().size());
        }).toList();
    }

    /** A section's filled-in fields and how many of its answers are still to confirm. */
    private record SectionProgress(ReportViews.SectionFacts facts, int unconfirmed) {
    }

    private Map<Long, Map<Long, SectionProgress>> progress(List<Long> reportIds, Map<Long, Long> questionnaireOf) {
        Map<Long, Map<Long, SectionProgress>> result = new HashMap<>();
        for (Object[] row : sections.factsOfReports(reportIds)) {
            long reportId = ((Number) row[0]).longValue();
            QuestionnaireDefinition questionnaire = questionnaires.byId(questionnaireOf.get(reportId));
            java.util.Set<Long> annotations = ids(row[2]), variations = ids(row[3]), bodies = ids(row[4]);
            java.util.Set<Long> choices = ids(row[5]), motivations = ids(row[6]), filled = ids(row[7]);
            java.util.Set<Long> toConfirm = ids(row[8]);
            Map<Long, SectionProgress> of = new HashMap<>();
            for (Long sectionId : ids(row[1])) {
                Map<Long, ReportViews.AnswerFacts> answers = new HashMap<>();
                questionnaire.sections().stream().filter(d -> d.id() == sectionId).findFirst()
                        .ifPresent(d -> d.questions().forEach(q -> answers.put(q.id(), new ReportViews.AnswerFacts(
                                choices.contains(q.id()), motivations.contains(q.id()), filled.contains(q.id()), false))));
                of.put(sectionId, new SectionProgress(new ReportViews.SectionFacts(annotations.contains(sectionId),
                        variations.contains(sectionId), bodies.contains(sectionId), answers),
                        toConfirm.contains(sectionId) ? 1 : 0));
            }
            result.put(reportId, of);
        }
        return result;
    }

    /** The ids in a PostgreSQL bigint[] column, as the driver returns it. */
    private static java.util.Set<Long> ids(Object column) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        Object array = column;
        if (column instanceof java.sql.Array sql) {
            try {
                array = sql.getArray();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (array instanceof Object[] values) {
            for (Object value : values) {
                ids.add(((Number) value).longValue());
            }
        } else if (array instanceof long[] values) {
            for (long value : values) {
                ids.add(value);
            }
        }
        return ids;
    }

    @Transactional(readOnly = true)
    public ReportOverview overview(Access access) {
        ReportReader.ReportRow report = find(access);
        return overview(report, reader.sections(report));
    }

    /** The questionnaire the report answers, without reading its answers. */
    @Transactional(readOnly = true)
    public QuestionnaireDefinition questionnaire(Access access) {
        return questionnaires.byId(find(access).questionnaireVersionId());
    }

    @Transactional(readOnly = true)
    public SectionPage section(Access access, int sectionNumber) {
        ReportReader.ReportRow report = find(access);
        ReportReader.StoredSections all = reader.sections(report);
        ReportOverview overview = overview(report, all);
        SectionDefinition definition = overview.questionnaire().section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        StoredSection stored = all.bySectionId().get(definition.id());
        if (stored == null) {
            throw new NotFoundException("section " + sectionNumber);
        }
        return new SectionPage(overview, definition, stored);
    }

    /**
     * The year of each of these reports that still exists, in one statement: for lists that name reports
     * they do not otherwise read (the administrators' audit log). No access check: the caller shows them to
     * administrators only.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> yearsOf(java.util.Collection<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        return reports.yearsOf(reportIds).stream().collect(Collectors.toMap(ReportRepository.IdAndYear::getId,
                ReportRepository.IdAndYear::getYear));
    }

    /** Versions a page of a question's Cronologia shows. */
    public static final int HISTORY_PAGE_SIZE = 50;

    /**
     * One page of a question's Cronologia, newest versions first ({@value #HISTORY_PAGE_SIZE} a page), with
     * the version before the page's oldest for its diff: as many statements however long the history.
     */
    @Transactional(readOnly = true)
    public ReportViews.AnswerHistoryPage answerHistory(Access access, int sectionNumber, String questionCode,
            int page) {
        ReportReader.ReportRow report = find(access);
        ReportOverview overview = overview(report, reader.sections(report));
        SectionDefinition section = overview.questionnaire().section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        QuestionDefinition question = question(section, questionCode)
                .orElseThrow(() -> new NotFoundException("question " + questionCode));
        int number = Math.max(0, page);
        List<ReportViews.AnswerVersion> rows = new java.util.ArrayList<>(
                history.newestFirst(report.id(), section.id(), question.id(), number, HISTORY_PAGE_SIZE));
        ReportViews.AnswerVersion before = rows.size() > HISTORY_PAGE_SIZE ? rows.remove(rows.size() - 1) : null;
        java.util.Collections.reverse(rows);
        return new ReportViews.AnswerHistoryPage(overview, section, question, rows, before,
                history.count(report.id(), section.id(), question.id()), number, HISTORY_PAGE_SIZE);
    }

    /** One version of a question's answer, to put back into the form; empty when there is no such version. */
    @Transactional(readOnly = true)
    public Optional<ReportViews.AnswerVersion> answerVersion(Access access, int sectionNumber, String questionCode,
            long revision) {
        ReportReader.ReportRow report = find(access);
        QuestionnaireDefinition questionnaire = questionnaires.byId(report.questionnaireVersionId());
        return questionnaire.section(sectionNumber).flatMap(section -> question(section, questionCode)
                        .flatMap(q -> history.version(report.id(), section.id(), q.id(), revision)))
                .filter(v -> !v.deleted());
    }

    private static Optional<QuestionDefinition> question(SectionDefinition section, String code) {
        return section.questions().stream().filter(q -> q.code().equals(code)).findFirst();
    }

    /** The whole report, read at one moment: its overview and every section's content by section number. */
    @Transactional(readOnly = true)
    public ReportDocument document(Access access) {
        ReportReader.ReportRow report = find(access);
        ReportReader.StoredSections all = reader.sections(report);
        ReportOverview overview = overview(report, all);
        Map<Integer, SectionContent> contents = new LinkedHashMap<>();
        java.util.Set<Long> toConfirm = new java.util.HashSet<>();
        Map<Integer, java.util.Set<ReportViews.SectionText>> textsToConfirm = new HashMap<>();
        Map<Integer, ReportViews.NoChangeOverride> overrides = new HashMap<>();
        for (SectionDefinition section : overview.questionnaire().sections()) {
            StoredSection stored = all.bySectionId().get(section.id());
            contents.put(section.number(), stored == null ? null : stored.content());
            if (stored != null) {
                toConfirm.addAll(stored.toConfirm());
                if (!stored.textsToConfirm().isEmpty()) {
                    textsToConfirm.put(section.number(), stored.textsToConfirm());
                }
                if (stored.noChangeOverride() != null) {
                    overrides.put(section.number(), stored.noChangeOverride());
                }
            }
        }
        return new ReportDocument(overview, contents, toConfirm, textsToConfirm, overrides);
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
        return saveSection(access, sectionNumber, expectedVersion, input,
                new SaveOptions(confirm, java.util.Set.of(), confirmAll, null));
    }

    /**
     * What a save confirms besides the content, and the reason given for "Nessuna variazione" where something
     * changed.
     *
     * @param confirm questions whose carried answers are confirmed as they are
     * @param confirmTexts section texts confirmed as they are
     * @param confirmAll everything carried in the section is confirmed
     * @param noChangeReason why "Nessuna variazione" holds although something changed; null when none is given
     */
    public record SaveOptions(java.util.Set<Long> confirm, java.util.Set<ReportViews.SectionText> confirmTexts,
            boolean confirmAll, String noChangeReason) {

        public SaveOptions {
            confirm = confirm == null ? java.util.Set.of() : java.util.Set.copyOf(confirm);
            confirmTexts = confirmTexts == null ? java.util.Set.of() : java.util.Set.copyOf(confirmTexts);
            noChangeReason = blankToNull(noChangeReason);
        }

        boolean confirmsAnything() {
            return confirmAll || !confirm.isEmpty() || !confirmTexts.isEmpty();
        }
    }

    /**
     * Saves a section. "Nessuna variazione" in a section where something changed since the previous cycle
     * is refused ({@code section.noChange.refused}) unless a reason is given: the reason is then recorded
     * with who gave it and when.
     */
    @Transactional
    public long saveSection(Access access, int sectionNumber, long expectedVersion, SectionContent input,
            SaveOptions options) {
        if (!access.canEditAnnotations()) {
            throw new AccessDeniedException("report " + access.reportId() + " is not editable by this user");
        }
        Changes changes = access.canEditAnswers() && saysNoVariation(input.variations())
                ? changesSincePrevious(access, sectionNumber, input) : Changes.NONE;
        reader.forget();
        Report report = load(access);
        if (report.getStatus() != ReportStatus.BOZZA) {
            throw new AccessDeniedException("report " + report.getId() + " is " + report.getStatus());
        }
        SectionDefinition definition = questionnaires.byId(report.getQuestionnaireVersionId()).section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        ReportSection section = sections.findWithAnswers(report.getId(), definition.id())
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        String annotations = definition.hasAnnotations() ? blankToNull(input.annotations()) : null;
        String variations = blankToNull(input.variations());
        String body = definition.hasTextField() ? blankToNull(input.body()) : null;
        if (section.getVersion() != expectedVersion) {
            if (!options.confirmsAnything()
                    && sameAsStored(access, definition, section, annotations, variations, body, input)) {
                // The same content sent again (a double click, a second tab): already saved, not a conflict.
                return section.getVersion();
            }
            throw new SectionConflictException(ReportReader.stored(section));
        }
        if (!changes.isEmpty() && options.noChangeReason() == null) {
            throw Refusal.conflict("section.noChange.conflict", changes.describe(definition));
        }
        boolean keepBody = !section.isBodyConfirmed() && java.util.Objects.equals(body, section.getBody());
        boolean keepAnnotations = !section.isAnnotationsConfirmed()
                && java.util.Objects.equals(annotations, section.getAnnotations());
        if (access.canEditAnswers()) {
            for (QuestionDefinition question : definition.questions()) {
                StoredAnswer answer = StoredAnswer.of(question, input.answer(question.id()));
                if (answer.choice() != null && question.option(answer.choice()).isEmpty()) {
                    throw new IllegalArgumentException("invalid choice for question " + question.code());
                }
                ReportAnswer stored = section.answerFor(question.id());
                boolean carriedAndUntouched = !stored.isConfirmed() && answer.sameAs(stored);
                stored.update(answer.choice(), answer.motivation(), answer.examples(), answer.entries());
                if (carriedAndUntouched && !options.confirmAll() && !options.confirm().contains(question.id())) {
                    stored.leaveToConfirm();
                }
            }
            section.update(annotations, variations, body, clock.instant(), access.username());
            section.confirmTexts(keepBody && !options.confirmAll()
                            && !options.confirmTexts().contains(ReportViews.SectionText.BODY),
                    keepAnnotations && !options.confirmAll()
                            && !options.confirmTexts().contains(ReportViews.SectionText.ANNOTATIONS));
            section.noChangeOverride(changes.isEmpty() ? null : options.noChangeReason(), clock.instant(),
                    access.username());
        } else {
            // Support staff save the annotations only; what they leave as carried stays to confirm.
            section.update(annotations, section.getVariations(), section.getBody(), clock.instant(), access.username());
            section.confirmTexts(!section.isBodyConfirmed(), keepAnnotations && !options.confirmAll()
                    && !options.confirmTexts().contains(ReportViews.SectionText.ANNOTATIONS));
        }
        // Flush now, so that a concurrent save surfaces here as an optimistic-lock failure.
        sections.saveAndFlush(section);
        activities.publish(Kind.SECTION_SAVED, access, sectionNumber, null);
        return section.getVersion();
    }

    /** The variations text that says nothing changed, as the button writes it. */
    public static final String NO_VARIATION = "Nessuna variazione";

    /** Whether a variations text says "Nessuna variazione", whatever its case, spacing or final full stop. */
    public static boolean saysNoVariation(String variations) {
        if (variations == null) {
            return false;
        }
        String normal = variations.strip().replaceAll("[.\\s]+$", "").replaceAll("\\s+", " ");
        return normal.equalsIgnoreCase(NO_VARIATION);
    }

    /**
     * What in a section differs from the previous cycle's report: the codes of answers that changed, are new
     * or are gone, and the section texts that changed. Compared as they would be stored, question by code
     * and section by number, so that two questionnaire versions compare too.
     */
    public record Changes(List<String> questionCodes, java.util.Set<ReportViews.SectionText> texts) {

        public static final Changes NONE = new Changes(List.of(), java.util.Set.of());

        public Changes {
            questionCodes = List.copyOf(questionCodes);
            texts = java.util.Set.copyOf(texts);
        }

        public boolean isEmpty() {
            return questionCodes.isEmpty() && texts.isEmpty();
        }

        /**
         * For messages: the codes, then the texts by their names; the annotations are named by the caller,
         * from the page's message bundle. (The refusal of a save that raced past the page names them as the
         * questionnaire's template does.)
         */
        public String describe(SectionDefinition section, String annotationsName) {
            List<String> names = new java.util.ArrayList<>(questionCodes);
            if (texts.contains(ReportViews.SectionText.BODY)) {
                names.add(section.textFieldLabel().toLowerCase(java.util.Locale.ITALIAN));
            }
            if (texts.contains(ReportViews.SectionText.ANNOTATIONS)) {
                names.add(annotationsName);
            }
            return String.join(", ", names);
        }

        public String describe(SectionDefinition section) {
            return describe(section, "annotazioni");
        }
    }

    /** {@link Changes} between what the user typed in a section and the previous cycle's report. */
    @Transactional(readOnly = true)
    public Changes changesSincePrevious(Access access, int sectionNumber, SectionContent input) {
        ReportReader.ReportRow report = find(access);
        Optional<ReportReader.ReportRow> previous = reader.previous(report);
        if (previous.isEmpty()) {
            return Changes.NONE;
        }
        SectionDefinition section = questionnaires.byId(report.questionnaireVersionId()).section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        QuestionnaireDefinition before = questionnaires.byId(previous.get().questionnaireVersionId());
        ReportReader.StoredSections old = reader.sections(previous.get());
        Map<String, QuestionDefinition> oldByCode = new HashMap<>();
        Map<String, AnswerContent> oldAnswers = new HashMap<>();
        for (SectionDefinition s : before.sections()) {
            StoredSection stored = old.bySectionId().get(s.id());
            for (QuestionDefinition q : s.questions()) {
                oldByCode.put(q.code(), q);
                oldAnswers.put(q.code(), stored == null ? AnswerContent.EMPTY : stored.content().answer(q.id()));
            }
        }
        List<String> codes = new java.util.ArrayList<>();
        java.util.Set<String> current = new java.util.HashSet<>();
        for (QuestionDefinition question : section.questions()) {
            current.add(question.code());
            StoredAnswer now = StoredAnswer.of(question, input.answer(question.id()));
            QuestionDefinition oldQuestion = oldByCode.get(question.code());
            StoredAnswer then = oldQuestion == null ? StoredAnswer.of(question, AnswerContent.EMPTY)
                    : StoredAnswer.of(question, AnswerMapping.map(oldQuestion, question, oldAnswers.get(question.code())));
            if (!now.equals(then)) {
                codes.add(question.code());
            }
        }
        Optional<SectionDefinition> oldSection = before.section(sectionNumber);
        oldSection.ifPresent(s -> s.questions().stream()
                .filter(q -> !current.contains(q.code()) && !isEmpty(oldAnswers.get(q.code())))
                .forEach(q -> codes.add(q.code())));
        java.util.Set<ReportViews.SectionText> texts = java.util.EnumSet.noneOf(ReportViews.SectionText.class);
        SectionContent was = oldSection.map(s -> old.bySectionId().get(s.id())).map(StoredSection::content)
                .orElse(new SectionContent(null, null, null, Map.of()));
        if (section.hasTextField() && !java.util.Objects.equals(blankToNull(input.body()), blankToNull(was.body()))) {
            texts.add(ReportViews.SectionText.BODY);
        }
        if (section.hasAnnotations()
                && !java.util.Objects.equals(blankToNull(input.annotations()), blankToNull(was.annotations()))) {
            texts.add(ReportViews.SectionText.ANNOTATIONS);
        }
        return new Changes(codes, texts);
    }

    private static boolean isEmpty(AnswerContent answer) {
        return blankToNull(answer.choice()) == null && blankToNull(answer.motivation()) == null
                && blankToNull(answer.examples()) == null && answer.entries().isEmpty();
    }

    /**
     * Moves the report from one status to another, if it is still in {@code from} and nobody changed it
     * since the user's page was loaded. The workflow's rules (who may, when) live in the review module.
     */
    @Transactional
    public void changeStatus(Access access, long expectedVersion, ReportStatus from, ReportStatus to) {
        reader.forget();
        Report report = load(access);
        if (report.getVersion() != expectedVersion || report.getStatus() != from) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Report.class, report.getId());
        }
        report.changeStatus(to);
        reports.saveAndFlush(report);
    }

    /** The report's lock version, for the workflow buttons' forms. */
    @Transactional(readOnly = true)
    public long version(Access access) {
        return find(access).version();
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
        return reader.previous(find(access))
                .map(previous -> document(ReportAccess.sameAdministration(access, previous)));
    }

    /** The report as this request read it. */
    private ReportReader.ReportRow find(Access access) {
        return reader.row(access.reportId())
                .orElseThrow(() -> new NotFoundException("report " + access.reportId()));
    }

    /** The report's entity, read now, for a write. */
    private Report load(Access access) {
        return reports.findById(access.reportId())
                .orElseThrow(() -> new NotFoundException("report " + access.reportId()));
    }

    private ReportOverview overview(ReportReader.ReportRow report, ReportReader.StoredSections stored) {
        return overview(report, administrations.find(report.administrationId()).orElseThrow(),
                reader.previous(report).map(p -> new ReportViews.PreviousReport(p.id(), p.year(), p.status())).orElse(null),
                stored.bySectionId());
    }

    private ReportOverview overview(ReportReader.ReportRow report, AdministrationView administration,
            ReportViews.PreviousReport previous, Map<Long, StoredSection> byId) {
        QuestionnaireDefinition questionnaire = questionnaires.byId(report.questionnaireVersionId());
        Map<Integer, SectionState> states = new LinkedHashMap<>();
        int toConfirm = 0;
        for (SectionDefinition section : questionnaire.sections()) {
            StoredSection row = byId.get(section.id());
            SectionState state = row == null ? SectionState.DA_COMPILARE : row.content().state(section, previous != null);
            int unconfirmed = row == null ? 0 : row.unconfirmed();
            toConfirm += unconfirmed;
            // Answers carried over from last year count only once somebody has confirmed them.
            states.put(section.number(), state == SectionState.COMPLETA && unconfirmed > 0 ? SectionState.PARZIALE : state);
        }
        return new ReportOverview(report.id(), report.administrationId(), administration.name(),
                report.year(), report.status(), questionnaire, states, previous, toConfirm);
    }

    /**
     * A text as stored: blanks, and the "//" placeholder paper reports use for "nothing here", are null, so
     * that they are empty everywhere (state, comparison, PDF) in one way. Line breaks are stored as {@code \n}:
     * a browser sends a textarea's as {@code \r\n}, and the same answer saved once from the form and once
     * otherwise must not read as changed.
     */
    static String blankToNull(String text) {
        return text == null || text.isBlank() || isPlaceholder(text) ? null
                : text.strip().replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean isPlaceholder(String text) {
        return text != null && text.strip().equals("//");
    }
}
