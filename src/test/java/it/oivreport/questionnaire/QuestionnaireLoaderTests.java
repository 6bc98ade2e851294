package it.oivreport.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.support.SeedReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import it.oivreport.support.TestClock;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({QuestionnaireLoader.class, Questionnaires.class, TestClock.class})
class QuestionnaireLoaderTests {

    @Autowired
    QuestionnaireLoader loader;

    @Autowired
    Questionnaires questionnaires;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theQuestionnaireIsTheSeedWordForWord() throws Exception {
        loader.run(null);
        QuestionnaireDefinition questionnaire = questionnaires.byCode("avvio-ciclo-v1");
        SeedReport seed = SeedReport.read();

        assertThat(questionnaire.headerNote()).isEqualTo(seed.headerNote);
        assertThat(questionnaire.parts()).hasSize(6);
        Map<Integer, String> parts = new LinkedHashMap<>();
        questionnaire.parts().forEach(p -> parts.put(p.number(), p.title()));
        assertThat(parts).containsExactlyEntriesOf(seed.parts);

        assertThat(questionnaire.sections()).hasSize(16);
        Map<Integer, String> sections = new LinkedHashMap<>();
        questionnaire.sections().forEach(s -> sections.put(s.number(), s.title()));
        assertThat(sections).containsExactlyEntriesOf(seed.sections);

        Map<String, String> questions = new LinkedHashMap<>();
        questionnaire.questions().forEach(q -> questions.put(q.code(), SeedReport.normalise(q.text())));
        assertThat(questions).containsExactlyEntriesOf(seed.questions);
        assertThat(seed.questions).hasSize(37).containsKeys("1.1", "16.2");
    }

    @Test
    void answerKindsListsAndSectionFieldsFollowTheSeed() throws Exception {
        loader.run(null);
        QuestionnaireDefinition questionnaire = questionnaires.byCode("avvio-ciclo-v1");
        Map<String, QuestionDefinition> byCode = new LinkedHashMap<>();
        questionnaire.questions().forEach(q -> byCode.put(q.code(), q));

        assertThat(byCode.get("1.1").kind()).isEqualTo(AnswerKind.YES_NO);
        assertThat(byCode.get("1.1").options()).extracting(QuestionnaireDefinition.OptionDefinition::label)
                .containsExactly("Sì", "No");
        assertThat(byCode.get("10.1").options()).extracting(QuestionnaireDefinition.OptionDefinition::label)
                .containsExactly("Alta", "Media", "Bassa");
        assertThat(byCode.get("13.1").options()).extracting(QuestionnaireDefinition.OptionDefinition::label)
                .containsExactly("Alto", "Medio", "Basso");
        assertThat(byCode.get("7.1").options()).extracting(QuestionnaireDefinition.OptionDefinition::label)
                .containsExactly("Nessuno", "Meno del 50%", "Più del 50%", "Tutti");
        assertThat(byCode.get("1.3").kind()).isEqualTo(AnswerKind.TEXT);
        assertThat(byCode.get("1.3").options()).isEmpty();
        assertThat(byCode.values()).filteredOn(QuestionDefinition::hasList).extracting(QuestionDefinition::code)
                .containsExactly("2.3", "2.4", "6.3", "6.4", "16.1");
        assertThat(byCode.get("2.3").listLabel())
                .isEqualTo("Specificare i sistemi informatici di maggior rilevanza ai fini della misurazione");

        SectionDefinition territorial = questionnaire.section(9).orElseThrow();
        assertThat(territorial.questions()).isEmpty();
        assertThat(territorial.hasTextField()).isTrue();
        assertThat(questionnaire.sections()).filteredOn(SectionDefinition::hasAnnotations)
                .extracting(SectionDefinition::number)
                .containsExactly(2, 5, 7, 8, 10, 11, 12, 13, 14, 15, 16);
    }

    @Test
    void versionTwoFollowsTheTemplateWhereVersionOneDidNot() throws Exception {
        loader.run(null);
        QuestionnaireDefinition v1 = questionnaires.byCode("avvio-ciclo-v1");
        QuestionnaireDefinition v2 = questionnaires.byCode("avvio-ciclo-v2");
        assertThat(questionnaires.newest().code()).isEqualTo("avvio-ciclo-v2");
        // The same questions, word for word, under the same codes: answers compare across the two.
        assertThat(v2.questions()).extracting(QuestionDefinition::code, QuestionDefinition::text)
                .containsExactlyElementsOf(v1.questions().stream()
                        .map(q -> org.assertj.core.groups.Tuple.tuple(q.code(), q.text())).toList());
        assertThat(v2.parts()).extracting(QuestionnaireDefinition.PartDefinition::title)
                .containsExactlyElementsOf(v1.parts().stream().map(QuestionnaireDefinition.PartDefinition::title).toList());
        Map<String, QuestionDefinition> byCode = new LinkedHashMap<>();
        v2.questions().forEach(q -> byCode.put(q.code(), q));

        assertThat(byCode.values()).filteredOn(q -> !q.hasExamples()).extracting(QuestionDefinition::code)
                .containsExactly("1.4", "1.5", "2.3", "2.4", "16.1");
        assertThat(byCode.values()).filteredOn(QuestionDefinition::listFirst).extracting(QuestionDefinition::code)
                .containsExactly("6.3", "6.4");
        // The same question has the same kind: a share of indicators, the choice optional.
        for (String[] pair : new String[][] {{"3.1", "7.1"}, {"3.2", "7.2"}}) {
            QuestionDefinition strategic = byCode.get(pair[0]);
            QuestionDefinition operational = byCode.get(pair[1]);
            assertThat(strategic.text()).isEqualTo(operational.text());
            assertThat(strategic.kind()).isEqualTo(operational.kind()).isEqualTo(AnswerKind.SHARE);
            assertThat(strategic.choiceRequired()).isFalse();
            assertThat(operational.choiceRequired()).isFalse();
            assertThat(strategic.answered(false, true)).isTrue();
        }
        assertThat(byCode.get("1.1").answered(false, true)).isFalse();
        assertThat(v1.questions()).allMatch(QuestionDefinition::hasExamples);
    }

