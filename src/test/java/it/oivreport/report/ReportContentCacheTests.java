package it.oivreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.administration.AdministrationDetails;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.SectionPage;
import it.oivreport.shared.db.SqlStatements;
import it.oivreport.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A report's sections are kept in memory under the report's content version, which the database raises on
 * every change to its sections or answers (V13): pages after the first skip the sections' query, and any
 * change, also one made with plain SQL, is seen by the next read. Committed for real (no test transaction),
 * because only read-only transactions use the memory; the report is removed afterwards.
 */
@IntegrationTest
class ReportContentCacheTests {

    @Autowired
    Reports reports;

    @Autowired
    Administrations administrations;

    @Autowired
    ReportRepository reportRepository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    long administrationId;
    long reportId;

    @BeforeEach
    void createReport() {
        administrationId = administrations.create(new AdministrationDetails("Comune cache " + UUID.randomUUID(),
                AdministrationType.COMUNE, null, null, OivComposition.MONOCRATICO, null));
        reportId = reports.create(administrationId, 2026, "oiv");
    }

    @AfterEach
    void removeReport() {
        jdbc.update("delete from report where id = ?", reportId);
        jdbc.update("delete from administration where id = ?", administrationId);
    }

    ReportAccess.Access access() {
        return ReportAccess.system(reportRepository.findById(reportId).orElseThrow(), "oiv");
    }

    long contentVersion() {
        return jdbc.queryForObject("select content_version from report where id = ?", Long.class, reportId);
    }

    /** Reads section 1 in a read-only transaction, as a page does, and counts its statements. */
    record Read(SectionPage page, int statements) {
    }

    Read readSection(ReportAccess.Access access) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> {
            SqlStatements.reset();
            SectionPage page = reports.section(access, 1);
            return new Read(page, SqlStatements.count());
        });
    }

    @Test
    void everyChangeToSectionsOrAnswersRaisesTheContentVersion() {
        long created = contentVersion();
        long sectionId = jdbc.queryForObject("select min(id) from report_section where report_id = ?", Long.class, reportId);
        jdbc.update("update report_section set annotations = 'a' where id = ?", sectionId);
        assertThat(contentVersion()).isEqualTo(created + 1);
        jdbc.update("insert into report_answer (report_section_id, question_id, motivation) "
                + "select ?, q.id, 'm' from questionnaire_question q join questionnaire_section s on s.id = q.section_id "
                + "join report_section rs on rs.section_id = s.id where rs.id = ? limit 1", sectionId, sectionId);
        assertThat(contentVersion()).isEqualTo(created + 2);
        jdbc.update("update report_answer set motivation = 'n' where report_section_id = ?", sectionId);
        assertThat(contentVersion()).isEqualTo(created + 3);
        jdbc.update("delete from report_answer where report_section_id = ?", sectionId);
        assertThat(contentVersion()).isEqualTo(created + 4);
        // A status change is not a change of content.
        jdbc.update("update report set version = version + 1 where id = ?", reportId);
        assertThat(contentVersion()).isEqualTo(created + 4);
    }

    @Test
    void aSecondReadSkipsTheSectionsQueryAndAnyChangeIsSeenAtOnce() {
        Read first = readSection(access());
        Read second = readSection(access());
        assertThat(second.statements()).isLessThan(first.statements());
        assertThat(second.page().stored()).isEqualTo(first.page().stored());

        // Saved through the application: the next read shows it.
        QuestionDefinition question = first.page().section().questions().get(0);
        reports.saveSection(access(), 1, first.page().stored().version(), new SectionContent(null, null, null,
                Map.of(question.id(), new AnswerContent(null, "Scritta dall'OIV.", null, null))));
        Read afterSave = readSection(access());
        assertThat(afterSave.page().stored().content().answer(question.id()).motivation()).isEqualTo("Scritta dall'OIV.");

        // Changed behind the application's back, with plain SQL: seen as well.
        jdbc.update("update report_answer set motivation = 'Corretta a mano.' where question_id = ? and report_section_id in "
                + "(select id from report_section where report_id = ?)", question.id(), reportId);
        Read afterSql = readSection(access());
        assertThat(afterSql.page().stored().content().answer(question.id()).motivation()).isEqualTo("Corretta a mano.");
        assertThat(afterSql.statements()).isEqualTo(first.statements());
        assertThat(readSection(access()).statements()).isEqualTo(second.statements());
    }
}
