package it.oivreport.evidence;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * A file name as the browser sent it, made safe to show and to send back: no directories (some browsers
 * send a full Windows path), no control or path characters, no names Windows reserves, at most 255
 * characters with the extension kept.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
            "LPT9");

    private FileNames() {
    }

    /** The safe name; "documento" when nothing usable is left. */
    static String sanitize(String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            boolean forbidden = Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.UNASSIGNED;
            clean.appendCodePoint(forbidden ? '_' : Character.isWhitespace(c) ? ' ' : c);
        });
        // Leading dots would hide the file on Unix; trailing dots and spaces are dropped by Windows.
        name = clean.toString().strip().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "").replaceAll(" {2,}", " ");
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        // Windows reserves the name before the first dot too ("CON.tar.pdf").
        if (RESERVED.contains(base.split("\\.")[0].toUpperCase(Locale.ROOT))) {
            base = "_" + base;
        }
        if (base.isEmpty()) {
            base = "documento";
        }
        if (extension.length() > 16) {
            // Not an extension worth keeping whole (a name with a dot in it): cut like any other text.
            base = base + extension;
            extension = "";
        }
        int room = MAX_LENGTH - extension.length();
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room));
        }
        return base + extension;
    }
}
