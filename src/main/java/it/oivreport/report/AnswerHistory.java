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
 * The versions of one answer, as Envers recorded them (report_answer_aud, with the revision's author and
 * time): a page of them, their count, or one by its revision, each in one statement.
 */
@Component
class AnswerHistory {

    private final JdbcClient jdbc;

    AnswerHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select a.rev, r.revision_timestamp, r.username, r.full_name, a.revtype, a.choice, a.motivation,
                a.examples, a.entries, a.confirmed
            from report_answer_aud a
            join history_revision r on r.id = a.rev
            join report_section s on s.id = a.report_section_id
            where s.report_id = :report and s.section_id = :section and a.question_id = :question""";

    /**
     * One page of versions, newest first ({@code size} of them, skipping {@code page * size} newer ones), and
     * the version just older than the page's oldest, to diff it against: {@code size + 1} rows at most.
     */
    List<ReportViews.AnswerVersion> newestFirst(long reportId, long sectionId, long questionId, int page, int size) {
        return jdbc.sql(SELECT + " order by a.rev desc limit :limit offset :offset")
                .param("report", reportId).param("section", sectionId).param("question", questionId)
                .param("limit", size + 1).param("offset", (long) page * size)
                .query(AnswerHistory::version).list();
    }

    long count(long reportId, long sectionId, long questionId) {
        return jdbc.sql("""
                select count(*) from report_answer_aud a join report_section s on s.id = a.report_section_id
                where s.report_id = :report and s.section_id = :section and a.question_id = :question""")
                .param("report", reportId).param("section", sectionId).param("question", questionId)
                .query(Long.class).single();
    }

    /** One version, by its revision. */
    java.util.Optional<ReportViews.AnswerVersion> version(long reportId, long sectionId, long questionId, long revision) {
        return jdbc.sql(SELECT + " and a.rev = :revision")
                .param("report", reportId).param("section", sectionId).param("question", questionId)
                .param("revision", revision).query(AnswerHistory::version).optional();
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
