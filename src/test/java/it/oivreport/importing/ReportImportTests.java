package it.oivreport.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.importing.ReportImports.Found;
import it.oivreport.importing.ReportImports.QuestionRead;
import it.oivreport.importing.ReportImports.Review;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.ReportDocument;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.Reports;
import it.oivreport.shared.Hashes;
import it.oivreport.shared.Refusal;
import it.oivreport.support.DraftReports;
import it.oivreport.support.IntegrationTest;
import it.oivreport.support.WebClientSession;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Import of an earlier report through the application: the upload read and kept for review, the report
 * created IMPORTATO from the reviewed answers, the next year started from it, the file kept as its source
 * document; and every bad input refused with its Italian message, nothing created.
 */
@IntegrationTest
class ReportImportTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ReportImports imports;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    private AccountPrincipal oiv() {
        return (AccountPrincipal) users.loadUserByUsername("oiv");
    }

    @Test
    void theSeedAsDocxBecomesAnImportedReportThatTheNextYearStartsFrom() throws Exception {
        long administration = DraftReports.administration(context, "Comune importato");
        byte[] docx = ImportCorpus.docx(ImportCorpus.seedLines());
        WebClientSession session = new WebClientSession(port);
        session.login("oiv", "demo");
        HttpResponse<String> uploaded = session.upload("/imports", "/imports/new",
                Map.of("administrationId", "" + administration, "year", "2020"), "file", Map.of("rapporto-2020.docx", docx));
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String location = uploaded.headers().firstValue("Location").orElseThrow();
        long importId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        HttpResponse<String> review = session.follow(uploaded);
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).contains("Trovate 37 domande su 37.").contains("trovata dal numero")
                .contains("rapporto-2020.docx").contains(Hashes.sha256(docx)).doesNotContain("Testo non attribuito");
        // A text over its limit comes back on the review page with the error, and nothing is created.
        String token = java.net.URLEncoder.encode(review.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1"),
                StandardCharsets.UTF_8);
        Review pending = imports.review(oiv(), importId);
        StringBuilder rows = new StringBuilder("_csrf=" + token);
        for (int i = 0; i < pending.questions().size(); i++) {
            rows.append("&answers%5B").append(i).append("%5D.code=").append(pending.questions().get(i).question().code());
        }
        for (int i = 0; i < pending.sections().size(); i++) {
            rows.append("&sections%5B").append(i).append("%5D.number=").append(pending.sections().get(i).section().number());
        }
        HttpResponse<String> tooLong = session.post("/imports/" + importId, rows + "&answers%5B0%5D.motivation=" + "x".repeat(10_001));
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("Controlla i campi evidenziati").contains("Trovate 37 domande su 37.");
        assertThat(jdbc.queryForObject("select count(*) from report where administration_id = ?", Integer.class,
                administration)).isZero();
        // A form with fewer rows than the review page has is not the page's form: 400, nothing created.
        assertThat(session.post("/imports/" + importId, "_csrf=" + token + "&answers%5B0%5D.code=1.1").statusCode())
                .isEqualTo(400);

        // Confirmed as read, but for one answer the OIV corrects.
        Review read = imports.review(oiv(), importId);
        assertThat(read.questions()).extracting(QuestionRead::found).containsOnly(Found.CODE);
        Map<String, AnswerContent> answers = read.questions().stream()
                .collect(Collectors.toMap(q -> q.question().code(), QuestionRead::answer));
        answers.put("1.4", new AnswerContent("NO", "Corretto nella revisione.", null, List.of()));
        Map<Integer, SectionContent> texts = new HashMap<>();
        read.sections().forEach(s -> texts.put(s.section().number(),
                new SectionContent(s.annotations(), s.variations(), s.body(), Map.of())));
        long reportId = imports.confirm(oiv(), importId, answers, texts);

        Access imported = access.of(reportId, oiv());
        ReportDocument document = reports.document(imported);
        assertThat(document.overview().status()).isEqualTo(ReportStatus.IMPORTATO);
        assertThat(document.overview().year()).isEqualTo(2020);
        Map<String, AnswerContent> stored = new HashMap<>();
        document.overview().questionnaire().sections().forEach(s -> s.questions().forEach(q ->
                stored.put(q.code(), document.contents().get(s.number()).answer(q.id()))));
        assertThat(stored.get("1.1").choice()).isEqualTo("SI");
        assertThat(stored.get("2.3").entries()).hasSize(5).first().isEqualTo("Programma “XAC”");
        assertThat(stored.get("1.4").motivation()).isEqualTo("Corretto nella revisione.");
        // The same report cannot be imported twice, and nothing is pending any more.
        assertThat(jdbc.queryForObject("select count(*) from report_import where report_id is null and administration_id = ?",
                Integer.class, administration)).isZero();

        // The file is the report's source document, byte for byte.
        HttpResponse<byte[]> source = session.download("/reports/" + reportId + "/source");
        assertThat(source.statusCode()).isEqualTo(200);
        assertThat(Hashes.sha256(source.body())).isEqualTo(Hashes.sha256(docx));
        assertThat(session.get("/reports/" + reportId).body()).contains("Importato").contains("Documento di origine")
                .contains(Hashes.sha256(docx));
        // The report's PDF lists it in an annex, with its fingerprint, and in its index.
        HttpResponse<byte[]> pdf = session.download("/reports/" + reportId + "/export.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(it.oivreport.support.VeraPdf.failures(pdf.body(), org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_A))
                .as("PDF/A-2a").isEmpty();
        try (PDDocument printed = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(printed).replaceAll("\\s+", " ");
            assertThat(text).containsOnlyOnce("Documento di origine Il rapporto è stato importato")
                    .contains("rapporto-2020.docx").contains("SHA-256 " + Hashes.sha256(docx))
                    .contains("Allegato – Documento di origine");
        }

        // 2021 starts from it: last year's answers come forward to be confirmed, and the comparison has 2020.
        long next = reports.create(administration, 2021, oiv(), true);
        ReportDocument started = reports.document(access.of(next, oiv()));
        assertThat(started.overview().previous()).isNotNull();
        assertThat(started.overview().previous().year()).isEqualTo(2020);
        assertThat(started.overview().toConfirm()).isGreaterThan(30);
        // An imported report is read-only, and once a later report has started it can no longer be deleted.
        assertThat(imported.canEditAnswers()).isFalse();
        assertThat(reports.canDeleteImported(imported)).isFalse();
        assertThatThrownBy(() -> reports.deleteImported(imported)).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).messageKey()).isEqualTo("import.delete.later");
    }

    @Test
    void aJsonExportImportedAndExportedAgainIsTheSameReport() throws Exception {
        long demo = jdbc.queryForObject("select r.id from report r join administration a on a.id = r.administration_id"
                + " where a.name = 'Camera di Commercio di Brescia' and r.year = 2020 and r.revision = 0", Long.class);
        WebClientSession session = new WebClientSession(port);
        session.login("oiv", "demo");
        byte[] exported = session.download("/reports/" + demo + "/export.json").body();
        long administration = DraftReports.administration(context, "Comune trasferito");
        long importId = imports.upload(oiv(), administration, 2020, "rapporto-2020.json", exported);
        Review read = imports.review(oiv(), importId);
        assertThat(read.found()).isEqualTo(37);
        assertThat(read.leftovers()).isEmpty();
        Map<String, AnswerContent> answers = read.questions().stream()
                .collect(Collectors.toMap(q -> q.question().code(), QuestionRead::answer));
        Map<Integer, SectionContent> texts = new HashMap<>();
        read.sections().forEach(s -> texts.put(s.section().number(),
                new SectionContent(s.annotations(), s.variations(), s.body(), Map.of())));
        long reportId = imports.confirm(oiv(), importId, answers, texts);
        byte[] again = session.download("/reports/" + reportId + "/export.json").body();

        // The same, apart from the report's id, its administration (another one here) and its status.
        tools.jackson.databind.json.JsonMapper mapper = context.getBean(tools.jackson.databind.json.JsonMapper.class);
        tools.jackson.databind.JsonNode before = mapper.readTree(exported);
        tools.jackson.databind.JsonNode after = mapper.readTree(again);
        for (tools.jackson.databind.JsonNode tree : List.of(before, after)) {
            ((tools.jackson.databind.node.ObjectNode) tree.get("report")).remove(List.of("id", "administration", "status"));
        }
        assertThat(after).isEqualTo(before);
        assertThat(mapper.readTree(again).get("report").get("status").asString()).isEqualTo("IMPORTATO");
    }

    @Test
    void badDocumentsAreRefusedWithAnItalianMessageAndNothingIsKept() throws Exception {
        long administration = DraftReports.administration(context, "Comune rifiutato");
        int before = count();
        Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
        refused.put("import.encrypted:rapporto-protetto.pdf", encryptedPdf());
        refused.put("import.encrypted:rapporto-protetto.docx", encryptedDocx(ImportCorpus.docx(ImportCorpus.seedLines())));
        refused.put("import.scan:scansione.pdf", pdfWithoutText());
        refused.put("import.tooFew:lettera.txt", "Gentile OIV,\n1.1 - Gli obiettivi strategici sono pertinenti? Sì.\n"
                .getBytes(StandardCharsets.UTF_8));
        refused.put("import.tooLarge:enorme.txt", new byte[(int) imports.maxFileSize() + 1]);
        refused.put("import.tooLarge:bomba.odt", ImportCorpus.zip(Map.of("mimetype", "application/vnd.oasis.opendocument.text",
                "content.xml", " ".repeat((int) DocumentText.MAX_INFLATED + 10))));
        refused.put("import.unreadable:rotto.docx", "non è un docx".getBytes(StandardCharsets.UTF_8));
        refused.put("import.type:foglio.xlsx", new byte[] {1, 2, 3});
        refused.put("import.empty:vuoto.txt", new byte[0]);
        for (Map.Entry<String, byte[]> entry : refused.entrySet()) {
            String key = entry.getKey().substring(0, entry.getKey().indexOf(':'));
            String name = entry.getKey().substring(key.length() + 1);
            assertThatThrownBy(() -> imports.upload(oiv(), administration, 2019, name, entry.getValue()))
                    .as(name).isInstanceOf(Refusal.class)
                    .extracting(e -> ((Refusal) e).messageKey()).isEqualTo(key);
        }
        // A year that already has a report (the demo's 2020 of the Camera di Commercio di Brescia).
        long brescia = jdbc.queryForObject("select id from administration where name = 'Camera di Commercio di Brescia'", Long.class);
        assertThatThrownBy(() -> imports.upload(oiv(), brescia, 2020, "rapporto.docx",
                ImportCorpus.docx(ImportCorpus.seedLines())))
                .isInstanceOf(Refusal.class).extracting(e -> ((Refusal) e).messageKey()).isEqualTo("import.yearTaken");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aMacroEnabledDocumentIsReadAsText() {
        long administration = DraftReports.administration(context, "Comune con macro");
        long id = imports.upload(oiv(), administration, 2020, "rapporto.docm", ImportCorpus.docx(ImportCorpus.seedLines()));
        assertThat(imports.review(oiv(), id).found()).isEqualTo(37);
        imports.cancel(oiv(), id);
        assertThat(jdbc.queryForObject("select count(*) from report_import where id = ?", Integer.class, id)).isZero();
    }

    @Test
    void aWord97DocumentIsImported() {
        long administration = DraftReports.administration(context, "Comune con Word 97");
        long id = imports.upload(oiv(), administration, 2020, "rapporto.doc", ImportCorpus.stored("rapporto.doc"));
        assertThat(imports.review(oiv(), id).found()).isEqualTo(37);
        assertThat(imports.review(oiv(), id).leftovers()).isEmpty();
        imports.cancel(oiv(), id);
    }

    @Test
    void anImportedReportIsDeletedWithItsSourceUntilALaterReportStarts() {
        long administration = DraftReports.administration(context, "Comune da eliminare");
        long id = imports.upload(oiv(), administration, 2019, "rapporto.odt", ImportCorpus.odt(ImportCorpus.seedLines()));
        long reportId = imports.confirm(oiv(), id, Map.of(), Map.of());
        Access imported = access.of(reportId, oiv());
        assertThat(reports.canDeleteImported(imported)).isTrue();
        assertThatThrownBy(() -> reports.deleteImported(access.of(reportId,
                (AccountPrincipal) users.loadUserByUsername("staff")))).isInstanceOf(
                        org.springframework.security.access.AccessDeniedException.class);
        imports.delete(imported);
        assertThat(jdbc.queryForObject("select count(*) from report where id = ?", Integer.class, reportId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from report_import where id = ?", Integer.class, id)).isZero();
    }

    @Test
    void anUploadNeitherConfirmedNorCancelledIsDeletedAfterAWeek() {
        long administration = DraftReports.administration(context, "Comune distratto");
        long old = imports.upload(oiv(), administration, 2018, "rapporto.txt", ImportCorpus.stored("rapporto.txt"));
        long recent = imports.upload(oiv(), administration, 2019, "rapporto.txt", ImportCorpus.stored("rapporto.txt"));
        jdbc.update("update report_import set created_at = created_at - interval '7 days 1 minute' where id = ?", old);
        jdbc.update("update report_import set created_at = created_at - interval '6 days 23 hours' where id = ?", recent);
        imports.purgeAbandoned();
        assertThat(jdbc.queryForList("select id from report_import where administration_id = ?", Long.class, administration))
                .containsExactly(recent);
        // A confirmed import is the report's source document: never purged, however old.
        long reportId = imports.confirm(oiv(), recent, Map.of(), Map.of());
        jdbc.update("update report_import set created_at = created_at - interval '30 days' where id = ?", recent);
        imports.purgeAbandoned();
        assertThat(imports.sourceInfo(access.of(reportId, oiv()))).isPresent();
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from report_import", Integer.class)
                + jdbc.queryForObject("select count(*) from report where status = 'IMPORTATO'", Integer.class);
    }

    private static byte[] encryptedPdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "utente", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] pdfWithoutText() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A DOCX saved with a password, as Word does: the package encrypted inside an OLE2 container. */
    private static byte[] encryptedDocx(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("segreta");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
