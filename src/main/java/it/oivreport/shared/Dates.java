package it.oivreport.shared;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The one way the product writes a date and a time, on pages and in PDFs: 02/03/2026 and 02/03/2026 09:15, in
 * the zone people read them in (the JVM's default, set by {@code TimeZoneConfiguration}). Pages reach it as
 * {@code #oivDates}.
 */
public final class Dates {

    public static final String DATE_PATTERN = "dd/MM/yyyy";
    public static final String DATE_TIME_PATTERN = DATE_PATTERN + " HH:mm";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN, Locale.ITALY);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(DATE_TIME_PATTERN, Locale.ITALY);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ITALY);

    private Dates() {
    }

    /** The day of an instant, a local date or a date-time; null for null. */
    public static String date(TemporalAccessor when) {
        return when == null ? null : DATE.withZone(ZoneId.systemDefault()).format(when);
    }

    /** The day and minute of an instant or a date-time; null for null. */
    public static String dateTime(TemporalAccessor when) {
        return when == null ? null : DATE_TIME.withZone(ZoneId.systemDefault()).format(when);
    }

    /** The minute of an instant or a time, for a day already given (10:09); null for null. */
    public static String time(TemporalAccessor when) {
        return when == null ? null : TIME.withZone(ZoneId.systemDefault()).format(when);
    }
}
