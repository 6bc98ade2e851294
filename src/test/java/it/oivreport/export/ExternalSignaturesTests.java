package it.oivreport.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.Reports;
import it.oivreport.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Two members sign the downloaded PDF in sequence with their own (generated) keys; the administrator
 * uploads it. And every file that must be refused is, with its message, the report staying APPROVATO.
 */
@IntegrationTest
class ExternalSignaturesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    UserDetailsService users;

    private AccountPrincipal principal(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    private long approvedReport() {
        return ApprovedReports.create(context, "Comune delle Firme");
    }

    private byte[] toSign(long reportId) throws Exception {
        return mvc.perform(get("/reports/" + reportId + "/to-sign.pdf").with(user(principal("admin"))))
                .andReturn().getResponse().getContentAsByteArray();
    }

    /** What a member's signing tool does: a PAdES baseline-B signature with their own key. */
    static byte[] sign(byte[] pdf, String member) throws Exception {
        byte[] keystore = SealKeys.selfSigned("CN=" + member + ",O=OIV,C=IT", "firma", "segreta".toCharArray(), Instant.now());
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(keystore, new KeyStore.PasswordProtection("segreta".toCharArray()))) {
            DSSPrivateKeyEntry key = token.getKeys().get(0);
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
            parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
            parameters.setSigningCertificate(key.getCertificate());
            parameters.setCertificateChain(key.getCertificateChain());
            parameters.bLevel().setSigningDate(new Date());
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            DSSDocument document = new InMemoryDocument(pdf);
            var value = token.sign(service.getDataToSign(document, parameters), DigestAlgorithm.SHA256, key);
            return service.signDocument(document, parameters, value).openStream().readAllBytes();
        }
    }

    private MvcResult upload(long reportId, byte[] file) throws Exception {
        return mvc.perform(multipart("/reports/" + reportId + "/signed")
                .file(new MockMultipartFile("file", "firmato.pdf", "application/pdf", file))
                .param("version", "" + reports.version(access.of(reportId, principal("admin"))))
                .with(csrf()).with(user(principal("admin")))).andReturn();
    }

    private ReportStatus status(long reportId) {
        return access.of(reportId, principal("admin")).status();
    }

    @Test
    void twoMembersSignInSequenceAndTheFileBecomesTheCopyOfRecord() throws Exception {
        long reportId = approvedReport();
        byte[] signed = sign(sign(toSign(reportId), "Marco Bianchi"), "Chiara Moretti");
        MvcResult result = upload(reportId, signed);
        assertThat(new java.util.HashMap<String, Object>(result.getFlashMap())).containsEntry("signatureDone", "signatures.done");
        assertThat(status(reportId)).isEqualTo(ReportStatus.FIRMATO);
        assertThat(mvc.perform(get("/reports/" + reportId + "/signed.pdf").with(user(principal("oiv"))))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(signed);
        String page = mvc.perform(get("/reports/" + reportId).with(user(principal("oiv")))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // Anyone can check the file: the same bytes match, one byte more does not.
        String yes = mvc.perform(multipart("/verifica").file(new MockMultipartFile("file", "r.pdf", "application/pdf", signed))
                .with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(yes).contains("Sì: questo file è identico alla copia conforme").doesNotContain("Comune delle Firme");
        byte[] changed = java.util.Arrays.copyOf(signed, signed.length + 1);
        String no = mvc.perform(multipart("/verifica").file(new MockMultipartFile("file", "r.pdf", "application/pdf", changed))
                .with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(no).contains("No: questo file non corrisponde");
        // No file, and a file of 0 bytes, are told apart.
        String none = mvc.perform(multipart("/verifica").with(csrf())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("Scegli il PDF da verificare.");
        String empty = mvc.perform(multipart("/verifica").file(new MockMultipartFile("file", "vuoto.pdf", "application/pdf",
                new byte[0])).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("Il file «vuoto.pdf» è vuoto (0 byte)").doesNotContain("Scegli il PDF da verificare.");
        assertThat(page).contains("Marco Bianchi (emesso da Marco Bianchi), firmato il ")
                .contains("Chiara Moretti (emesso da")
                .contains("firma integra, certificato non verificato").doesNotContain("certificato attendibile");
    }

    @Test
    void everyFileThatIsNotTheSignedReportIsRefused() throws Exception {
        long reportId = approvedReport();
        byte[] original = toSign(reportId);
        byte[] signed = sign(original, "Marco Bianchi");

        expectRefused(reportId, "Non sono un PDF".getBytes(StandardCharsets.UTF_8), "signatures.notPdf");
        expectRefused(reportId, original, "signatures.none");
        byte[] broken = signed.clone();
        // A byte of the signed content changed: the first page's content stream, well inside the signed range.
        int at = new String(broken, StandardCharsets.ISO_8859_1).indexOf("stream", 2000) + 20;
        broken[at] = (byte) (broken[at] ^ 0x01);
        expectRefused(reportId, broken, "signatures.broken");
        byte[] appended = new byte[signed.length + 30];
        System.arraycopy(signed, 0, appended, 0, signed.length);
        System.arraycopy("\n% aggiunto dopo la firma\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 26);
        expectRefused(reportId, appended, "signatures.appended");
        long otherReport = approvedReport();
        expectRefused(reportId, sign(toSign(otherReport), "Marco Bianchi"), "signatures.otherDocument");

        assertThat(status(reportId)).isEqualTo(ReportStatus.APPROVATO);
        // And after all that, the right file still goes through.
        assertThat(upload(reportId, signed).getFlashMap().get("signatureDone")).isEqualTo("signatures.done");
    }

    private void expectRefused(long reportId, byte[] file, String message) throws Exception {
        assertThat(upload(reportId, file).getFlashMap().get("refusal"))
                .isInstanceOfSatisfying(it.oivreport.shared.web.RefusalNotice.class, refusal -> {
                    assertThat(refusal.panel()).isEqualTo("signature");
                    assertThat(refusal.messageKey()).isEqualTo(message);
                });
        assertThat(status(reportId)).isEqualTo(ReportStatus.APPROVATO);
    }
}
