package it.oivreport.export;

import it.oivreport.comparison.ChangeClass;
import it.oivreport.comparison.QuestionComparison;
import it.oivreport.comparison.ReportComparison;
import it.oivreport.report.ReportViews.SectionText;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.OptionDefinition;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.ReportDocument;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.SectionState;
import java.util.List;

/**
 * The JSON export of a report: self-describing, with every question's code and text beside its answer,
 * so that it can be read without the application.
 */
public record ReportJson(ReportInfo report, QuestionnaireInfo questionnaire, List<Part> parts) {

    /**
     * @param previousYear the year of the previous cycle's report the comparison is made against, if any
     */
    public record ReportInfo(long id, String administration, int year, ReportStatus status, long completeSections,
            int totalSections, Integer previousYear) {
    }

    public record QuestionnaireInfo(String code, int version, String title, String headerNote) {
    }

    public record Part(int number, String title, List<Section> sections) {
    }

    /**
     * @param textChange how the section's own text compares with the previous cycle's; null without one
     * @param annotationsChange how the annotations compare; null without a previous report or annotations
     * @param noChangeReason why "Nessuna variazione" was kept although something changed, if it was
     */
    public record Section(int number, String title, SectionState state, String text, String annotations,
            String variations, List<Question> questions, ChangeClass textChange, ChangeClass annotationsChange,
            String noChangeReason) {
    }

    /**
     * @param change how the answer compares with the previous cycle's; null without a previous report
     * @param previous last year's values; null without a previous report or answer
     */
    public record Question(String code, String text, String kind, String choice, String choiceLabel,
            String motivation, String examplesLabel, String examples, String listLabel, List<String> entries,
            ChangeClass change, Previous previous) {
    }

    public record Previous(String choiceLabel, String motivation, String examples, List<String> entries) {
    }

    public static ReportJson of(ReportDocument document) {
        return of(document, null);
    }

    public static ReportJson of(ReportDocument document, ReportComparison comparison) {
        java.util.Map<String, QuestionComparison> compared = new java.util.HashMap<>();
        java.util.Map<Integer, ReportComparison.SectionComparison> sectionsCompared = new java.util.HashMap<>();
        if (comparison != null) {
            comparison.sections().forEach(s -> s.questions().forEach(q -> compared.put(q.code(), q)));
            comparison.sections().forEach(s -> sectionsCompared.put(s.number(), s));
        }
        var overview = document.overview();
        QuestionnaireDefinition q = overview.questionnaire();
        List<Part> parts = q.parts().stream().map(part -> new Part(part.number(), part.title(),
                part.sections().stream().map(section -> {
                    SectionContent content = document.contents().get(section.number());
                    List<Question> questions = section.questions().stream().map(question -> {
                        AnswerContent answer = content.answer(question.id());
                        String label = answer.choice() == null ? null
                                : question.option(answer.choice()).map(OptionDefinition::label).orElse(null);
                        QuestionComparison c = compared.get(question.code());
                        Previous previous = c == null || c.changeClass() == ChangeClass.NUOVA ? null
                                : new Previous(c.previousChoice(), c.previousMotivation(), c.previousExamples(),
                                        c.previousEntries());
                        return new Question(question.code(), question.text(), question.kind().name(), answer.choice(),
                                label, answer.motivation(), question.examplesLabel(), answer.examples(),
                                question.listLabel(), answer.entries(), c == null ? null : c.changeClass(), previous);
                    }).toList();
                    ReportComparison.SectionComparison sc = sectionsCompared.get(section.number());
                    QuestionComparison body = sc == null ? null : sc.text(SectionText.BODY);
                    QuestionComparison annotations = sc == null ? null : sc.text(SectionText.ANNOTATIONS);
                    return new Section(section.number(), section.title(), overview.state(section.number()),
                            content.body(), content.annotations(), content.variations(), questions,
                            body == null ? null : body.changeClass(),
                            annotations == null ? null : annotations.changeClass(),
                            document.noChangeOverride(section.number()).map(o -> o.reason()).orElse(null));
                }).toList())).toList();
        return new ReportJson(
                new ReportInfo(overview.id(), overview.administrationName(), overview.year(), overview.status(),
                        overview.completeSections(), overview.totalSections(),
                        overview.previous() == null ? null : overview.previous().year()),
                new QuestionnaireInfo(q.code(), q.number(), q.title(), q.headerNote()), parts);
    }
}