    @Test
    void aFileThatContradictsItselfIsRefusedWithItsName() {
        String file = """
                code: t
                version: 9
                title: T
                header-note: N
                option-sets:
                  YES_NO: [{code: SI, label: Sì}]
                parts:
                  - number: 1
                    title: P
                    sections:
                      - number: 1
                        title: S
                        questions:
                          - code: '1.1'
                            text: Q
                            kind: TEXT
                            %s
                """;
        for (String wrong : new String[] {"examples: false\n            examples-label: Esempi",
                "list-first: true", "choice-required: false", "examples: maybe"}) {
            assertThatThrownBy(() -> QuestionnaireFile.parse("t.yaml", file.formatted(wrong)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("t.yaml").hasMessageContaining("1.1");
        }
    }

    @Test
    void loadingTheSameFileAgainChangesNothing() throws Exception {
        long first = loader.load("avvio-ciclo-v1.yaml", file());
        long again = loader.load("avvio-ciclo-v1.yaml", file());
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from questionnaire_version where code = 'avvio-ciclo-v1'").query(Long.class).single()).isOne();
    }

    @Test
    void aChangedFileReplacesAVersionThatNoReportUses() throws Exception {
        long first = loader.load("avvio-ciclo-v1.yaml", file());
        long second = loader.load("avvio-ciclo-v1.yaml", changed());
        assertThat(second).isNotEqualTo(first);
        assertThat(questionnaires.byId(second).title()).endsWith("(rivisto)");
    }

    @Test
    void aChangedFileOfAVersionInUseStopsTheStartWithAClearMessage() throws Exception {
        long id = loader.load("avvio-ciclo-v1.yaml", file());
        long administration = jdbc.sql("""
                insert into administration (name, type, oiv_composition) values ('Comune di Prova', 'COMUNE', 'MONOCRATICO')
                returning id""").query(Long.class).single();
        jdbc.sql("""
                insert into report (administration_id, year, questionnaire_version_id, status, created_at, created_by)
                values (?, 2026, ?, 'BOZZA', now(), 'test')""").params(administration, id).update();

        assertThatThrownBy(() -> loader.load("avvio-ciclo-v1.yaml", changed()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("avvio-ciclo-v1.yaml changed")
                .hasMessageContaining("used by 1 report(s) and must never change in place");
        assertThat(questionnaires.byId(id).title()).doesNotEndWith("(rivisto)");
    }

    @Test
    void aNewVersionIsAddedByAddingAFile() throws Exception {
        long v1 = loader.load("avvio-ciclo-v1.yaml", file());
        String v2 = new String(file(), StandardCharsets.UTF_8).replace("code: avvio-ciclo-v1", "code: avvio-ciclo-v2")
                .replace("version: 1", "version: 2");
        long id = loader.load("avvio-ciclo-v2.yaml", v2.getBytes(StandardCharsets.UTF_8));
        assertThat(questionnaires.newest().id()).isEqualTo(id);
        assertThat(questionnaires.byId(v1).code()).isEqualTo("avvio-ciclo-v1");
        assertThat(questionnaires.newest().questions()).extracting(QuestionDefinition::code)
                .isEqualTo(questionnaires.byId(v1).questions().stream().map(QuestionDefinition::code).toList());
    }

    @Test
    void aBrokenFileSaysWhatIsWrong() {
        String broken = new String(file(), StandardCharsets.UTF_8).replaceFirst("kind: TEXT", "kind: ESSAY");
        assertThatThrownBy(() -> loader.load("broken.yaml", broken.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("Questionnaire file broken.yaml: question 1.3 has unknown kind 'ESSAY'");
    }

    private static byte[] file() {
        try {
            return new ClassPathResource("questionnaires/avvio-ciclo-v1.yaml").getContentAsByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] changed() {
        return new String(file(), StandardCharsets.UTF_8)
                .replace("title: 'Rapporto individuale sull''avvio del ciclo di gestione della performance'",
                        "title: 'Rapporto individuale sull''avvio del ciclo di gestione della performance (rivisto)'")
                .getBytes(StandardCharsets.UTF_8);
    }
}
