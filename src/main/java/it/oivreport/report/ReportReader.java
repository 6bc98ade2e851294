package it.oivreport.report;

import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.StoredSection;
import it.oivreport.shared.web.RequestMemo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The report module's reads, each done once per request (see {@link RequestMemo}): a page that shows a
 * report reads its row once, its sections with their answers once, and the previous cycle's report once,
 * however many modules contribute to the page. Writes never use these views: they load entities, and
 * call {@link #forget()} first.
 *
 * <p>A report's sections are also kept in memory across requests, under the report's content version: the
 * database raises that number in the same transaction as any change to the report's sections or answers
 * (migration V13), and every page reads the report's row anyway, so a page finds out for free whether what
 * is in memory is still what is stored. Only read-only transactions use the memory: a write reads what it
 * changes from the database.
 */
@Component
class ReportReader {

    private static final String KEY = "report:";

    private final ReportRepository reports;
    private final ReportSectionRepository sections;
    private final Cache<Long, Kept> kept;

    ReportReader(ReportRepository reports, ReportSectionRepository sections,
            @Value("${oiv.cache.report-contents:500}") long keptReports) {
        this.reports = reports;
        this.sections = sections;
        this.kept = Caffeine.newBuilder().maximumSize(keptReports).build();
    }

    /** A report's own row, as read at one moment. */
    record ReportRow(long id, long administrationId, int year, long questionnaireVersionId, ReportStatus status,
            long version, int revision, Long correctsReportId, long contentVersion, String correctionReason) {

        static ReportRow of(Report report) {
            return new ReportRow(report.getId(), report.getAdministrationId(), report.getYear(),
                    report.getQuestionnaireVersionId(), report.getStatus(), report.getVersion(), report.getRevision(),
                    report.getCorrectsReportId(), report.getContentVersion(), report.getCorrectionReason());
        }
    }

    /** A report's sections as stored at one content version. */
    private record Kept(long contentVersion, StoredSections sections) {
    }

    /** Every stored section of a report, by questionnaire section id. */
    record StoredSections(Map<Long, StoredSection> bySectionId) {
    }

    private record Previous(Optional<ReportRow> row) {
    }

    @Transactional(readOnly = true)
    public Optional<ReportRow> row(long reportId) {
        return Optional.ofNullable(RequestMemo.get(KEY + "row:" + reportId,
                () -> reports.findById(reportId).map(ReportRow::of).orElse(null)));
    }

    @Transactional(readOnly = true)
    public StoredSections sections(ReportRow report) {
        return RequestMemo.get(KEY + "sections:" + report.id(), () -> {
            boolean keep = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
            if (keep) {
                Kept known = kept.getIfPresent(report.id());
                if (known != null && known.contentVersion() == report.contentVersion()) {
                    return known.sections();
                }
            }
            StoredSections read = new StoredSections(sections.findAllWithAnswers(report.id()).stream()
                    .collect(Collectors.toUnmodifiableMap(ReportSection::getSectionId, ReportReader::stored)));
            if (keep) {
                // Read in the same transaction as the row, or later: never older than its content version.
                kept.asMap().merge(report.id(), new Kept(report.contentVersion(), read),
                        (old, now) -> old.contentVersion() > now.contentVersion() ? old : now);
            }
            return read;
        });
    }

    /** The previous cycle's report: the same administration's nearest earlier year, its latest revision. */
    @Transactional(readOnly = true)
    public Optional<ReportRow> previous(ReportRow report) {
        return RequestMemo.get(KEY + "previous:" + report.id(), () -> new Previous(reports
                .findFirstByAdministrationIdAndYearLessThanOrderByYearDescRevisionDesc(report.administrationId(),
                        report.year())
                .map(ReportRow::of)
                .map(row -> {
                    // Remembered under its own id too: the comparison then reads it as a report of its own.
                    RequestMemo.get(KEY + "row:" + row.id(), () -> row);
                    return row;
                }))).row();
    }

    /** Called by every write, before it reads: what the request reads afterwards is read again. */
    void forget() {
        RequestMemo.forget(KEY);
    }

    static StoredSection stored(ReportSection section) {
        java.util.Set<ReportViews.SectionText> texts = java.util.EnumSet.noneOf(ReportViews.SectionText.class);
        if (!section.isBodyConfirmed()) {
            texts.add(ReportViews.SectionText.BODY);
        }
        if (!section.isAnnotationsConfirmed()) {
            texts.add(ReportViews.SectionText.ANNOTATIONS);
        }
        return new StoredSection(section.getVersion(), content(section), section.getUpdatedAt(),
                section.getUpdatedBy(), section.getAnswers().stream().filter(a -> !a.isConfirmed())
                        .map(ReportAnswer::getQuestionId).collect(Collectors.toSet()), texts,
                section.getNoChangeReason() == null ? null : new ReportViews.NoChangeOverride(
                        section.getNoChangeReason(), section.getNoChangeBy(), section.getNoChangeAt()));
    }

    static SectionContent content(ReportSection section) {
        Map<Long, AnswerContent> answers = new HashMap<>();
        for (ReportAnswer answer : section.getAnswers()) {
            answers.put(answer.getQuestionId(), new AnswerContent(answer.getChoice(), answer.getMotivation(),
                    answer.getExamples(), answer.getEntries()));
        }
        return new SectionContent(section.getAnnotations(), section.getVariations(), section.getBody(), answers);
    }
}
