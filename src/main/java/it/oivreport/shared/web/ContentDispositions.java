package it.oivreport.shared.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * {@code Content-Disposition} with the original name (RFC 6266): an ASCII {@code filename} for old
 * clients, with anything risky replaced, and the exact name in {@code filename*} (RFC 5987, UTF-8,
 * percent-encoded), which every current browser prefers. For evidence files and the report's PDFs alike.
 */
public final class ContentDispositions {

    private ContentDispositions() {
    }

    public static String of(boolean inline, String fileName) {
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii(fileName) + "\"; filename*=UTF-8''"
                + encode(fileName);
    }

    /** "Relazione è più.pdf" → "Relazione e piu.pdf": accents dropped, other non-ASCII and quotes as '_'. */
    static String ascii(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder result = new StringBuilder();
        for (char c : plain.toCharArray()) {
            result.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' && c != ';' ? c : '_');
        }
        return result.toString();
    }

    /** RFC 5987 attr-char are kept; every other byte of the UTF-8 encoding is %XX. */
    static String encode(String name) {
        StringBuilder result = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                result.append((char) c);
            } else {
                result.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return result.toString();
    }
}
