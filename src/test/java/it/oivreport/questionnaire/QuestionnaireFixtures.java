package it.oivreport.questionnaire;

import it.oivreport.questionnaire.QuestionnaireDefinition.OptionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.PartDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** A questionnaire version read from its file, as the loader reads it, without a database (ids are counted). */
public final class QuestionnaireFixtures {

    private QuestionnaireFixtures() {
    }

    public static QuestionnaireDefinition definition(String code) {
        String name = "/questionnaires/" + code + ".yaml";
        try (InputStream in = QuestionnaireFixtures.class.getResourceAsStream(name)) {
            QuestionnaireFile file = QuestionnaireFile.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            AtomicLong ids = new AtomicLong();
            return new QuestionnaireDefinition(1, file.code(), file.number(), file.title(), file.headerNote(),
                    file.parts().stream().map(p -> new PartDefinition(p.number(), p.title(), p.sections().stream()
                            .map(s -> new SectionDefinition(ids.incrementAndGet(), s.number(), s.title(), p.number(),
                                    s.annotations(), s.textField(), s.questions().stream()
                                            .map(q -> new QuestionDefinition(ids.incrementAndGet(), q.code(), q.text(),
                                                    q.kind(), q.examplesLabel(), q.listLabel(), q.listFirst(),
                                                    q.choiceRequired(), q.options().stream()
                                                            .map(o -> new OptionDefinition(o.code(), o.label())).toList()))
                                            .toList()))
                            .toList()))
                            .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
