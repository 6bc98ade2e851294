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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    DemoReport(Reports reports, ReportRepository repository, Questionnaires questionnaires,
            Administrations administrations, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.reports = reports;
        this.repository = repository;
        this.questionnaires = questionnaires;
        this.administrations = administrations;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Map<String, Object> demo = read();
        String administration = (String) demo.get("administration");
        int year = (Integer) demo.get("year");
        long administrationId = administrations.findByName(administration).orElseThrow().id();
        if (repository.findFirstByAdministrationIdAndYearOrderByRevisionDesc(administrationId, year).isPresent()) {
            return;
        }
        long id = reports.create(administrationId, year, "oiv");
        ReportAccess.Access access = ReportAccess.system(repository.findById(id).orElseThrow(), "oiv");
        // The file is written for one questionnaire version; the report is on the newest, so each answer is
        // carried to the question of the same code as a new report would carry it.
        QuestionnaireDefinition written = questionnaires.byCode((String) demo.get("questionnaire"));
        QuestionnaireDefinition questionnaire = reports.questionnaire(access);
        Map<String, QuestionDefinition> writtenByCode = new HashMap<>();
        written.questions().forEach(q -> writtenByCode.put(q.code(), q));
        for (Map<String, Object> section : list(demo.get("sections"))) {
            int number = (Integer) section.get("number");
            SectionDefinition definition = questionnaire.section(number).orElseThrow();
            Map<String, QuestionDefinition> byCode = new HashMap<>();
            definition.questions().forEach(q -> byCode.put(q.code(), q));
            Map<Long, AnswerContent> answers = new HashMap<>();
            for (Map<String, Object> answer : list(section.getOrDefault("questions", List.of()))) {
                String code = (String) answer.get("code");
                QuestionDefinition question = byCode.get(code);
                answers.put(question.id(), AnswerMapping.map(writtenByCode.get(code), question, new AnswerContent(
                        (String) answer.get("choice"), (String) answer.get("motivation"),
                        (String) answer.get("examples"), stringList(answer.getOrDefault("entries", List.of())))));
            }
            long version = reports.section(access, number).stored().version();
            reports.saveSection(access, number, version, new SectionContent((String) section.get("annotations"), null,
                    (String) section.get("text"), answers));
        }
        backdate(id, year);
        log.info("Demo report '{}' {} loaded", administration, year);
        nextCycle(administrationId, year + 1, questionnaire);
    }

    /**
     * Dates a demo report in its own cycle, as if it had been written then: created in mid-January of its
     * year, each section saved on one of the following days (the workflow's demo dates its approval after).
     */
    private void backdate(long reportId, int year) {
        java.time.Instant created = java.time.LocalDateTime.of(year, 1, 13, 9, 30)
                .atZone(java.time.ZoneId.of("Europe/Rome")).toInstant();
        jdbc.update("update report set created_at = ?::timestamptz where id = ?", java.sql.Timestamp.from(created), reportId);
        jdbc.update("""
                update report_section s set updated_at = ?::timestamptz + (q.number - 1) * interval '7 hours'
                from questionnaire_section q
                where s.section_id = q.id and s.report_id = ? and s.updated_at is not null""",
                java.sql.Timestamp.from(created.plus(java.time.Duration.ofDays(1))), reportId);
    }

    /**
     * The next cycle's report, started from this one and then partly worked on, so that the comparison shows
     * every class: answers changed, list entries added and removed, answers confirmed unchanged, answers
     * still to confirm.
     */
    private void nextCycle(long administrationId, int year, QuestionnaireDefinition questionnaire) {
        long id = reports.create(administrationId, year, "oiv");
        reports.copyPrevious(id);
        ReportAccess.Access access = ReportAccess.system(repository.findById(id).orElseThrow(), "oiv");
        // Section 1: 1.1 rewritten, the rest confirmed as it was.
        var section1 = reports.section(access, 1);
        Map<Long, AnswerContent> answers1 = new HashMap<>(section1.stored().content().answers());
        long q11 = questionnaire.section(1).orElseThrow().questions().get(0).id();
        AnswerContent old11 = answers1.get(q11);
        answers1.put(q11, new AnswerContent(old11.choice(), "Sì, tutti gli obiettivi strategici monitorano le azioni"
                + " più rilevanti attraverso le quali l'Ente realizza la mission e il programma di mandato, anche dopo"
                + " l'emergenza sanitaria", old11.examples(), old11.entries()));
        reports.saveSection(access, 1, section1.stored().version(), new SectionContent(null,
                "1.1: motivazione aggiornata dopo la fine dell'emergenza.", null, answers1));
        // Section 2: the list of IT systems changes.
        var section2 = reports.section(access, 2);
        Map<Long, AnswerContent> answers2 = new HashMap<>(section2.stored().content().answers());
        long q23 = questionnaire.section(2).orElseThrow().questions().get(2).id();
        AnswerContent old23 = answers2.get(q23);
        List<String> systems = new java.util.ArrayList<>(old23.entries());
        systems.remove("Programma “XAC”");
        systems.add("Piattaforma di business intelligence camerale");
        answers2.put(q23, new AnswerContent(old23.choice(), old23.motivation(), old23.examples(), systems));
        reports.saveSection(access, 2, section2.stored().version(), new SectionContent(
                section2.stored().content().annotations(), null, null, answers2));
        // Section 4: confirmed unchanged. Everything else, section 9's description included, is left to confirm.
        reports.confirm(access, 4, reports.section(access, 4).stored().version(), List.of());
        backdate(id, year);
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
