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

    /**
     * Sentences are compared first, then words only inside the sentences that changed, paired in order: a
     * word diff over a whole long text costs time in proportion to its length times its changes.
     */
    public static List<Segment> between(String before, String after) {
        List<List<String>> old = sentences(tokens(before));
        List<List<String>> now = sentences(tokens(after));
        // Sentences compared as whole strings: one equals() per pair instead of one per word.
        Patch<String> patch = DiffUtils.diff(joined(old), joined(now));
        List<Run> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            old.subList(position, start).forEach(sentence -> add(segments, Kind.SAME, sentence));
            List<List<String>> removed = old.subList(start, start + delta.getSource().size());
            int targetStart = delta.getTarget().getPosition();
            List<List<String>> added = now.subList(targetStart, targetStart + delta.getTarget().size());
            int paired = Math.min(removed.size(), added.size());
            for (int i = 0; i < paired; i++) {
                words(segments, removed.get(i), added.get(i));
            }
            removed.subList(paired, removed.size()).forEach(sentence -> add(segments, Kind.DELETED, sentence));
            added.subList(paired, added.size()).forEach(sentence -> add(segments, Kind.INSERTED, sentence));
            position = start + delta.getSource().size();
        }
        old.subList(position, old.size()).forEach(sentence -> add(segments, Kind.SAME, sentence));
        return readable(segments.stream().map(run -> new Segment(run.kind(), run.text().toString())).toList());
    }

    private static void words(List<Run> segments, List<String> old, List<String> now) {
        Patch<String> patch = DiffUtils.diff(old, now);
        int position = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Kind.SAME, old.subList(position, start));
            add(segments, Kind.DELETED, delta.getSource().getLines());
            add(segments, Kind.INSERTED, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(segments, Kind.SAME, old.subList(position, old.size()));
    }

    private static List<String> joined(List<List<String>> sentences) {
        return sentences.stream().map(sentence -> String.join("", sentence)).toList();
    }

    /** Tokens grouped into sentences: each ends after . ! ? ; : or a line break. */
    static List<List<String>> sentences(List<String> tokens) {
        List<List<String>> sentences = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String token : tokens) {
            current.add(token);
            if (token.equals(".") || token.equals("!") || token.equals("?") || token.equals(";") || token.equals(":")
                    || token.contains("\n")) {
                sentences.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            sentences.add(current);
        }
        return sentences;
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

    /** A segment being built: appended to in place, so that long texts are not copied again and again. */
    private record Run(Kind kind, StringBuilder text) {
    }

    private static void add(List<Run> runs, Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last == null || last.kind() != kind) {
            last = new Run(kind, new StringBuilder());
            runs.add(last);
        }
        for (String token : tokens) {
            last.text().append(token);
        }
    }
}
