package it.oivreport.comparison;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmI;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Word-level differences between two texts, computed with java-diff-utils on words, spaces and punctuation
 * as separate tokens, so that accents and Italian punctuation («…», ’) come through unchanged. The result
 * is a list of segments that a page renders as text, {@code <ins>} or {@code <del>}: nothing is HTML here.
 */
public final class TextDiff {

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
        // Line breaks as a browser sends them (\r\n) and as stored (\n) are the same break.
        List<String> old = sentences(lineFeeds(before));
        List<String> now = sentences(lineFeeds(after));
        List<Run> segments = new ArrayList<>();
        Words words = new Words();
        int position = 0;
        for (Change change : changes(old, now)) {
            add(segments, Kind.SAME, old.subList(position, change.sourceStart()));
            List<String> removed = old.subList(change.sourceStart(), change.sourceEnd());
            List<String> added = now.subList(change.targetStart(), change.targetEnd());
            int paired = Math.min(removed.size(), added.size());
            for (int i = 0; i < paired; i++) {
                words.diff(segments, removed.get(i), added.get(i));
            }
            add(segments, Kind.DELETED, removed.subList(paired, removed.size()));
            add(segments, Kind.INSERTED, added.subList(paired, added.size()));
            position = change.sourceEnd();
        }
        add(segments, Kind.SAME, old.subList(position, old.size()));
        return readable(segments.stream().map(run -> new Segment(run.kind(), run.text().toString())).toList());
    }

    /**
     * Word diffs of the changed sentences of one text. Each distinct word gets a number once, so that finding
     * the words of one version that are also in the other needs no new hash set per sentence.
     */
    private static final class Words {

        private final Map<String, Integer> numbers = new HashMap<>(1024);
        private int[] seen = new int[64];
        private int round;

        /**
         * A changed sentence word by word, or as replaced when the two versions share less than a third of
         * the shorter one's words: a rewritten sentence then reads as one, not as a scatter of single words.
         */
        void diff(List<Run> segments, String oldSentence, String newSentence) {
            List<String> old = tokens(oldSentence);
            List<String> now = tokens(newSentence);
            int[] oldNumbers = numbers(old);
            int[] nowNumbers = numbers(now);
            int[] oldAt = alsoIn(oldNumbers, nowNumbers);
            // Words found in the other version bound the words shared: below a third, no diff is needed.
            List<Change> changes = 3 * oldAt.length < Math.min(old.size(), now.size()) ? null
                    : changes(old, now, oldAt, alsoIn(nowNumbers, oldNumbers));
            int changed = changes == null ? old.size()
                    : changes.stream().mapToInt(change -> change.sourceEnd() - change.sourceStart()).sum();
            if (3 * (old.size() - changed) < Math.min(old.size(), now.size())) {
                add(segments, Kind.DELETED, List.of(oldSentence));
                add(segments, Kind.INSERTED, List.of(newSentence));
                return;
            }
            int position = 0;
            for (Change change : changes) {
                add(segments, Kind.SAME, old.subList(position, change.sourceStart()));
                add(segments, Kind.DELETED, old.subList(change.sourceStart(), change.sourceEnd()));
                add(segments, Kind.INSERTED, now.subList(change.targetStart(), change.targetEnd()));
                position = change.sourceEnd();
            }
            add(segments, Kind.SAME, old.subList(position, old.size()));
        }

        private int[] numbers(List<String> tokens) {
            int[] result = new int[tokens.size()];
            for (int i = 0; i < result.length; i++) {
                Integer number = numbers.putIfAbsent(tokens.get(i), numbers.size());
                result[i] = number == null ? numbers.size() - 1 : number;
            }
            if (seen.length < numbers.size()) {
                seen = Arrays.copyOf(seen, numbers.size() * 2);
            }
            return result;
        }

        /** The positions of the words of {@code items} that also occur in {@code other}. */
        private int[] alsoIn(int[] items, int[] other) {
            round++;
            for (int number : other) {
                seen[number] = round;
            }
            int count = 0;
            int[] positions = new int[items.length];
            for (int i = 0; i < items.length; i++) {
                if (seen[items[i]] == round) {
                    positions[count++] = i;
                }
            }
            return Arrays.copyOf(positions, count);
        }
    }

    /** A stretch of the old list replaced by a stretch of the new one; either may be empty. */
    private record Change(int sourceStart, int sourceEnd, int targetStart, int targetEnd) {
    }

    /**
     * The differences as maximal changes (a replacement is one change, not a deletion next to an insertion),
     * so that a changed sentence is paired with its new version. Items found on one side only can never
     * match, so they are left out before the diff, as GNU diff does: a heavily rewritten text then costs
     * almost nothing to diff at sentence level. Long lists use the linear space variant of Myers' algorithm,
     * because the default one walks its path back and forth, which dominated the time on long texts; short
     * ones use the default, which is faster there (both measured with bench/comparison.sh).
     */
    private static List<Change> changes(List<String> old, List<String> now) {
        return changes(old, now, positions(old, new HashSet<>(now)), positions(now, new HashSet<>(old)));
    }

    /** The changes between two lists, diffing only the items at the given positions. */
    private static List<Change> changes(List<String> old, List<String> now, int[] oldAt, int[] nowAt) {
        List<String> oldKept = Arrays.stream(oldAt).mapToObj(old::get).toList();
        List<String> nowKept = Arrays.stream(nowAt).mapToObj(now::get).toList();
        DiffAlgorithmI<String> algorithm = oldKept.size() + nowKept.size() > LONG_LIST
                ? new MyersDiffWithLinearSpace<>() : new MyersDiff<>();
        List<Change> changes = new ArrayList<>();
        int kept = 0;
        int keptNow = 0;
        int oldFrom = 0;
        int nowFrom = 0;
        if (oldKept.isEmpty() || nowKept.isEmpty()) {
            return old.isEmpty() && now.isEmpty() ? List.of() : List.of(new Change(0, old.size(), 0, now.size()));
        }
        List<AbstractDelta<String>> deltas = DiffUtils.diff(oldKept, nowKept, algorithm).getDeltas();
        for (int d = 0; d <= deltas.size(); d++) {
            int matchedUntil = d < deltas.size() ? deltas.get(d).getSource().getPosition() : oldKept.size();
            for (; kept < matchedUntil; kept++, keptNow++) {
                int o = oldAt[kept];
                int n = nowAt[keptNow];
                if (o > oldFrom || n > nowFrom) {
                    changes.add(new Change(oldFrom, o, nowFrom, n));
                }
                oldFrom = o + 1;
                nowFrom = n + 1;
            }
            if (d < deltas.size()) {
                kept += deltas.get(d).getSource().size();
                keptNow += deltas.get(d).getTarget().size();
            }
        }
        if (oldFrom < old.size() || nowFrom < now.size()) {
            changes.add(new Change(oldFrom, old.size(), nowFrom, now.size()));
        }
        return changes;
    }

    private static final int LONG_LIST = 400;


    private static int[] positions(List<String> items, Set<String> wanted) {
        return IntStream.range(0, items.size()).filter(i -> wanted.contains(items.get(i))).toArray();
    }

    /**
     * The text cut into sentences: each ends after . ! ? ; : or after a run of spaces holding a line break.
     * Whole sentences are compared as strings; only the changed ones are cut further into words.
     */
    private static String lineFeeds(String text) {
        return text == null || text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean end = c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
            if (c == '\n') {
                while (i + 1 < length && isSpace(text.charAt(i + 1))) {
                    i++;
                }
                end = true;
            }
            if (end) {
                sentences.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < length) {
            sentences.add(text.substring(start));
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

    /**
     * Words (letters and digits) and every other character on its own, each with the spaces that follow it;
     * spaces at the start are a token of their own. Keeping the spaces with the words halves the tokens to
     * compare, and an inserted word then reads "quasi " rather than " quasi".
     */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            int i = 0;
            while (i < text.length()) {
                int next = nextToken(text, i);
                if (!isSpace(text.charAt(i)) && next < text.length() && isSpace(text.charAt(next))) {
                    next = nextToken(text, next);
                }
                tokens.add(text.substring(i, next));
                i = next;
            }
        }
        return tokens;
    }

    /**
     * Where the token starting at {@code i} ends. Written out by hand rather than with a regular expression,
     * which took a third of the comparison's time.
     */
    private static int nextToken(String text, int i) {
        int codePoint = text.codePointAt(i);
        int next = i + Character.charCount(codePoint);
        if (isWordCharacter(codePoint)) {
            int length = text.length();
            while (next < length) {
                char c = text.charAt(next);
                if (!Character.isSurrogate(c)) {
                    if (!isWordCharacter(c)) {
                        break;
                    }
                    next++;
                } else if (isWordCharacter(text.codePointAt(next))) {
                    next += Character.charCount(text.codePointAt(next));
                } else {
                    break;
                }
            }
        } else if (isSpace(text.charAt(i))) {
            while (next < text.length() && isSpace(text.charAt(next))) {
                next++;
            }
        }
        return next;
    }

    private static boolean isWordCharacter(int codePoint) {
        if (codePoint < 128) {
            return codePoint >= 'a' && codePoint <= 'z' || codePoint >= 'A' && codePoint <= 'Z'
                    || codePoint >= '0' && codePoint <= '9';
        }
        return Character.isLetter(codePoint) || switch (Character.getType(codePoint)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
