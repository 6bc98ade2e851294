package it.oivreport.shared.web;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * File sizes for people: "340 byte", "12,5 KB", "1,2 MB", in binary units as file managers show them, with
 * the page language's decimal separator. Templates call it as {@code T(…ByteSizes).format(size, #locale)}.
 */
public final class ByteSizes {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    public static String format(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " byte";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(value < 10 ? 1 : 0);
        return number.format(value) + " " + UNITS[unit];
    }
}
