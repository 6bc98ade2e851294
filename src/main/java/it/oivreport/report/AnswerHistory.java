package it.oivreport.report;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every version of one answer, as Envers recorded it (report_answer_aud, with the revision's author and
 * time): read with one statement, oldest first.
 */
@Component
class AnswerHistory {

    private final JdbcClient jdbc;

    AnswerHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReportViews.AnswerVersion> of(long reportId, long sectionId, long questionId) {
        return jdbc.sql("""
                select a.rev, r.revision_timestamp, r.username, r.full_name, a.revtype, a.choice, a.motivation,
                    a.examples, a.entries, a.confirmed
                from report_answer_aud a
                join history_revision r on r.id = a.rev
                join report_section s on s.id = a.report_section_id
                where s.report_id = :report and s.section_id = :section and a.question_id = :question
                order by a.rev""")
                .param("report", reportId).param("section", sectionId).param("question", questionId)
                .query(AnswerHistory::version).list();
    }

    private static ReportViews.AnswerVersion version(ResultSet rs, int row) throws SQLException {
        Array entries = rs.getArray("entries");
        return new ReportViews.AnswerVersion(rs.getLong("rev"), Instant.ofEpochMilli(rs.getLong("revision_timestamp")),
                rs.getString("username"), rs.getString("full_name"), rs.getInt("revtype") == 2, rs.getString("choice"),
                rs.getString("motivation"), rs.getString("examples"),
                entries == null ? List.of() : Arrays.stream((Object[]) entries.getArray()).map(String::valueOf).toList(),
                rs.getBoolean("confirmed"));
    }
}
