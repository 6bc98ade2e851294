package it.oivreport;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo reads as a real history: each report dated in its own cycle, "//" as empty, the next cycle carried. */
@IntegrationTest
class DemoDataTests {

    @Autowired
    JdbcClient jdbc;

    private long report(int year) {
        return jdbc.sql("""
                select r.id from report r join administration a on a.id = r.administration_id
                where a.name = 'Camera di Commercio di Brescia' and r.year = ?""").param(year).query(Long.class).single();
    }

    private static int yearOf(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.of("Europe/Rome")).getYear();
    }

    @Test
    void theTwentyTwentyReportWasWrittenReviewedAndApprovedInTwentyTwenty() {
        long id = report(2020);
        assertThat(yearOf(jdbc.sql("select created_at from report where id = ?").param(id)
                .query(OffsetDateTime.class).single())).isEqualTo(2020);
        List<OffsetDateTime> saved = jdbc.sql("select updated_at from report_section where report_id = ? and updated_at is not null")
                .param(id).query(OffsetDateTime.class).list();
        assertThat(saved).isNotEmpty().allSatisfy(at -> assertThat(yearOf(at)).isEqualTo(2020));
        List<OffsetDateTime> transitions = jdbc.sql("select happened_at from report_transition where report_id = ? order by id")
                .param(id).query(OffsetDateTime.class).list();
        // Sent for review, then one entry per approval, the third moving the report to approved.
        assertThat(transitions).hasSize(4).allSatisfy(at -> {
            assertThat(yearOf(at)).isEqualTo(2020);
            // Approved in the first months of the cycle.
            assertThat(at.atZoneSameInstant(ZoneId.of("Europe/Rome")).getMonthValue()).isLessThanOrEqualTo(3);
        });
        assertThat(transitions.get(0)).isAfter(saved.stream().max(OffsetDateTime::compareTo).orElseThrow());
        assertThat(transitions).isSorted();
        List<OffsetDateTime> approvals = jdbc.sql("select approved_at from report_approval where report_id = ? order by approved_at")
                .param(id).query(OffsetDateTime.class).list();
        assertThat(approvals).hasSize(3).allSatisfy(at -> assertThat(yearOf(at)).isEqualTo(2020));
        assertThat(approvals).containsExactlyElementsOf(transitions.subList(1, 4));
    }

    @Test
    void theTwentyTwentyOneDraftAndItsEvidenceAreDatedInTwentyTwentyOne() {
        long id = report(2021);
        assertThat(yearOf(jdbc.sql("select created_at from report where id = ?").param(id)
                .query(OffsetDateTime.class).single())).isEqualTo(2021);
        assertThat(jdbc.sql("select uploaded_at from evidence where report_id = ?").param(id).query(OffsetDateTime.class).list())
                .isNotEmpty().allSatisfy(at -> assertThat(yearOf(at)).isEqualTo(2021));
    }

    @Test
    void aDoubleSlashInThePaperReportIsStoredAsEmpty() {
        // Section 13's annotations read "//" in the 2020 report.
        assertThat(jdbc.sql("""
                select s.annotations from report_section s join questionnaire_section q on q.id = s.section_id
                where s.report_id = ? and q.number = 13""").param(report(2020)).query(String.class).list()).containsExactly((String) null);
        assertThat(jdbc.sql("select count(*) from report_section where annotations = '//' or body = '//' or variations = '//'")
                .query(Long.class).single()).isZero();
    }
}
