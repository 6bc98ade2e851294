package it.oivreport.report;

import it.oivreport.administration.Administrations;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.questionnaire.Questionnaires;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.SectionContent;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The demo profile's filled-in report: the 2020 report of a Chamber of Commerce, transcribed from the real
 * document into {@code demo/*.yaml}. It goes through the same service as a user's saves, once: an existing
 * report for that administration and year is left alone.
 */
@Component
@Profile("demo")
@Order(30)
class DemoReport implements ApplicationRunner {

    static final String FILE = "demo/rapporto-2020-camera-commercio-brescia.yaml";
    private static final Logger log = LoggerFactory.getLogger(DemoReport.class);

    private final Reports reports;
    private final ReportRepository repository;
    private final Questionnaires questionnaires;
    private final Administrations administrations;

    DemoReport(Reports reports, ReportRepository repository, Questionnaires questionnaires,
            Administrations administrations) {
        this.reports = reports;
        this.repository = repository;
        this.questionnaires = questionnaires;
        this.administrations = administrations;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Map<String, Object> demo = read();
        String administration = (String) demo.get("administration");
        int year = (Integer) demo.get("year");
        long administrationId = administrations.findByName(administration).orElseThrow().id();
        if (repository.findByAdministrationIdAndYear(administrationId, year + 1).isEmpty()) {
            // The next cycle's report, just started.
            reports.create(administrationId, year + 1, "oiv");
        }
        if (repository.findByAdministrationIdAndYear(administrationId, year).isPresent()) {
            return;
        }
        long id = reports.create(administrationId, year, "oiv");
        ReportAccess.Access access = ReportAccess.system(repository.findById(id).orElseThrow(), "oiv");
        QuestionnaireDefinition questionnaire = questionnaires.byCode((String) demo.get("questionnaire"));
        for (Map<String, Object> section : list(demo.get("sections"))) {
            int number = (Integer) section.get("number");
            SectionDefinition definition = questionnaire.section(number).orElseThrow();
            Map<String, QuestionDefinition> byCode = new HashMap<>();
            definition.questions().forEach(q -> byCode.put(q.code(), q));
            Map<Long, AnswerContent> answers = new HashMap<>();
            for (Map<String, Object> answer : list(section.getOrDefault("questions", List.of()))) {
                QuestionDefinition question = byCode.get((String) answer.get("code"));
                answers.put(question.id(), new AnswerContent((String) answer.get("choice"),
                        (String) answer.get("motivation"), (String) answer.get("examples"),
                        stringList(answer.getOrDefault("entries", List.of()))));
            }
            long version = reports.section(access, number).stored().version();
            reports.saveSection(access, number, version, new SectionContent((String) section.get("annotations"), null,
                    (String) section.get("text"), answers));
        }
        log.info("Demo report '{}' {} loaded", administration, year);
    }

    static Map<String, Object> read() throws IOException {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object value) {
        return (List<String>) value;
    }
}
