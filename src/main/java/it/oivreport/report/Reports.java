package it.oivreport.report;

import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.questionnaire.Questionnaires;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating reports and filling them in, section by section. */
@Service
public class Reports {

    private final ReportRepository reports;
    private final ReportSectionRepository sections;
    private final Questionnaires questionnaires;
    private final Clock clock;

    Reports(ReportRepository reports, ReportSectionRepository sections, Questionnaires questionnaires, Clock clock) {
        this.reports = reports;
        this.sections = sections;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    /** Creates a report on the newest questionnaire, with every section still to fill in. */
    @Transactional
    public long create(String administrationName, int year, String username) {
        String name = administrationName.strip();
        reports.findByAdministrationAndYear(name, year).ifPresent(existing -> {
            throw new DuplicateReportException(existing.getId());
        });
        QuestionnaireDefinition questionnaire = questionnaires.newest();
        Report report;
        try {
            report = reports.saveAndFlush(new Report(name, year, questionnaire.id(), clock.instant(), username));
        } catch (DataIntegrityViolationException raceWithAnotherCreation) {
            throw new DuplicateReportException(reports.findByAdministrationAndYear(name, year)
                    .map(Report::getId).orElse(0L));
        }
        for (SectionDefinition section : questionnaire.sections()) {
            sections.save(new ReportSection(report, section.id()));
        }
        return report.getId();
    }

    @Transactional(readOnly = true)
    public List<ReportSummary> list() {
        List<Report> all = reports.findAllByOrderByYearDescAdministrationNameAsc();
        // One query for the sections of every report, not one per report.
        Map<Long, List<ReportSection>> sectionsByReport = sections
                .findAllWithAnswersOfReports(all.stream().map(Report::getId).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.getReport().getId()));
        return all.stream().map(report -> {
            ReportOverview overview = overview(report, sectionsByReport.getOrDefault(report.getId(), List.of()));
            return new ReportSummary(report.getId(), report.getAdministrationName(), report.getYear(),
                    report.getStatus(), (int) overview.completeSections(), overview.totalSections());
        }).toList();
    }

    @Transactional(readOnly = true)
    public ReportOverview overview(long reportId) {
        return overview(find(reportId), sections.findAllWithAnswers(reportId));
    }

    @Transactional(readOnly = true)
    public SectionPage section(long reportId, int sectionNumber) {
        Report report = find(reportId);
        List<ReportSection> all = sections.findAllWithAnswers(reportId);
        ReportOverview overview = overview(report, all);
        SectionDefinition definition = overview.questionnaire().section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        ReportSection stored = all.stream().filter(s -> s.getSectionId() == definition.id()).findFirst()
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        return new SectionPage(overview, definition, stored(stored));
    }

    /** The whole report, read at one moment: its overview and every section's content by section number. */
    @Transactional(readOnly = true)
    public ReportDocument document(long reportId) {
        Report report = find(reportId);
        List<ReportSection> all = sections.findAllWithAnswers(reportId);
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
     * throws {@link SectionConflictException} with what is stored now, and changes nothing. Fields the
     * section does not have, and answers to questions of other sections, are ignored.
     */
    @Transactional
    public long saveSection(long reportId, int sectionNumber, long expectedVersion, SectionContent input,
            String username) {
        Report report = find(reportId);
        SectionDefinition definition = questionnaires.byId(report.getQuestionnaireVersionId()).section(sectionNumber)
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        ReportSection section = sections.findWithAnswers(reportId, definition.id())
                .orElseThrow(() -> new NotFoundException("section " + sectionNumber));
        if (section.getVersion() != expectedVersion) {
            throw new SectionConflictException(stored(section));
        }
        for (QuestionDefinition question : definition.questions()) {
            AnswerContent answer = input.answer(question.id());
            String choice = question.kind().isChoice() ? blankToNull(answer.choice()) : null;
            if (choice != null && question.option(choice).isEmpty()) {
                throw new IllegalArgumentException("invalid choice for question " + question.code());
            }
            List<String> entries = question.hasList() ? answer.entries() : List.of();
            section.answerFor(question.id()).update(choice, blankToNull(answer.motivation()),
                    blankToNull(answer.examples()), entries);
        }
        section.update(definition.hasAnnotations() ? blankToNull(input.annotations()) : null,
                blankToNull(input.variations()), definition.hasTextField() ? blankToNull(input.body()) : null,
                clock.instant(), username);
        // Flush now, so that a concurrent save surfaces here as an optimistic-lock failure.
        sections.saveAndFlush(section);
        return section.getVersion();
    }

    private Report find(long reportId) {
        return reports.findById(reportId).orElseThrow(() -> new NotFoundException("report " + reportId));
    }

    private ReportOverview overview(Report report, List<ReportSection> stored) {
        QuestionnaireDefinition questionnaire = questionnaires.byId(report.getQuestionnaireVersionId());
        Map<Long, ReportSection> byId = new HashMap<>();
        stored.forEach(s -> byId.put(s.getSectionId(), s));
        Map<Integer, SectionState> states = new LinkedHashMap<>();
        for (SectionDefinition section : questionnaire.sections()) {
            ReportSection row = byId.get(section.id());
            states.put(section.number(), row == null ? SectionState.DA_COMPILARE : content(row).state(section));
        }
        return new ReportOverview(report.getId(), report.getAdministrationName(), report.getYear(),
                report.getStatus(), questionnaire, states);
    }

    private static StoredSection stored(ReportSection section) {
        return new StoredSection(section.getVersion(), content(section), section.getUpdatedAt(),
                section.getUpdatedBy());
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
