package it.oivreport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.oivreport.account.Memberships;
import it.oivreport.administration.AdministrationDetails;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.questionnaire.QuestionnaireTestSupport;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.ReportViews.SectionPage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import it.oivreport.support.TestClock;
import org.springframework.context.annotation.Import;

/** Creating and filling in reports, on the real database with the real questionnaire. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({Reports.class, ReportAccess.class, ReportReader.class, Administrations.class,
        Memberships.class, QuestionnaireTestSupport.class,
        TestClock.class, it.oivreport.report.ReportActivities.class, AnswerHistory.class})
class ReportsTests {

    @Autowired
    Reports reports;

    @Autowired
    QuestionnaireTestSupport questionnaire;

    @Autowired
    Administrations administrations;

    @Autowired
    ReportRepository reportRepository;

    long administrationId;
    long reportId;
    ReportAccess.Access oiv;

    @BeforeEach
    void createReport() throws Exception {
        questionnaire.load();
        administrationId = administrations.create(new AdministrationDetails("Comune di Prova", AdministrationType.COMUNE,
                null, null, OivComposition.MONOCRATICO, null));
        reportId = reports.create(administrationId, 2026, "oiv");
        oiv = ReportAccess.system(reportRepository.findById(reportId).orElseThrow(), "oiv");
    }

    @Test
    void aNewReportHasEverySectionToFillIn() {
        ReportOverview overview = reports.overview(oiv);
        assertThat(overview.totalSections()).isEqualTo(16);
        assertThat(overview.states().values()).containsOnly(SectionState.DA_COMPILARE);
        assertThat(overview.status()).isEqualTo(ReportStatus.BOZZA);
    }

    @Test
    void oneReportPerAdministrationAndYear() {
        assertThatThrownBy(() -> reports.create(administrationId, 2026, "oiv"))
                .isInstanceOfSatisfying(DuplicateReportException.class, e -> assertThat(e.existingId()).isEqualTo(reportId));
        assertThat(reports.create(administrationId, 2027, "oiv")).isNotEqualTo(reportId);
    }

    @Test
    void theDatabaseItselfAllowsOneReportPerAdministrationAndYear(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into report (administration_id, year, questionnaire_version_id, status, created_at, created_by)
                select administration_id, year, questionnaire_version_id, 'BOZZA', now(), 'test' from report where id = ?""")
                .param(reportId).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void aPartlyFilledSectionIsSavedAndPartial() {
        SectionPage page = reports.section(oiv, 1);
        QuestionDefinition first = page.section().questions().get(0);
        reports.saveSection(oiv, 1, page.stored().version(),
                content(Map.of(first.id(), new AnswerContent("SI", "Tutti pertinenti", null, List.of()))));

        SectionPage saved = reports.section(oiv, 1);
        assertThat(saved.report().state(1)).isEqualTo(SectionState.PARZIALE);
        assertThat(saved.stored().content().answer(first.id()))
                .isEqualTo(new AnswerContent("SI", "Tutti pertinenti", null, List.of()));
        assertThat(saved.stored().updatedBy()).isEqualTo("oiv");
        assertThat(saved.stored().version()).isGreaterThan(page.stored().version());
    }

    @Test
    void aBrowsersLineBreaksAreStoredAsLineFeeds() {
        SectionPage page = reports.section(oiv, 1);
        QuestionDefinition first = page.section().questions().get(0);
        reports.saveSection(oiv, 1, page.stored().version(), content(Map.of(first.id(),
                new AnswerContent("SI", "Primo paragrafo.\r\n\r\nSecondo.\r\n- una voce", "Esempio\runo", List.of()))));
        assertThat(reports.section(oiv, 1).stored().content().answer(first.id()))
                .isEqualTo(new AnswerContent("SI", "Primo paragrafo.\n\nSecondo.\n- una voce", "Esempio\nuno", List.of()));
    }

    @Test
    void aSectionIsCompleteWhenEveryChoiceIsMadeAndEveryTextQuestionAnswered() {
        SectionPage page = reports.section(oiv, 2);
        Map<Long, AnswerContent> answers = new HashMap<>();
        for (QuestionDefinition q : page.section().questions()) {
            answers.put(q.id(), new AnswerContent(q.kind().isChoice() ? q.options().get(0).code() : null, null, null,
                    q.hasList() ? List.of("Programma XAC", "Excel") : List.of()));
        }
        reports.saveSection(oiv, 2, page.stored().version(), content(answers));
        assertThat(reports.overview(oiv).state(2)).isEqualTo(SectionState.COMPLETA);
        QuestionDefinition withList = page.section().questions().stream().filter(QuestionDefinition::hasList)
                .findFirst().orElseThrow();
        assertThat(reports.section(oiv, 2).stored().content().answer(withList.id()).entries())
                .containsExactly("Programma XAC", "Excel");
        assertThat(reports.overview(oiv).completeSections()).isOne();
    }

    @Test
    void aTextOnlyQuestionNeedsText() {
        SectionPage page = reports.section(oiv, 4);
        Map<Long, AnswerContent> answers = new HashMap<>();
        List<QuestionDefinition> questions = page.section().questions();
        answers.put(questions.get(0).id(), new AnswerContent(null, "Con il sistema di misurazione", null, List.of()));
        answers.put(questions.get(1).id(), new AnswerContent(null, "   ", "Esempio soltanto", List.of()));
        reports.saveSection(oiv, 4, page.stored().version(), content(answers));
        assertThat(reports.overview(oiv).state(4)).isEqualTo(SectionState.PARZIALE);
    }

    @Test
    void theTerritorialSectionIsCompleteWithItsText() {
        SectionPage page = reports.section(oiv, 9);
        reports.saveSection(oiv, 9, page.stored().version(),
                new SectionContent(null, null, "Non esistono sedi territoriali", Map.of()));
        assertThat(reports.overview(oiv).state(9)).isEqualTo(SectionState.COMPLETA);
    }

    @Test
    void fieldsASectionDoesNotHaveAreNotStored() {
        SectionPage page = reports.section(oiv, 1);
        reports.saveSection(oiv, 1, page.stored().version(),
                new SectionContent("annotazione", "Nessuna variazione", "testo", Map.of()));
        SectionContent stored = reports.section(oiv, 1).stored().content();
        assertThat(stored.annotations()).isNull();
        assertThat(stored.body()).isNull();
        assertThat(stored.variations()).isEqualTo("Nessuna variazione");
    }

    @Test
    void aChoiceThatIsNotOfferedIsRefused() {
        SectionPage page = reports.section(oiv, 1);
        QuestionDefinition first = page.section().questions().get(0);
        assertThatThrownBy(() -> reports.saveSection(oiv, 1, page.stored().version(),
                content(Map.of(first.id(), new AnswerContent("FORSE", null, null, List.of())))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStaleSaveIsAConflictAndChangesNothing() {
        SectionPage opened = reports.section(oiv, 1);
        QuestionDefinition first = opened.section().questions().get(0);
        ReportAccess.Access anna = new ReportAccess.Access(reportId, administrationId, ReportStatus.BOZZA, false,
                it.oivreport.account.Role.OIV, "anna", 99);
        reports.saveSection(anna, 1, opened.stored().version(),
                content(Map.of(first.id(), new AnswerContent("SI", "Prima versione", null, List.of()))));

        assertThatThrownBy(() -> reports.saveSection(oiv, 1, opened.stored().version(),
                content(Map.of(first.id(), new AnswerContent("NO", "Seconda versione", null, List.of())))))
                .isInstanceOfSatisfying(SectionConflictException.class, conflict -> {
                    assertThat(conflict.current().updatedBy()).isEqualTo("anna");
                    assertThat(conflict.current().content().answer(first.id()).motivation()).isEqualTo("Prima versione");
                });
        assertThat(reports.section(oiv, 1).stored().content().answer(first.id()).choice()).isEqualTo("SI");
    }

    @Test
    void theSameContentSentTwiceIsSavedNotAConflict() {
        SectionPage opened = reports.section(oiv, 1);
        QuestionDefinition first = opened.section().questions().get(0);
        SectionContent mine = content(Map.of(first.id(), new AnswerContent("SI", "Doppio clic", null, List.of())));
        long saved = reports.saveSection(oiv, 1, opened.stored().version(), mine);
        // The second click of a double click carries the version the page had.
        assertThat(reports.saveSection(oiv, 1, opened.stored().version(), mine)).isEqualTo(saved);
        assertThat(reports.section(oiv, 1).stored().version()).isEqualTo(saved);
        // Different content on the old version is still a conflict.
        assertThatThrownBy(() -> reports.saveSection(oiv, 1, opened.stored().version(),
                content(Map.of(first.id(), new AnswerContent("NO", "Doppio clic", null, List.of())))))
                .isInstanceOf(SectionConflictException.class);
    }

    @Test
    void staffChangeOnlyTheAnnotations() {
        SectionPage page = reports.section(oiv, 2);
        QuestionDefinition first = page.section().questions().get(0);
        long version = reports.saveSection(oiv, 2, page.stored().version(), new SectionContent("prima", "Nessuna variazione",
                null, Map.of(first.id(), new AnswerContent("SI", "Risposta OIV", null, List.of()))));
        reports.saveSection(ReportFixtures.staffAccess(reportId, ReportStatus.BOZZA), 2, version,
                new SectionContent("annotazione dello staff", "cambiata", null,
                        Map.of(first.id(), new AnswerContent("NO", "Risposta staff", null, List.of()))));
        SectionContent stored = reports.section(oiv, 2).stored().content();
        assertThat(stored.annotations()).isEqualTo("annotazione dello staff");
        assertThat(stored.variations()).isEqualTo("Nessuna variazione");
        assertThat(stored.answer(first.id()).motivation()).isEqualTo("Risposta OIV");
    }

    @Test
    void nobodyEditsAReportThatIsNotADraft() {
        long version = reports.section(oiv, 1).stored().version();
        assertThatThrownBy(() -> reports.saveSection(ReportFixtures.oivAccess(reportId, ReportStatus.IN_REVISIONE), 1,
                version, new SectionContent(null, "x", null, Map.of())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> reports.saveSection(ReportFixtures.adminAccess(reportId, ReportStatus.BOZZA), 1,
                version, new SectionContent(null, "x", null, Map.of())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void withAPreviousReportASectionNeedsItsVariations() {
        ReportFixtures.fillCompletely(reports, oiv);
        long next = reports.create(administrationId, 2027, "oiv");
        ReportAccess.Access nextAccess = ReportAccess.system(reportRepository.findById(next).orElseThrow(), "oiv");
        assertThat(reports.overview(nextAccess).previous().year()).isEqualTo(2026);
        SectionPage page = reports.section(nextAccess, 9);
        long version = reports.saveSection(nextAccess, 9, page.stored().version(),
                new SectionContent(null, null, "Nessuna sede", Map.of()));
        assertThat(reports.overview(nextAccess).state(9)).isEqualTo(SectionState.PARZIALE);
        // The description differs from last year's: "Nessuna variazione" would not be true, and is refused.
        long stale = version;
        assertThatThrownBy(() -> reports.saveSection(nextAccess, 9, stale,
                new SectionContent(null, "Nessuna variazione", "Nessuna sede", Map.of())))
                .isInstanceOfSatisfying(it.oivreport.shared.Refusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("section.noChange.conflict"));
        assertThat(reports.overview(nextAccess).state(9)).isEqualTo(SectionState.PARZIALE);
        String lastYear = reports.section(oiv, 9).stored().content().body();
        reports.saveSection(nextAccess, 9, version, new SectionContent(null, "Nessuna variazione.", lastYear, Map.of()));
        assertThat(reports.overview(nextAccess).state(9)).isEqualTo(SectionState.COMPLETA);
        assertThat(reports.overview(oiv).previous()).isNull();
    }

    @Test
    void carriedAnswersStayToConfirmUntilChangedOrConfirmed() {
        ReportFixtures.fillCompletely(reports, oiv);
        long next = reports.create(administrationId, 2027, "oiv");
        reports.copyPrevious(next);
        ReportAccess.Access nextAccess = ReportAccess.system(reportRepository.findById(next).orElseThrow(), "oiv");
        // Every answer, and section 9's description too.
        assertThat(reports.overview(nextAccess).toConfirm()).isEqualTo(38);

        SectionPage page = reports.section(nextAccess, 1);
        List<QuestionDefinition> questions = page.section().questions();
        assertThat(page.stored().content().answer(questions.get(0).id()).motivation()).isEqualTo("Risposta 1.1");
        assertThat(page.stored().toConfirm()).hasSize(5);

        // Saved with variations but untouched answers: complete answers, yet still to confirm, so partial.
        Map<Long, AnswerContent> answers = new java.util.HashMap<>(page.stored().content().answers());
        answers.put(questions.get(0).id(), new AnswerContent("NO", "Cambiata", null, List.of()));
        long version = reports.saveSection(nextAccess, 1, page.stored().version(),
                new SectionContent(null, "1.1 cambiata", null, answers));
        page = reports.section(nextAccess, 1);
        assertThat(page.stored().toConfirm()).hasSize(4).doesNotContain(questions.get(0).id());
        assertThat(reports.overview(nextAccess).state(1)).isEqualTo(SectionState.PARZIALE);

        version = reports.saveSection(nextAccess, 1, version, page.stored().content(),
                java.util.Set.of(questions.get(1).id()), false);
        assertThat(reports.section(nextAccess, 1).stored().toConfirm()).hasSize(3);
        reports.saveSection(nextAccess, 1, version, reports.section(nextAccess, 1).stored().content(),
                java.util.Set.of(), true);
        assertThat(reports.section(nextAccess, 1).stored().toConfirm()).isEmpty();
        assertThat(reports.overview(nextAccess).state(1)).isEqualTo(SectionState.COMPLETA);
        assertThat(reports.overview(nextAccess).toConfirm()).isEqualTo(33);
    }

    @Autowired
    it.oivreport.questionnaire.Questionnaires questionnaires;

    /** Next year's report, started from this one, and its access. */
    private ReportAccess.Access nextYearFromThis() {
        long next = reports.create(administrationId, 2027, "oiv");
        reports.copyPrevious(next);
        return ReportAccess.system(reportRepository.findById(next).orElseThrow(), "oiv");
    }

    @Test
    void sectionTextsAreCarriedForwardToConfirmLikeAnswers() {
        long v9 = reports.section(oiv, 9).stored().version();
        reports.saveSection(oiv, 9, v9, new SectionContent(null, null, "Non esistono sedi territoriali", Map.of()));
        long v2 = reports.section(oiv, 2).stored().version();
        reports.saveSection(oiv, 2, v2, new SectionContent("nessuna", null, null, Map.of()));
        ReportAccess.Access next = nextYearFromThis();

        SectionPage nine = reports.section(next, 9);
        assertThat(nine.stored().content().body()).isEqualTo("Non esistono sedi territoriali");
        assertThat(nine.stored().textsToConfirm()).containsExactly(ReportViews.SectionText.BODY);
        assertThat(reports.overview(next).toConfirm()).isEqualTo(2);
        assertThat(reports.document(next).textToConfirm(9, ReportViews.SectionText.BODY)).isTrue();

        // Saved as it is: still to confirm. Confirmed with its own button: confirmed.
        long version = reports.saveSection(next, 9, nine.stored().version(), nine.stored().content());
        assertThat(reports.section(next, 9).stored().textsToConfirm()).containsExactly(ReportViews.SectionText.BODY);
        version = reports.saveSection(next, 9, version, nine.stored().content(), new Reports.SaveOptions(Set.of(),
                Set.of(ReportViews.SectionText.BODY), false, null));
        assertThat(reports.section(next, 9).stored().textsToConfirm()).isEmpty();

        // Support staff leave the annotations as carried: still to confirm; changing them confirms them.
        ReportAccess.Access staff = ReportFixtures.staffAccess(next.reportId(), ReportStatus.BOZZA);
        SectionPage two = reports.section(next, 2);
        long v = reports.saveSection(staff, 2, two.stored().version(), two.stored().content());
        assertThat(reports.section(next, 2).stored().textsToConfirm()).containsExactly(ReportViews.SectionText.ANNOTATIONS);
        reports.saveSection(staff, 2, v, new SectionContent("una nota nuova", null, null, Map.of()));
        assertThat(reports.section(next, 2).stored().textsToConfirm()).isEmpty();

        // Confirming a whole section confirms its texts too.
        ReportAccess.Access third = ReportAccess.system(reportRepository.findById(
                reports.create(administrationId, 2028, "oiv")).orElseThrow(), "oiv");
        reports.copyPrevious(third.reportId());
        assertThat(reports.section(third, 9).stored().textsToConfirm()).isNotEmpty();
        reports.confirm(third, 9, reports.section(third, 9).stored().version(), List.of());
        assertThat(reports.section(third, 9).stored().textsToConfirm()).isEmpty();
    }

    @Test
    void noVariationWhereSomethingChangedNeedsAReasonWhichIsRecorded() {
        ReportFixtures.fillCompletely(reports, oiv);
        ReportAccess.Access next = nextYearFromThis();
        SectionPage one = reports.section(next, 1);
        QuestionDefinition first = one.section().questions().get(0);
        Map<Long, AnswerContent> answers = new java.util.HashMap<>(one.stored().content().answers());
        answers.put(first.id(), new AnswerContent("NO", "Cambiata", null, List.of()));
        SectionContent changed = new SectionContent(null, "Nessuna variazione", null, answers);

        Reports.Changes changes = reports.changesSincePrevious(next, 1, changed);
        assertThat(changes.questionCodes()).containsExactly("1.1");
        assertThat(reports.changesSincePrevious(next, 1, one.stored().content()).isEmpty()).isTrue();
        assertThatThrownBy(() -> reports.saveSection(next, 1, one.stored().version(), changed))
                .isInstanceOfSatisfying(it.oivreport.shared.Refusal.class,
                        refusal -> assertThat(refusal.arguments()).containsExactly("1.1"));
        assertThat(reports.section(next, 1).stored().content().variations()).isNull();

        long version = reports.saveSection(next, 1, one.stored().version(), changed,
                new Reports.SaveOptions(Set.of(), Set.of(), false, "  Modifica solo formale della motivazione. "));
        var override = reports.section(next, 1).stored().noChangeOverride();
        assertThat(override.reason()).isEqualTo("Modifica solo formale della motivazione.");
        assertThat(override.by()).isEqualTo("oiv");
        assertThat(override.at()).isNotNull();
        assertThat(reports.document(next).noChangeOverride(1)).contains(override);

        // Written variations make the reason moot: it is not kept.
        reports.saveSection(next, 1, version, new SectionContent(null, "1.1: risposta cambiata.", null, answers),
                new Reports.SaveOptions(Set.of(), Set.of(), false, "Modifica solo formale della motivazione."));
        assertThat(reports.section(next, 1).stored().noChangeOverride()).isNull();
    }

    @Test
    void theDescriptionRewrittenCountsAsAChange() {
        long v9 = reports.section(oiv, 9).stored().version();
        reports.saveSection(oiv, 9, v9, new SectionContent(null, null, "Non esistono sedi territoriali", Map.of()));
        ReportAccess.Access next = nextYearFromThis();
        SectionContent rewritten = new SectionContent(null, "Nessuna variazione", "Aperta una sede a Desenzano", Map.of());
        assertThat(reports.changesSincePrevious(next, 9, rewritten).texts()).containsExactly(ReportViews.SectionText.BODY);
        assertThat(reports.changesSincePrevious(next, 9, rewritten).describe(reports.section(next, 9).section()))
                .isEqualTo("descrizione");
    }

    @Test
    void saysNoVariationWhateverItsCaseSpacingOrFullStop() {
        assertThat(Reports.saysNoVariation("Nessuna variazione")).isTrue();
        assertThat(Reports.saysNoVariation("  nessuna   VARIAZIONE. ")).isTrue();
        assertThat(Reports.saysNoVariation("Nessuna variazione, salvo 1.1")).isFalse();
        assertThat(Reports.saysNoVariation(null)).isFalse();
    }

    @Test
    void theDoubleSlashPlaceholderIsStoredAsEmpty() {
        long v = reports.section(oiv, 13).stored().version();
        reports.saveSection(oiv, 13, v, new SectionContent(" // ", "//", null, Map.of()));
        SectionContent stored = reports.section(oiv, 13).stored().content();
        assertThat(stored.annotations()).isNull();
        assertThat(stored.variations()).isNull();
    }

    @Test
    void aVersionOneReportCarriedToVersionTwoLosesNoText() {
        var v1 = questionnaires.byCode("avvio-ciclo-v1");
        long old = reports.create(administrationId, 2020, "oiv", v1);
        ReportAccess.Access oldAccess = ReportAccess.system(reportRepository.findById(old).orElseThrow(), "oiv");
        var three = reports.section(oldAccess, 3);
        QuestionDefinition q31 = three.section().questions().get(0);
        QuestionDefinition q32 = three.section().questions().get(1);
        assertThat(q31.kind()).isEqualTo(it.oivreport.questionnaire.AnswerKind.TEXT);
        reports.saveSection(oldAccess, 3, three.stored().version(), new SectionContent(null, null, null, Map.of(
                q31.id(), new AnswerContent(null, "Nel piano 2020 i target derivano da valori storici", "Eventi", List.of()),
                q32.id(), new AnswerContent("SI", "Si, solamente laddove disponibili", null, List.of()))));

        // 2026 (this test's report) is on version 2 and, being the later year, starts from 2020's.
        reports.copyPrevious(reportId);
        var now = reports.section(oiv, 3);
        assertThat(reports.questionnaire(oiv).code()).isEqualTo("avvio-ciclo-v2");
        QuestionDefinition n31 = now.section().questions().get(0);
        QuestionDefinition n32 = now.section().questions().get(1);
        assertThat(n31.kind()).isEqualTo(it.oivreport.questionnaire.AnswerKind.SHARE);
        assertThat(now.stored().content().answer(n31.id()))
                .isEqualTo(new AnswerContent(null, "Nel piano 2020 i target derivano da valori storici", "Eventi", List.of()));
        assertThat(now.stored().content().answer(n32.id()))
                .isEqualTo(new AnswerContent(null, "Sì\n\nSi, solamente laddove disponibili", null, List.of()));
        // The choice may stay empty: the motivation answers, so the answers count as given once confirmed.
        reports.confirm(oiv, 3, now.stored().version(), List.of());
        var variations = reports.section(oiv, 3);
        reports.saveSection(oiv, 3, variations.stored().version(), new SectionContent(null, "3.2: risposta riformulata.",
                null, variations.stored().content().answers()));
        assertThat(reports.overview(oiv).state(3)).isEqualTo(SectionState.COMPLETA);
    }

    @Test
    void unknownReportsAndSectionsAreNotFound() {
        assertThatThrownBy(() -> reports.overview(ReportFixtures.oivAccess(999_999, ReportStatus.BOZZA)))
                .isInstanceOf(it.oivreport.shared.web.NotFoundException.class);
        assertThatThrownBy(() -> reports.section(oiv, 17))
                .isInstanceOf(it.oivreport.shared.web.NotFoundException.class);
    }

    @Test
    void theDocumentHoldsEverySection() {
        SectionDefinition nine = reports.section(oiv, 9).section();
        assertThat(reports.document(oiv).contents()).hasSize(16).containsKey(nine.number());
    }

    private static SectionContent content(Map<Long, AnswerContent> answers) {
        return new SectionContent(null, null, null, answers);
    }
}
