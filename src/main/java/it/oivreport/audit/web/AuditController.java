package it.oivreport.audit.web;

import it.oivreport.account.SecurityEvent;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.audit.AuditLog;
import it.oivreport.audit.AuditLog.Entry;
import it.oivreport.audit.AuditLog.Filter;
import it.oivreport.shared.ReportActivity;
import it.oivreport.shared.Refusal;
import it.oivreport.shared.web.ContentDispositions;
import it.oivreport.shared.web.Paging;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrators' audit log, {@code /admin/audit}: every entry, newest first, paged and filtered by user,
 * administration, kind and period, without JavaScript; {@code /admin/audit.csv} holds the same rows.
 */
@Controller
class AuditController {

    /** Every kind of entry, in the order the filter offers them: security first, then reports. */
    static final List<String> KINDS = Stream.of(Arrays.stream(SecurityEvent.Kind.values()),
            Arrays.stream(it.oivreport.administration.AdministrationChanged.Kind.values()),
            Arrays.stream(ReportActivity.Kind.values())).flatMap(kinds -> kinds.map(Enum::name)).toList();

    // Strict: 31/02/2026 is refused, not read as 28 February.
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final AuditLog log;
    private final Administrations administrations;
    private final MessageSource messages;

    private final it.oivreport.report.Reports reports;

    AuditController(AuditLog log, Administrations administrations, MessageSource messages,
            it.oivreport.report.Reports reports) {
        this.reports = reports;
        this.log = log;
        this.administrations = administrations;
        this.messages = messages;
    }

    /** The filter as typed, kept in the form and in every page's link. */
    record Query(String user, String administration, String kind, String from, String to) {

        Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("user", user);
            parameters.put("administration", administration);
            parameters.put("kind", kind);
            parameters.put("from", from);
            parameters.put("to", to);
            return parameters;
        }
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String user, @RequestParam(required = false) String administration,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
        Query query = new Query(strip(user), strip(administration), strip(kind), strip(from), strip(to));
        Map<String, String> errors = new LinkedHashMap<>();
        Filter filter = filter(query, errors);
        model.addAttribute("query", query);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("errors", errors);
        Page<Entry> found = errors.isEmpty() ? log.search(filter, page) : Page.empty();
        model.addAttribute("entries", found.getContent());
        model.addAttribute("administrationNames", names(found.getContent()));
        model.addAttribute("reportYears", reports.yearsOf(found.getContent().stream().map(Entry::reportId)
                .filter(Objects::nonNull).distinct().toList()));
        model.addAttribute("paging", Paging.of(found, "/admin/audit", query.parameters()));
        model.addAttribute("csvQuery", query.parameters());
        return "audit/log";
    }

    @GetMapping("/admin/audit.csv")
    void csv(@RequestParam(required = false) String user, @RequestParam(required = false) String administration,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale, HttpServletResponse response) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        Filter filter = filter(new Query(strip(user), strip(administration), strip(kind), strip(from), strip(to)), errors);
        if (!errors.isEmpty()) {
            throw Refusal.badRequest(errors.values().iterator().next());
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", ContentDispositions.of(false, "registro-attivita.csv"));
        response.setHeader("Cache-Control", "no-store");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // A byte order mark and semicolons: what a spreadsheet set up for Italian opens as columns.
        out.write('\uFEFF');
        line(out, List.of(text("audit.csv.time", locale), text("audit.csv.kind", locale),
                text("audit.csv.kindCode", locale), text("audit.csv.actor", locale), text("audit.csv.actorName", locale),
                text("audit.csv.client", locale), text("audit.csv.administration", locale),
                text("audit.csv.report", locale), text("audit.csv.section", locale), text("audit.csv.subject", locale),
                text("audit.csv.detail", locale)));
        // Written as read, a thousand rows at a time with their administrations' names: an export of 100,000
        // entries never sits in memory whole.
        List<Entry> chunk = new ArrayList<>(CSV_CHUNK);
        log.export(filter, entry -> {
            chunk.add(entry);
            if (chunk.size() == CSV_CHUNK) {
                lines(out, chunk, locale);
            }
        });
        lines(out, chunk, locale);
        out.flush();
    }

    private static final int CSV_CHUNK = 1_000;

    /** Writes the entries, with their administrations' names read in one statement, and empties the list. */
    private void lines(Writer out, List<Entry> entries, Locale locale) {
        Map<Long, String> names = names(entries);
        ZoneId zone = ZoneId.systemDefault();
        try {
            for (Entry e : entries) {
                line(out, Arrays.asList(CSV_TIME.format(e.occurredAt().atZone(zone)),
                        messages.getMessage("audit.kind." + e.kind(), null, e.kind(), locale), e.kind(), e.actor(),
                        e.actorName(), e.client(), e.administrationId() == null ? null : names.get(e.administrationId()),
                        e.reportId() == null ? null : e.reportId().toString(),
                        e.sectionNumber() == null ? null : e.sectionNumber().toString(), e.subject(), e.detail()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        entries.clear();
    }

    private Filter filter(Query query, Map<String, String> errors) {
        LocalDate fromDate = date(query.from(), "from", errors);
        LocalDate toDate = date(query.to(), "to", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", "audit.filter.toBeforeFrom");
        }
        String kind = query.kind() == null || query.kind().isEmpty() ? null : query.kind();
        if (kind != null && !KINDS.contains(kind)) {
            errors.put("kind", "audit.filter.kind.invalid");
        }
        List<Long> ids = query.administration() == null || query.administration().isEmpty() ? null
                : administrations.idsByName(query.administration(), 200);
        return new Filter(query.user(), ids, kind, fromDate, toDate);
    }

    /** A day as a date field sends it (2026-12-03) or as people type it (3/12/2026). */
    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return text.contains("-") ? LocalDate.parse(text) : LocalDate.parse(text, TYPED);
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.filter.date.invalid");
            return null;
        }
    }

    private Map<Long, String> names(List<Entry> entries) {
        List<Long> ids = entries.stream().map(Entry::administrationId).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            administrations.mapByIds(ids).forEach((id, view) -> names.put(id, view.name()));
        }
        return names;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /**
     * One CSV line: each value quoted when it holds a separator, a quote or a line break; a value that a
     * spreadsheet would run as a formula (=, +, -, @ first: a username typed at a failed sign-in can be
     * anything) is prefixed with an apostrophe.
     */
    private static void line(Writer out, List<String> values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i) == null ? "" : values.get(i);
            if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.equals("-")) {
                value = "'" + value;
            }
            if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                value = "\"" + value.replace("\"", "\"\"") + "\"";
            }
            line.append(i == 0 ? "" : ";").append(value);
        }
        out.write(line.append("\r\n").toString());
    }
}
