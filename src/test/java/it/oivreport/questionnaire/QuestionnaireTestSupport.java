package it.oivreport.questionnaire;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;

/** Lets other modules' slice tests load the real questionnaire, as the application does at start-up. */
@TestComponent
@Import({QuestionnaireLoader.class, Questionnaires.class})
public class QuestionnaireTestSupport {

    private final QuestionnaireLoader loader;

    QuestionnaireTestSupport(QuestionnaireLoader loader) {
        this.loader = loader;
    }

    public void load() throws Exception {
        loader.run(null);
    }
}
