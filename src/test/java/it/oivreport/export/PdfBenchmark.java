package it.oivreport.export;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.OivComposition;
import it.oivreport.evidence.EvidenceView;
import it.oivreport.questionnaire.AnswerKind;
import it.oivreport.questionnaire.QuestionnaireDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.OptionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.PartDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.ReportDocument;
import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.report.ReportViews.SectionContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Benchmark, not a test (run by {@code bench/pdf.sh}): renders a full report (6 parts, 16 sections, 40
 * questions, every motivation and example a 2,000-character text, 5 list entries each, 50 evidence
 * entries), seals it, and validates a file with three signatures. Prints the median and the maximum of
 * 20 warm runs of each.
 */
public final class PdfBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        Clock clock = Clock.systemUTC();
        ReportPdf pdf = new ReportPdf(null, null, null, null, null, null, null, messages, clock, java.util.List.of());
        ReportPdf.Content content = content();
        ReportSeal seal = new ReportSeal(pdf, null, null, null, null, null, null, messages, clock, null);
        SealKeys.SealKey key = new SealKeys.SealKey(SealKeys.selfSigned("CN=Sigillo di prova", "s", "p".toCharArray(),
                Instant.now()), "p".toCharArray(), "s", false);

        byte[] rendered = pdf.render(content);
        byte[] threeSignatures = sign(sign(sign(rendered, "Primo"), "Secondo"), "Terzo");
        Path out = Path.of("target/bench-report.pdf");
        Files.write(out, rendered);

        report("render the full report", runs, () -> pdf.render(content));
        report("seal it", runs, () -> seal.seal(rendered, key, Instant.now()).file());
        report("validate three signatures", runs, () -> ExternalSignatures.intactSignatures(threeSignatures,
                new CommonCertificateVerifier(), 0));
        System.out.printf("  (%d pages, %d KB; written to %s)%n", org.apache.pdfbox.Loader.loadPDF(rendered)
                .getNumberOfPages(), rendered.length / 1024, out);
    }

    private static void report(String what, int runs, Supplier<Object> task) {
        for (int i = 0; i < 5; i++) {
            task.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("  %-28s median %6.1f ms, max %6.1f ms over %d warm runs%n", what, millis[runs / 2],
                millis[runs - 1], runs);
    }

    private static byte[] sign(byte[] pdf, String member) {
        byte[] keystore = SealKeys.selfSigned("CN=" + member, "k", "p".toCharArray(), Instant.now());
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(keystore, new KeyStore.PasswordProtection("p".toCharArray()))) {
            DSSPrivateKeyEntry entry = token.getKeys().get(0);
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
            parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
            parameters.setSigningCertificate(entry.getCertificate());
            parameters.setCertificateChain(entry.getCertificateChain());
            parameters.bLevel().setSigningDate(new Date());
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            DSSDocument document = new InMemoryDocument(pdf);
            var value = token.sign(service.getDataToSign(document, parameters), DigestAlgorithm.SHA256, entry);
            return service.signDocument(document, parameters, value).openStream().readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String[] WORDS = ("obiettivo strategico indicatore performance qualità dell’amministrazione è più "
            + "valutazione servizi target risorse Piano attività imprese camerali digitalizzazione utenza").split(" ");

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return text.toString().strip();
    }

    private static ReportPdf.Content content() {
        Random random = new Random(1);
        List<OptionDefinition> yesNo = List.of(new OptionDefinition("SI", "Sì"), new OptionDefinition("NO", "No"));
        List<PartDefinition> parts = new ArrayList<>();
        Map<Integer, SectionContent> contents = new HashMap<>();
        long id = 1;
        int section = 1;
        for (int p = 1; p <= 6; p++) {
            List<SectionDefinition> sections = new ArrayList<>();
            int perPart = p <= 4 ? 3 : 2;
            for (int s = 0; s < perPart && section <= 16; s++, section++) {
                List<QuestionDefinition> questions = new ArrayList<>();
                Map<Long, AnswerContent> answers = new HashMap<>();
                int count = 40 / 16 + (section <= 40 % 16 ? 1 : 0);
                for (int q = 1; q <= count; q++, id++) {
                    questions.add(new QuestionDefinition(id, section + "." + q, text(random, 180) + "?", AnswerKind.YES_NO,
                            "Esempio", "Specificare i sistemi", yesNo));
                    answers.put(id, new AnswerContent("SI", text(random, 2000), text(random, 2000),
                            List.of("Programma XAC", "Excel", "Quality Check", "Infocamere", "Business intelligence")));
                }
                sections.add(new SectionDefinition(100 + section, section, "Sezione " + section + " " + text(random, 40), p,
                        true, null, questions));
                contents.put(section, new SectionContent(text(random, 600), text(random, 400), null, answers));
            }
            parts.add(new PartDefinition(p, "Parte " + p, sections));
        }
        QuestionnaireDefinition questionnaire = new QuestionnaireDefinition(1, "bench", 1,
                "Rapporto individuale sull'avvio del ciclo di gestione della performance",
                "Per ogni sezione indicare le variazioni rispetto alle evidenze del Rapporto individuale OIV di avvio del ciclo precedente",
                parts);
        ReportDocument document = new ReportDocument(new ReportOverview(1, 1, "Camera di Commercio di Brescia", 2021,
                ReportStatus.APPROVATO, questionnaire, Map.of(), null, 0), contents);
        List<EvidenceView> evidence = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            evidence.add(new EvidenceView(i, 1 + i % 16, (1 + i % 16) + ".1", "documento-" + i + ".pdf", "Evidenza " + i,
                    "application/pdf", "pdf", 100_000 + i, "%064x".formatted(i), "Laura Conti", Instant.now(), null, null,
                    true, false));
        }
        return new ReportPdf.Content(document, new AdministrationView(1, "Camera di Commercio di Brescia",
                AdministrationType.values()[0], null, null, OivComposition.COLLEGIALE, 1L, true, 0),
                List.of("Marco Bianchi", "Chiara Moretti", "Paolo Gallo"), "Marco Bianchi", Optional.empty(), evidence,
                Instant.now());
    }
}
