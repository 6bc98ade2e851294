package it.oivreport.comparison;

import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.ReportDocument;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.SectionText;
import it.oivreport.report.Reports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Compares a report with the previous cycle's, matching questions by their stable code, so that two
 * questionnaire versions compare too: a code only this year is new, a code only last year is no longer
 * present. Nothing is stored: the comparison is computed from the two reports each time.
 */
@Service
public class Comparisons {

    /** The drafted variations go into the report, which is written in Italian whatever the page language. */
    static final Locale REPORT_LANGUAGE = Locale.ITALIAN;

    private final Reports reports;
    private final MessageSource messages;

    Comparisons(Reports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    /** Empty when there is no previous cycle's report. */
    public Optional<ReportComparison> compare(Access access) {
        Optional<ReportDocument> previous = reports.previousDocument(access);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(compare(reports.document(access), previous.get()));
    }

    /**
     * One section only, for the section page: comparing the whole report there would diff every other
     * section's texts for nothing. Empty when there is no previous report or no such section.
     */
    public Optional<SectionView> compareSection(Access access, int sectionNumber) {
        return compareSection(access, sectionNumber, null);
    }

    /**
     * One section, with what the user typed in it instead of what is stored ({@code typed}; null for the
     * stored section): the differences and the drafted variations are then about the page as the user sees it.
     */
    public Optional<SectionView> compareSection(Access access, int sectionNumber, SectionContent typed) {
        Optional<ReportDocument> previous = reports.previousDocument(access);
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        ReportDocument current = reports.document(access);
        if (typed != null && current.contents().containsKey(sectionNumber)) {
            Map<Integer, SectionContent> contents = new HashMap<>(current.contents());
            contents.put(sectionNumber, typed);
            current = new ReportDocument(current.overview(), contents, current.toConfirm(), current.textsToConfirm(),
                    current.noChangeOverrides());
        }
        ReportComparison comparison = compare(current, previous.get(), n -> n == sectionNumber);
        return comparison.sections().stream().findFirst()
                .map(section -> new SectionView(comparison.previous().year(), section));
    }

    /** A section compared with the previous cycle, with the previous report's year. */
    public record SectionView(int previousYear, ReportComparison.SectionComparison section) {
    }

    ReportComparison compare(ReportDocument current, ReportDocument previous) {
        return compare(current, previous, n -> true);
    }

    private ReportComparison compare(ReportDocument current, ReportDocument previous, IntPredicate wanted) {
        Map<String, QuestionDefinition> previousQuestions = new HashMap<>();
        Map<String, AnswerContent> previousAnswers = new HashMap<>();
        QuestionnaireDefinition before = previous.overview().questionnaire();
        for (SectionDefinition section : before.sections()) {
            for (QuestionDefinition question : section.questions()) {
                previousQuestions.put(question.code(), question);
                previousAnswers.put(question.code(), previous.contents().get(section.number()).answer(question.id()));
            }
        }
        Set<String> seen = new HashSet<>();
        current.overview().questionnaire().sections().forEach(section ->
                section.questions().forEach(question -> seen.add(question.code())));
        // Removed questions are listed under the section number they had last year.
        Map<Integer, List<QuestionComparison>> removed = new TreeMap<>();
        for (SectionDefinition section : before.sections()) {
            for (QuestionDefinition old : section.questions()) {
                if (!seen.contains(old.code()) && wanted.test(section.number())) {
                    AnswerContent was = previousAnswers.get(old.code());
                    removed.computeIfAbsent(section.number(), n -> new ArrayList<>()).add(new QuestionComparison(
                            old.code(), old.text(), ChangeClass.NON_PIU_PRESENTE, label(old, was.choice()), null,
                            was.motivation(), TextDiff.between(was.motivation(), null), was.examples(),
                            TextDiff.between(was.examples(), null), was.entries(), List.of(), was.entries()));
                }
            }
        }
        // Sections are compared in parallel: a full report of long, heavily changed texts is CPU work that
        // otherwise keeps a page waiting on one core (bench/comparison.sh measures it).
        List<ReportComparison.SectionComparison> sections = current.overview().questionnaire().sections()
                .parallelStream().filter(section -> wanted.test(section.number())).map(section -> {
                    List<QuestionComparison> questions = new ArrayList<>();
                    for (QuestionDefinition question : section.questions()) {
                        AnswerContent now = current.contents().get(section.number()).answer(question.id());
                        QuestionDefinition old = previousQuestions.get(question.code());
                        questions.add(compare(question, now, old,
                                old == null ? null : previousAnswers.get(question.code()),
                                current.toConfirm().contains(question.id())));
                    }
                    Map<SectionText, QuestionComparison> texts = texts(section, current, previous);
                    List<QuestionComparison> gone = removed.getOrDefault(section.number(), List.of());
                    return new ReportComparison.SectionComparison(section.number(), section.title(), questions,
                            proposal(questions, List.copyOf(texts.values()), gone), gone, texts,
                            current.noChangeOverride(section.number()).orElse(null));
                }).toList();
        var overview = current.overview();
        return new ReportComparison(overview.id(), overview.year(), overview.previous(), sections,
                removed.values().stream().flatMap(List::stream).toList());
    }

    /**
     * A section's own texts compared with those of the section of the same number last year: section 9's
     * description and the annotations, word by word, classed as answers are.
     */
    private Map<SectionText, QuestionComparison> texts(SectionDefinition section, ReportDocument current,
            ReportDocument previous) {
        SectionContent now = current.contents().get(section.number());
        SectionContent was = previous.overview().questionnaire().section(section.number())
                .map(s -> previous.contents().get(s.number())).orElse(null);
        Map<SectionText, QuestionComparison> texts = new java.util.EnumMap<>(SectionText.class);
        if (section.hasTextField()) {
            texts.put(SectionText.BODY, compareText(section.textFieldLabel(), now == null ? null : now.body(),
                    was == null ? null : was.body(), current.textToConfirm(section.number(), SectionText.BODY)));
        }
        if (section.hasAnnotations()) {
            texts.put(SectionText.ANNOTATIONS, compareText(text("section.field.annotations"), now == null ? null : now.annotations(),
                    was == null ? null : was.annotations(),
                    current.textToConfirm(section.number(), SectionText.ANNOTATIONS)));
        }
        return texts;
    }

    static QuestionComparison compareText(String label, String now, String was, boolean toConfirm) {
        String before = blank(was);
        String after = blank(now);
        ChangeClass changeClass = before == null ? (after == null ? ChangeClass.INVARIATA : ChangeClass.NUOVA)
                : !Objects.equals(before, after) ? ChangeClass.MODIFICATA
                : toConfirm ? ChangeClass.DA_CONFERMARE : ChangeClass.INVARIATA;
        return new QuestionComparison("", label, changeClass, null, null, before, TextDiff.between(before, after),
                null, TextDiff.between(null, null), List.of(), List.of(), List.of());
    }

    static QuestionComparison compare(QuestionDefinition question, AnswerContent now, QuestionDefinition oldQuestion,
            AnswerContent was) {
        return compare(question, now, oldQuestion, was, false);
    }

    /** {@code toConfirm}: the answer was copied from last year and the OIV has not confirmed it yet. */
    static QuestionComparison compare(QuestionDefinition question, AnswerContent now, QuestionDefinition oldQuestion,
            AnswerContent was, boolean toConfirm) {
        boolean noPrevious = oldQuestion == null || was == null || isEmpty(was);
        AnswerContent before = noPrevious ? AnswerContent.EMPTY : was;
        List<String> added = new ArrayList<>(now.entries());
        added.removeAll(before.entries());
        List<String> removedEntries = new ArrayList<>(before.entries());
        removedEntries.removeAll(now.entries());
        boolean same = Objects.equals(blank(now.choice()), blank(before.choice()))
                && Objects.equals(blank(now.motivation()), blank(before.motivation()))
                && Objects.equals(blank(now.examples()), blank(before.examples()))
                && now.entries().equals(before.entries());
        ChangeClass changeClass = noPrevious ? ChangeClass.NUOVA
                : !same ? ChangeClass.MODIFICATA : toConfirm ? ChangeClass.DA_CONFERMARE : ChangeClass.INVARIATA;
        return new QuestionComparison(question.code(), question.text(), changeClass,
                oldQuestion == null ? null : label(oldQuestion, before.choice()), label(question, now.choice()),
                before.motivation(), TextDiff.between(before.motivation(), now.motivation()), before.examples(),
                TextDiff.between(before.examples(), now.examples()), before.entries(), added, removedEntries);
    }

    String proposal(List<QuestionComparison> questions) {
        return proposal(questions, List.of(), List.of());
    }

    /**
     * The drafted "Variazioni rispetto al ciclo precedente" of a section, in plain Italian: each changed, new
     * or removed answer, then each changed section text.
     */
    String proposal(List<QuestionComparison> questions, List<QuestionComparison> texts, List<QuestionComparison> gone) {
        List<String> sentences = new ArrayList<>();
        for (QuestionComparison q : questions) {
            if (q.changeClass() == ChangeClass.NUOVA) {
                sentences.add(text("comparison.proposal.new", q.code()));
            } else if (q.changeClass() == ChangeClass.MODIFICATA) {
                List<String> parts = new ArrayList<>();
                if (q.choiceChanged()) {
                    parts.add(text("comparison.proposal.choice", dash(q.previousChoice()), dash(q.currentChoice())));
                }
                if (!q.addedEntries().isEmpty()) {
                    parts.add(text("comparison.proposal.added", quoted(q.addedEntries())));
                }
                if (!q.removedEntries().isEmpty()) {
                    parts.add(text("comparison.proposal.removed", quoted(q.removedEntries())));
                }
                if (q.motivationChanged()) {
                    parts.add(text("comparison.proposal.motivation"));
                }
                if (q.examplesChanged()) {
                    parts.add(text("comparison.proposal.examples"));
                }
                sentences.add(q.code() + ": " + String.join("; ", parts) + ".");
            }
        }
        for (QuestionComparison q : gone) {
            sentences.add(text("comparison.proposal.gone", q.code()));
        }
        for (QuestionComparison t : texts) {
            if (t.changeClass() == ChangeClass.NUOVA) {
                sentences.add(text("comparison.proposal.text.new", t.text()));
            } else if (t.changeClass() == ChangeClass.MODIFICATA) {
                boolean emptied = t.motivationDiff().stream().allMatch(d -> d.kind() == TextDiff.Kind.DELETED);
                sentences.add(text(emptied ? "comparison.proposal.text.removed" : "comparison.proposal.text.changed",
                        t.text()));
            }
        }
        return sentences.isEmpty() ? text("comparison.proposal.none") : String.join(" ", sentences);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, REPORT_LANGUAGE);
    }

    private static String quoted(List<String> entries) {
        return String.join(", ", entries.stream().map(e -> "«" + e + "»").toList());
    }

    private static String dash(String text) {
        return text == null ? "—" : text;
    }

    private static String label(QuestionDefinition question, String choice) {
        return choice == null ? null : question.option(choice).map(QuestionnaireDefinition.OptionDefinition::label)
                .orElse(choice);
    }

    private static boolean isEmpty(AnswerContent answer) {
        return blank(answer.choice()) == null && blank(answer.motivation()) == null && blank(answer.examples()) == null
                && answer.entries().isEmpty();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
