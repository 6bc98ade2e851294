package it.oivreport.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filled-in 2020 report (src/test/resources/seed), read the way a person reads it: parts, numbered
 * sections and numbered questions, each question running until its question mark. It is the reference
 * the questionnaire definition is checked against.
 */
public final class SeedReport {

    private static final Pattern QUESTION = Pattern.compile("^(\\d{1,2}\\.\\d)(?:\\s*-\\s*|\\s+)(?=[A-ZÈE])(.*)$");
    private static final Pattern SECTION = Pattern.compile("^(\\d{1,2})\\s*[–-]\\s+(.*\\S)\\s*$");
    private static final Pattern PART = Pattern.compile("^([1-6]) ([A-Z][A-Za-zà ]{3,35}[a-zà])$");

    public final String headerNote;
    public final Map<Integer, String> parts = new LinkedHashMap<>();
    public final Map<Integer, String> sections = new LinkedHashMap<>();
    public final Map<String, String> questions = new LinkedHashMap<>();

    private SeedReport(List<String> lines) {
        headerNote = normalise(lines.get(0) + " " + lines.get(1));
        for (int i = 2; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher question = QUESTION.matcher(line);
            Matcher section = SECTION.matcher(line);
            Matcher part = PART.matcher(line);
            if (question.matches()) {
                StringBuilder text = new StringBuilder(question.group(2));
                while (!text.toString().strip().endsWith("?")) {
                    text.append(' ').append(lines.get(++i).strip());
                }
                questions.put(question.group(1), normalise(text.toString()));
            } else if (section.matches()) {
                String title = section.group(2);
                // One title is wrapped over two lines in the seed.
                if (title.endsWith(" e la")) {
                    title += " " + lines.get(++i).strip();
                }
                sections.put(Integer.parseInt(section.group(1)), normalise(title));
            } else if (part.matches()) {
                parts.put(Integer.parseInt(part.group(1)), part.group(2));
            }
        }
    }

    public static SeedReport read() {
        try (InputStream in = SeedReport.class.getResourceAsStream("/seed/rapporto-avvio-ciclo-2020.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new SeedReport(Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whitespace only: runs of spaces and line breaks become one space. */
    public static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    public List<String> questionCodes() {
        return new ArrayList<>(questions.keySet());
    }
}
