package it.oivreport.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
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
    private static final Pattern HYPHENATED = Pattern.compile("\\w-$");
    private static final Pattern PART = Pattern.compile("^([1-6]) ([A-Z][A-Za-zà ]{3,35}[a-zà])$");

    public final String headerNote;
    public final Map<Integer, String> parts = new LinkedHashMap<>();
    public final Map<Integer, String> sections = new LinkedHashMap<>();
    public final Map<String, String> questions = new LinkedHashMap<>();

    /** The whole text with its lines joined by a space (a word hyphenated across two lines joined whole). */
    private final StringBuilder joined = new StringBuilder();
    private final TreeSet<Integer> lineStarts = new TreeSet<>();
    private final TreeMap<Integer, Integer> lineEnds = new TreeMap<>(); // end offset -> that line's start

    private SeedReport(List<String> lines) {
        for (String raw : lines) {
            String line = normalise(raw);
            if (joined.length() > 0 && !HYPHENATED.matcher(joined).find()) {
                joined.append(' ');
            }
            lineStarts.add(joined.length());
            int start = joined.length();
            joined.append(line);
            lineEnds.put(joined.length(), start);
        }
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

    /**
     * How the seed lays out an answer given as its paragraphs (normalised): whether each paragraph starts and
     * ends a line of the seed, and where the seed itself ends a paragraph inside the answer. The seed is text
     * extracted from the filled-in PDF, wrapped at about 100 characters: a line ends a paragraph when it is
     * short (under 75 characters), or ends a sentence well before the margin and the next line starts as a
     * new paragraph or list item does.
     *
     * @param from where to search from: the end of the previous answer, as answers repeat
     */
    public Layout layout(List<String> paragraphs, int from) {
        List<String> misplaced = new ArrayList<>();
        List<String> breaks = new ArrayList<>();
        int start = -1;
        int position = from;
        for (int n = 0; n < paragraphs.size(); n++) {
            String paragraph = paragraphs.get(n);
            int at = joined.indexOf(paragraph, position);
            if (at < 0) {
                misplaced.add("not in the seed: " + paragraph);
                continue;
            }
            start = start < 0 ? at : start;
            int end = at + paragraph.length();
            if (n > 0 && !lineStarts.contains(at)) {
                misplaced.add("starts inside a line of the seed: " + paragraph);
            }
            if (n < paragraphs.size() - 1) {
                if (!lineEnds.containsKey(end)) {
                    misplaced.add("ends inside a line of the seed: " + paragraph);
                }
                breaks.add(lineTail(end));
            }
            position = end;
        }
        List<String> seedBreaks = new ArrayList<>();
        if (start >= 0) {
            for (int end : lineEnds.subMap(start, false, position, false).keySet()) {
                if (endsParagraph(end)) {
                    seedBreaks.add(lineTail(end));
                }
            }
        }
        return new Layout(position, breaks, seedBreaks, misplaced);
    }

    /** An answer's layout: the lines after which it breaks, and after which the seed does. */
    public record Layout(int end, List<String> breaks, List<String> seedBreaks, List<String> misplaced) {
    }

    private boolean endsParagraph(int end) {
        String line = joined.substring(lineEnds.get(end), end);
        Integer next = lineStarts.ceiling(end);
        String following = next == null ? "" : joined.substring(next, Math.min(joined.length(), next + 3));
        return line.length() < 75 || line.length() < 92 && line.matches(".*[.:;]$")
                && following.matches("^([A-ZÀ-Ý0-9•-]|[a-z]\\)).*");
    }

    private String lineTail(int end) {
        int start = lineEnds.containsKey(end) ? lineEnds.get(end) : Math.max(0, end - 40);
        return "…" + joined.substring(Math.max(start, end - 40), end);
    }

    public List<String> questionCodes() {
        return new ArrayList<>(questions.keySet());
    }
}
