package it.oivreport.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.Reports;
import it.oivreport.review.Workflow;
import it.oivreport.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * An administrator seals an approved report with the demo seal (made in the test's temporary directory):
 * the sealed PDF validates with DSS offline, stays PDF/A-2a and PDF/UA-1, is the copy of record byte for byte, and
 * the report is FIRMATO, with every write path refused.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSealTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    Workflow workflow;

    @Autowired
    UserDetailsService users;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    it.oivreport.evidence.Evidences evidences;

    @Autowired
    it.oivreport.review.Comments comments;

    AccountPrincipal admin;
    AccountPrincipal oiv;
    AccountPrincipal staff;
    long reportId;
    byte[] signed;

    @BeforeAll
    void sealAnApprovedReport() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        admin = principal("admin");
        oiv = principal("oiv");
        staff = principal("staff");
        // Evidence and a comment from before the signature, to try to change them afterwards.
        reportId = ApprovedReports.create(context, "Comune del Sigillo", draft -> {
            evidences.attach(access.of(draft, staff), 2, "2.3", "Verbale",
                    List.of(new it.oivreport.evidence.Evidences.Incoming("verbale.txt",
                            new org.springframework.core.io.ByteArrayResource("Verbale della riunione".getBytes()))));
            comments.add(access.of(draft, staff), 1, "1.1", "Da controllare");
        });
        assertThat(access.of(reportId, admin).status()).isEqualTo(ReportStatus.APPROVATO);

        // Only an administrator seals.
        mvc.perform(post("/reports/" + reportId + "/seal").param("version", "" + reports.version(access.of(reportId, oiv)))
                .with(csrf()).with(user(oiv)));
        assertThat(access.of(reportId, admin).status()).isEqualTo(ReportStatus.APPROVATO);
        mvc.perform(post("/reports/" + reportId + "/seal").param("version", "" + reports.version(access.of(reportId, admin)))
                .with(csrf()).with(user(admin)));
        signed = mvc.perform(get("/reports/" + reportId + "/signed.pdf").with(user(staff))).andReturn().getResponse()
                .getContentAsByteArray();
        Files.write(Path.of("target/screenshots/report-sealed.pdf"), signed);
    }

    private AccountPrincipal principal(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    @Test
    void theAttivitaHasTheWorkflowTheSealAndTheDownloadAndTheSealedPdfListsTheWorkflow(
            @Autowired it.oivreport.audit.AuditLog log) throws Exception {
        List<it.oivreport.audit.AuditLog.Activity> feed = log.ofReport(reportId, 0).getContent();
        assertThat(feed).extracting(it.oivreport.audit.AuditLog.Activity::kind)
                .contains("SEALED", "COPY_OF_RECORD_DOWNLOADED", "WORKFLOW_STEP", "EVIDENCE_ATTACHED", "COMMENT_ADDED");
        assertThat(feed).filteredOn(a -> a.kind().equals("WORKFLOW_STEP")).extracting(a -> a.detail())
                .contains("BOZZA_TO_IN_REVISIONE", "IN_REVISIONE_TO_APPROVATO", "APPROVATO_TO_FIRMATO");
        assertThat(feed).filteredOn(a -> a.kind().equals("COPY_OF_RECORD_DOWNLOADED")).extracting(a -> a.actor())
                .contains("staff");
        // The signed file's annex lists the review's steps up to the approval that the seal follows.
        try (var document = org.apache.pdfbox.Loader.loadPDF(signed)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Cronologia della revisione").contains("Inviato in revisione")
                    .contains("Approvato dall’OIV");
        }
    }

    @Test
    void theReportIsSignedAndItsCopyOfRecordIsTheSealedFile() throws Exception {
        assertThat(access.of(reportId, admin).status()).isEqualTo(ReportStatus.FIRMATO);
        assertThat(signed).startsWith("%PDF".getBytes());
        String page = mvc.perform(get("/reports/" + reportId).with(user(oiv))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Sigillato da Sigillo DIMOSTRATIVO Rapporto OIV (non valido) (certificato dimostrativo)")
                .contains(ReportSeal.sha256(signed)).contains("Scarica la copia firmata")
                .contains("Sigillo DIMOSTRATIVO Rapporto OIV (non valido) (emesso da Sigillo DIMOSTRATIVO Rapporto OIV (non valido))")
                .contains("firma integra, certificato non verificato");
    }

    @Test
    void aKeystoreMadeInTheTestSealsAndTheSealValidates(@Autowired ReportSeal seal) throws Exception {
        byte[] keystore = SealKeys.selfSigned("CN=Sigillo di prova del test,O=Test,C=IT", "prova", "segreto".toCharArray(),
                java.time.Instant.now());
        byte[] unsigned = mvc.perform(get("/reports/" + reportId + "/export.pdf").with(user(admin))).andReturn()
                .getResponse().getContentAsByteArray();
        ReportSeal.Sealed sealed = seal.seal(unsigned, new SealKeys.SealKey(keystore, "segreto".toCharArray(), "prova", false),
                java.time.Instant.now());
        assertThat(sealed.signer()).isEqualTo("Sigillo di prova del test");
        List<SignatureWrapper> found = ExternalSignatures.intactSignatures(sealed.file(), new CommonCertificateVerifier(), 0);
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.getSigningCertificate().getCommonName()).isEqualTo("Sigillo di prova del test");
            assertThat(s.getDigestAlgorithm().name()).isEqualTo("SHA256");
        });
        // The unsigned export is there, unchanged, at the start of the sealed file.
        assertThat(java.util.Arrays.copyOf(sealed.file(), unsigned.length)).isEqualTo(unsigned);
    }

    @Test
    void theSealValidatesOfflineWithDss() {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed));
        validator.setCertificateVerifier(new CommonCertificateVerifier());
        var result = validator.validateDocument();
        List<SignatureWrapper> signatures = result.getDiagnosticData().getSignatures();
        assertThat(signatures).hasSize(1);
        SignatureWrapper signature = signatures.get(0);
        assertThat(signature.isSignatureIntact()).isTrue();
        assertThat(signature.isSignatureValid()).isTrue();
        assertThat(signature.getDigestAlgorithm().name()).isEqualTo("SHA256");
        assertThat(signature.getSigningCertificate().getCommonName()).isEqualTo("Sigillo DIMOSTRATIVO Rapporto OIV (non valido)");
        assertThat(signature.getReason()).isEqualTo("Approvazione del Rapporto OIV");
        // The signature covers the whole file: nothing was appended after it.
        long[] range = signature.getSignatureByteRange().stream().mapToLong(java.math.BigInteger::longValue).toArray();
        assertThat(range[2] + range[3]).isEqualTo(signed.length);
    }

    @Test
    void theSealedFileIsStillPdfA2aAndPdfUa1() throws Exception {
        // The seal's visible block is in the structure tree, and the file keeps both conformances.
        assertThat(ReportPdfTests.failures(signed, PDFAFlavour.PDFA_2_A)).as("PDF/A-2a").isEmpty();
        assertThat(ReportPdfTests.failures(signed, PDFAFlavour.PDFUA_1)).as("PDF/UA-1").isEmpty();
    }

    @Test
    void nothingInASignedReportChangesAnyMore() throws Exception {
        ReportAccess.Access asOiv = access.of(reportId, oiv);
        ReportAccess.Access asAdmin = access.of(reportId, admin);
        long version = reports.version(asAdmin);
        String base = "/reports/" + reportId;
        // Every write path, through the web layer as its users would use it.
        mvc.perform(post(base + "/sections/1").param("action", "save").param("version", "0").with(csrf()).with(user(oiv)));
        mvc.perform(post(base + "/workflow/reopen").param("version", "" + version).param("reason", "Correzione")
                .with(csrf()).with(user(admin)));
        mvc.perform(post(base + "/workflow/submit").param("version", "" + version).with(csrf()).with(user(oiv)));
        mvc.perform(post(base + "/sections/1/comments").param("questionCode", "1.1").param("body", "Ancora?")
                .with(csrf()).with(user(staff)));
        mvc.perform(multipart(base + "/sections/2/evidence").file(new MockMultipartFile("files", "tardi.pdf",
                "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes())).param("questionCode", "2.3").with(csrf()).with(user(staff)));
        mvc.perform(post(base + "/seal").param("version", "" + version).with(csrf()).with(user(admin)));
        mvc.perform(post(base + "/sections/1").param("action", "confirm-section").param("version", "0")
                .with(csrf()).with(user(oiv)));
        mvc.perform(post(base + "/workflow/approve").param("version", "" + version).with(csrf()).with(user(oiv)));
        mvc.perform(post(base + "/workflow/request-changes").param("version", "" + version).param("comment", "No")
                .with(csrf()).with(user(oiv)));
        long evidenceId = evidences.ofReport(asOiv).get(0).id();
        mvc.perform(post(base + "/evidence/" + evidenceId + "/remove").with(csrf()).with(user(oiv)));
        mvc.perform(post(base + "/evidence/" + evidenceId + "/restore").with(csrf()).with(user(oiv)));
        long commentId = comments.ofSection(asOiv, 1).get("1.1").get(0).id();
        mvc.perform(post(base + "/comments/" + commentId + "/resolve").with(csrf()).with(user(oiv)));
        mvc.perform(multipart(base + "/signed").file(new MockMultipartFile("file", "f.pdf", "application/pdf", signed))
                .param("version", "" + version).with(csrf()).with(user(admin)));
        assertThat(evidences.ofReport(asOiv)).singleElement().satisfies(e -> assertThat(e.removed()).isFalse());
        assertThat(comments.ofSection(asOiv, 1).get("1.1").get(0).resolved()).isFalse();

        assertThat(reports.version(asAdmin)).isEqualTo(version);
        assertThat(access.of(reportId, admin).status()).isEqualTo(ReportStatus.FIRMATO);
        assertThat(reports.document(asOiv)).isEqualTo(reports.document(access.of(reportId, oiv)));
        assertThat(mvc.perform(get(base + "/signed.pdf").with(user(admin))).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(signed);
        // And through the services directly.
        assertThatThrownBy(() -> workflow.reopen(asAdmin, version, "Correzione")).isNotNull();
        assertThatThrownBy(() -> workflow.markSigned(asAdmin, version, "di nuovo")).isNotNull();
    }

    @Test
    void aRettificaStartsAsALinkedCopyOfTheSignedReport() throws Exception {
        // Without a reason nothing starts: back to the signed report, told why.
        var refused = mvc.perform(post("/reports/" + reportId + "/rettifica").with(csrf()).with(user(oiv)).param("reason", "  "))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/reports/" + reportId);
        assertThat(reports.revision(access.of(reportId, oiv)).correctedBy()).isNull();
        String location = mvc.perform(post("/reports/" + reportId + "/rettifica").with(csrf()).with(user(oiv))
                        .param("reason", "Corretto il valore dell'indicatore 2.3."))
                .andReturn().getResponse().getRedirectedUrl();
        long correctionId = Long.parseLong(location.substring("/reports/".length()));
        ReportAccess.Access correction = access.of(correctionId, oiv);
        ReportAccess.Access original = access.of(reportId, oiv);
        assertThat(correction.status()).isEqualTo(ReportStatus.BOZZA);
        assertThat(reports.overview(correction).year()).isEqualTo(reports.overview(original).year());
        // Every answer, list, annotation and variation as signed, all confirmed.
        assertThat(reports.document(correction).contents()).isEqualTo(reports.document(original).contents());
        assertThat(reports.overview(correction).toConfirm()).isZero();
        assertThat(reports.revision(correction)).isEqualTo(new Reports.Revision(1, reportId, null,
                "Corretto il valore dell'indicatore 2.3."));
        assertThat(reports.revision(original)).isEqualTo(new Reports.Revision(0, null, correctionId));
        assertThat(evidences.ofReport(correction)).extracting(e -> e.sha256())
                .containsExactlyElementsOf(evidences.ofReport(original).stream().map(e -> e.sha256()).toList());
        // The signed report is untouched, and asking again leads to the same rettifica.
        assertThat(access.of(reportId, admin).status()).isEqualTo(ReportStatus.FIRMATO);
        assertThat(mvc.perform(get("/reports/" + reportId + "/signed.pdf").with(user(admin))).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(signed);
        assertThat(mvc.perform(post("/reports/" + reportId + "/rettifica").with(csrf()).with(user(admin)))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo(location);
        String page = mvc.perform(get(location).with(user(oiv))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Rettifica n. 1 di un rapporto firmato.").contains("href=\"/reports/" + reportId + "\"")
                .contains("Motivo: Corretto il valore dell&#39;indicatore 2.3.");
        // Its PDF's cover says which signed report it corrects, signed when, and why.
        byte[] pdf = mvc.perform(get(location + "/export.pdf").with(user(oiv))).andReturn().getResponse().getContentAsByteArray();
        String cover;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setEndPage(1);
            cover = stripper.getText(document).replaceAll("\\s+", " ");
        }
        assertThat(cover).containsPattern("Rettifica n\\. 1 del rapporto firmato il \\d\\d/\\d\\d/\\d{4}")
                .contains("Motivo della rettifica").contains("Corretto il valore dell'indicatore 2.3.");
        // Staff may not start one.
        assertThat(mvc.perform(post("/reports/" + reportId + "/rettifica").with(csrf()).with(user(staff)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
