package it.oivreport.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log, read and written with plain SQL: an entry is never changed, so it needs no entity. Lists are
 * paged and filtered in the database; the report's feed groups a user's saves of one section within ten
 * minutes into one line.
 */
@Service
public class AuditLog {

    /** Rows a page shows. */
    public static final int PAGE_SIZE = 50;

    /** Rows a CSV export holds at most: beyond that the filter must be narrower. */
    public static final int EXPORT_LIMIT = 100_000;

    /** One entry of the log. */
    public record Entry(long id, Instant occurredAt, String kind, String actor, String actorName, String client,
            Long administrationId, Long reportId, Integer sectionNumber, String subject, String detail) {
    }

    /**
     * What the administrator's list is narrowed to; null or blank is "any".
     *
     * @param user a username: the entries it did, and those that happened to it (a failed sign-in)
     * @param administrationIds the entries of these administrations; null for any, empty for none
     * @param from the first day, in the application's zone
     * @param to the last day, included
     */
    public record Filter(String user, java.util.Collection<Long> administrationIds, String kind, LocalDate from,
            LocalDate to) {

        public static final Filter ANY = new Filter(null, null, null, null, null);
    }

    /** One line of a report's feed: one event, or a user's consecutive saves of a section. */
    public record Activity(String kind, String actor, String actorName, Integer sectionNumber, String detail,
            Instant firstAt, Instant lastAt, int count) {
    }

    /** A report's entries, one row per line of its feed. */
    private static final String GROUPED = """
                with marked as (
                    select e.*, case when e.kind = 'SECTION_SAVED' and lag(e.kind) over w = 'SECTION_SAVED'
                            and lag(e.actor) over w = e.actor
                            and lag(e.section_number) over w is not distinct from e.section_number
                            and e.occurred_at - lag(e.occurred_at) over w <= interval '10 minutes'
                        then 0 else 1 end as starts
                    from audit_event e where e.report_id = :report
                    window w as (order by e.occurred_at, e.id)),
                numbered as (select m.*, sum(m.starts) over (order by m.occurred_at, m.id) as run from marked m)
                select min(kind) as kind, min(actor) as actor, max(actor_name) as actor_name,
                    min(section_number) as section_number, max(detail) as detail, min(occurred_at) as first_at,
                    max(occurred_at) as last_at, count(*) as n, max(id) as last_id
                from numbered group by run""";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Entry entry) {
        jdbc.sql("""
                insert into audit_event (occurred_at, kind, actor, actor_name, client, administration_id, report_id,
                    section_number, subject, detail)
                values (:at, :kind, :actor, :actorName, :client, :administration, :report, :section, :subject, :detail)""")
                .param("at", java.sql.Timestamp.from(entry.occurredAt())).param("kind", entry.kind())
                .param("actor", entry.actor()).param("actorName", entry.actorName()).param("client", entry.client())
                .param("administration", entry.administrationId()).param("report", entry.reportId())
                .param("section", entry.sectionNumber()).param("subject", entry.subject())
                .param("detail", entry.detail()).update();
    }

    /** The newest entries first, {@value #PAGE_SIZE} a page. */
    @Transactional(readOnly = true)
    public Page<Entry> search(Filter filter, int page) {
        Where where = where(filter);
        long total = where.bind(jdbc.sql("select count(*) from audit_event" + where.sql)).query(Long.class).single();
        int number = Math.max(0, page);
        List<Entry> rows = where.bind(jdbc.sql("select * from audit_event" + where.sql
                        + " order by occurred_at desc, id desc limit :limit offset :offset"))
                .param("limit", PAGE_SIZE).param("offset", (long) number * PAGE_SIZE).query(AuditLog::entry).list();
        return new PageImpl<>(rows, PageRequest.of(number, PAGE_SIZE), total);
    }

    /** Every entry the filter selects, newest first, at most {@value #EXPORT_LIMIT}: the same rows as the pages. */
    @Transactional(readOnly = true)
    public void export(Filter filter, Consumer<Entry> row) {
        Where where = where(filter);
        try (var rows = where.bind(jdbc.sql("select * from audit_event" + where.sql
                + " order by occurred_at desc, id desc limit :limit")).param("limit", EXPORT_LIMIT)
                .withFetchSize(500).query(AuditLog::entry).stream()) {
            rows.forEach(row);
        }
    }

    /** A report's feed, newest first: each user's saves of a section within ten minutes of each other are one line. */
    @Transactional(readOnly = true)
    public Page<Activity> ofReport(long reportId, int page) {

        long total = jdbc.sql("select count(*) from (" + GROUPED + ") g").param("report", reportId)
                .query(Long.class).single();
        int number = Math.max(0, page);
        List<Activity> rows = jdbc.sql(GROUPED + " order by last_at desc, last_id desc limit :limit offset :offset")
                .param("report", reportId).param("limit", PAGE_SIZE).param("offset", (long) number * PAGE_SIZE)
                .query(AuditLog::activity).list();
        return new PageImpl<>(rows, PageRequest.of(number, PAGE_SIZE), total);
    }

    /** The newest {@code limit} lines of a report's feed, in one statement (the report page shows them). */
    @Transactional(readOnly = true)
    public List<Activity> latestOfReport(long reportId, int limit) {
        return jdbc.sql(GROUPED + " order by last_at desc, last_id desc limit :limit").param("report", reportId)
                .param("limit", limit).query(AuditLog::activity).list();
    }

    private static Activity activity(ResultSet rs, int row) throws SQLException {
        return new Activity(rs.getString("kind"), rs.getString("actor"), rs.getString("actor_name"),
                (Integer) rs.getObject("section_number"), rs.getString("detail"), rs.getTimestamp("first_at").toInstant(),
                rs.getTimestamp("last_at").toInstant(), rs.getInt("n"));
    }

    /** Deletes the entries older than {@code before}, through the one function the log's trigger lets delete. */
    @Transactional
    public long purge(Instant before) {
        return jdbc.sql("select audit_purge(:before)").param("before", java.sql.Timestamp.from(before))
                .query(Long.class).single();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"),
                rs.getString("actor"), rs.getString("actor_name"), rs.getString("client"),
                (Long) rs.getObject("administration_id"), (Long) rs.getObject("report_id"),
                (Integer) rs.getObject("section_number"), rs.getString("subject"), rs.getString("detail"));
    }

    /** A WHERE clause and its parameters, from a filter. */
    private record Where(String sql, Map<String, Object> parameters) {

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.params(parameters);
        }
    }

    private static Where where(Filter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        ZoneId zone = ZoneId.systemDefault();
        if (filter.user() != null && !filter.user().isBlank()) {
            clauses.add("(lower(actor) = :user or lower(subject) = :user)");
            parameters.put("user", filter.user().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.administrationIds() != null) {
            clauses.add(filter.administrationIds().isEmpty() ? "false" : "administration_id in (:administrations)");
            if (!filter.administrationIds().isEmpty()) {
                parameters.put("administrations", List.copyOf(filter.administrationIds()));
            }
        }
        if (filter.kind() != null && !filter.kind().isBlank()) {
            clauses.add("kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.from() != null) {
            clauses.add("occurred_at >= :from");
            parameters.put("from", java.sql.Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            clauses.add("occurred_at < :to");
            parameters.put("to", java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), parameters);
    }
}
