package it.oivreport.export;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.Reports;
import it.oivreport.review.Workflow;
import it.oivreport.shared.Dates;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installation's seal: an administrator seals an approved report with a PAdES baseline-B signature
 * (SHA-256) and a visible block on the last page; the sealed file becomes the copy of record and the report
 * FIRMATO, in one transaction.
 */
@Service
public class ReportSeal {


    private final ReportPdf pdf;
    private final SealKeys keys;
    private final SignedCopyRepository copies;
    private final SignatureRecordRepository signatures;
    private final ExternalSignatures validation;
    private final Workflow workflow;
    private final Reports reports;
    private final MessageSource messages;
    private final Clock clock;
    private final it.oivreport.report.ReportActivities activities;
    private final byte[] font;

    ReportSeal(ReportPdf pdf, SealKeys keys, SignedCopyRepository copies, SignatureRecordRepository signatures,
            ExternalSignatures validation, Workflow workflow, Reports reports, MessageSource messages, Clock clock,
            it.oivreport.report.ReportActivities activities) {
        this.activities = activities;
        this.pdf = pdf;
        this.keys = keys;
        this.copies = copies;
        this.signatures = signatures;
        this.validation = validation;
        this.workflow = workflow;
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
        // The signature block's text is drawn with the report's own font, embedded: the file stays PDF/A.
        this.font = pdf.regularFont();
    }

    /** Whether this installation has a seal, and whether it is the demo one. Empty: no seal configured. */
    public Optional<Boolean> sealIsDemo() {
        return keys.key().map(SealKeys.SealKey::demo);
    }

    public static boolean canSeal(Access access) {
        return access.isAdmin() && access.status() == ReportStatus.APPROVATO;
    }

    /** Seals the report as it is now and stores the result as its copy of record. */
    @Transactional
    public void seal(Access access, long expectedVersion) {
        if (!canSeal(access)) {
            throw new SealRefused("workflow.notAllowed");
        }
        SealKeys.SealKey key = keys.key().orElseThrow(() -> new SealRefused("seal.notConfigured"));
        if (reports.version(access) != expectedVersion) {
            throw new SealRefused("workflow.stale");
        }
        byte[] unsigned = pdf.renderForSeal(access);
        Instant now = clock.instant();
        Sealed sealed = seal(unsigned, key, now);
        copies.save(new SignedCopy(access.reportId(), SignedCopy.Kind.SIGILLO, sealed.file(), sha256(sealed.file()),
                sealed.signer() + (key.demo() ? " (" + text("seal.demo") + ")" : ""), now, access.username(), now));
        // The seal is validated like any signature, so the page shows its result in the same terms.
        var signature = ExternalSignatures.intactSignatures(sealed.file(), validation.verifier(), access.reportId()).get(0);
        var certificate = signature.getSigningCertificate();
        signatures.save(new SignatureRecord(access.reportId(), 1, certificate.getCommonName(),
                commonName(certificate.getCertificateIssuerDN()), now, certificate.isTrustedChain()));
        workflow.markSigned(access, expectedVersion, text("seal.history", sealed.signer()));
        activities.publish(it.oivreport.shared.ReportActivity.Kind.SEALED, access, null, sealed.signer());
    }

    /** A sealed file and the name of the signer on its certificate. */
    record Sealed(byte[] file, String signer) {
    }

    /** The signature itself: PAdES baseline-B, SHA-256, with the visible block on the last page. */
    Sealed seal(byte[] unsigned, SealKeys.SealKey key, Instant now) {
        try (Pkcs12SignatureToken token = new Pkcs12SignatureToken(key.keystore(),
                new KeyStore.PasswordProtection(key.password()))) {
            DSSPrivateKeyEntry entry = key.alias() != null ? token.getKey(key.alias()) : token.getKeys().get(0);
            String signer = commonName(entry.getCertificate().getSubject().getRFC2253());
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
            parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
            parameters.setSigningCertificate(entry.getCertificate());
            parameters.setCertificateChain(entry.getCertificateChain());
            parameters.setReason(text("seal.reason"));
            parameters.setSignerName(signer);
            parameters.bLevel().setSigningDate(Date.from(now));
            int pages;
            boolean hasSealField;
            try (PDDocument pdfDocument = Loader.loadPDF(unsigned)) {
                pages = pdfDocument.getNumberOfPages();
                var form = pdfDocument.getDocumentCatalog().getAcroForm();
                hasSealField = form != null && form.getField(ReportPdf.SEAL_FIELD) != null;
            }
            parameters.setImageParameters(block(signer, now, pages, hasSealField));
            PAdESService service = new PAdESService(new CommonCertificateVerifier());
            DSSDocument document = new InMemoryDocument(unsigned, "rapporto.pdf");
            ToBeSigned toSign = service.getDataToSign(document, parameters);
            SignatureValue value = token.sign(toSign, parameters.getDigestAlgorithm(), entry);
            return new Sealed(service.signDocument(document, parameters, value).openStream().readAllBytes(), signer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The visible block: signer, date and reason, in the lower part of the last page. */
    private SignatureImageParameters block(String signer, Instant when, int page, boolean hasSealField) {
        SignatureImageTextParameters text = new SignatureImageTextParameters();
        text.setText(text("seal.block", signer, Dates.dateTime(when), text("seal.reason")));
        DSSFileFont blockFont = new DSSFileFont(new InMemoryDocument(font, "TitilliumWeb-Regular.ttf"));
        blockFont.setSize(9);
        text.setFont(blockFont);
        text.setTextColor(new Color(0x1a, 0x1a, 0x1a));
        text.setBackgroundColor(new Color(0xf2, 0xf4, 0xf7));
        text.setPadding(8);
        // Into the empty field the rendering for the seal put on the last page, tagged as a Form element,
        // so that the sealed file stays PDF/UA. A file without that field gets a new one at the same place.
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(page);
        if (hasSealField) {
            field.setFieldId(ReportPdf.SEAL_FIELD);
        } else {
            field.setOriginX(ReportPdf.SEAL_BLOCK.getLeft());
            field.setOriginY(com.lowagie.text.PageSize.A4.getHeight() - ReportPdf.SEAL_BLOCK.getTop());
            field.setWidth(ReportPdf.SEAL_BLOCK.getWidth());
            field.setHeight(ReportPdf.SEAL_BLOCK.getHeight());
        }
        SignatureImageParameters image = new SignatureImageParameters();
        image.setTextParameters(text);
        image.setFieldParameters(field);
        return image;
    }

    static String commonName(String rfc2253) {
        for (String part : rfc2253.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            if (part.trim().toUpperCase(java.util.Locale.ROOT).startsWith("CN=")) {
                return part.trim().substring(3).replace("\\,", ",");
            }
        }
        return rfc2253;
    }

    static String sha256(byte[] content) {
        return it.oivreport.shared.Hashes.sha256(content);
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, ReportPdf.LANGUAGE);
    }
}
