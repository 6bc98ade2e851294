package it.oivreport.comparison;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level differences between two texts, computed with java-diff-utils on words, spaces and punctuation
 * as separate tokens, so that accents and Italian punctuation («…», ’) come through unchanged. The result
 * is a list of segments that a page renders as text, {@code <ins>} or {@code <del>}: nothing is HTML here.
 */
public final class TextDiff {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|\\s+|[^\\p{L}\\p{N}\\s]");

    private TextDiff() {
    }

    public enum Kind { SAME, INSERTED, DELETED }

    public record Segment(Kind kind, String text) {
    }

    public static List<Segment> between(String before, String after) {
        List<String> old = tokens(before);
        List<String> now = tokens(after);
        Patch<String> patch = DiffUtils.diff(old, now);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Kind.SAME, old.subList(position, start));
            add(segments, Kind.DELETED, delta.getSource().getLines());
            add(segments, Kind.INSERTED, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(segments, Kind.SAME, old.subList(position, old.size()));
        return readable(segments);
    }

    /**
     * Word-by-word replacements separated by single spaces ("Tolto: e · Aggiunto: anche · Tolto: gli …") read
     * badly; a run of them becomes one deletion and one insertion. Both texts still rebuild exactly.
     */
    private static List<Segment> readable(List<Segment> segments) {
        List<Segment> result = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean change = segment.kind() != Kind.SAME;
            boolean joiningSpace = !change && segment.text().isBlank() && deleted.length() > 0 && inserted.length() > 0
                    && i + 1 < segments.size() && segments.get(i + 1).kind() != Kind.SAME;
            if (change) {
                (segment.kind() == Kind.DELETED ? deleted : inserted).append(segment.text());
            } else if (joiningSpace) {
                deleted.append(segment.text());
                inserted.append(segment.text());
            } else {
                flush(result, deleted, inserted);
                result.add(segment);
            }
        }
        flush(result, deleted, inserted);
        return result;
    }

    private static void flush(List<Segment> result, StringBuilder deleted, StringBuilder inserted) {
        if (deleted.length() > 0) {
            result.add(new Segment(Kind.DELETED, deleted.toString()));
        }
        if (inserted.length() > 0) {
            result.add(new Segment(Kind.INSERTED, inserted.toString()));
        }
        deleted.setLength(0);
        inserted.setLength(0);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            Matcher matcher = TOKEN.matcher(text);
            while (matcher.find()) {
                tokens.add(matcher.group());
            }
        }
        return tokens;
    }

    private static void add(List<Segment> segments, Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
            Segment last = segments.remove(segments.size() - 1);
            text = last.text() + text;
        }
        segments.add(new Segment(kind, text));
    }
}
