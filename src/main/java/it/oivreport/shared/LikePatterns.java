package it.oivreport.shared;

import java.util.Locale;

/** "Contains" searches of the paged lists, as SQL LIKE patterns (used with {@code escape '\'}). */
public final class LikePatterns {

    private LikePatterns() {
    }

    /**
     * {@code %text%} in lower case, with LIKE's own wildcards in the text taken literally; null for a blank
     * text, which the queries read as "every row".
     */
    public static String containing(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
