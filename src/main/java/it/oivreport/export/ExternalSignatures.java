package it.oivreport.export;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.KeyStoreCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.review.Workflow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signatures made by the OIV's members with their own tools. An administrator downloads the "PDF da
 * firmare" (its SHA-256 is recorded), the members sign it (PAdES, one or more signatures), and the
 * administrator uploads the signed file. It is validated offline with DSS: every signature intact, the
 * first signed revision exactly a file handed out for this report version, nothing appended after the last
 * signature. Then it becomes the copy of record and the report FIRMATO.
 */
@Service
public class ExternalSignatures {

    private static final Logger log = LoggerFactory.getLogger(ExternalSignatures.class);

    private final ReportPdf pdf;
    private final SignExportRepository exports;
    private final SignedCopyRepository copies;
    private final SignatureRecordRepository signatures;
    private final Workflow workflow;
    private final it.oivreport.report.Reports reports;
    private final SigningProperties properties;
    private final Clock clock;
    private final it.oivreport.report.ReportActivities activities;

    ExternalSignatures(ReportPdf pdf, SignExportRepository exports, SignedCopyRepository copies,
            SignatureRecordRepository signatures, Workflow workflow, it.oivreport.report.Reports reports,
            SigningProperties properties, Clock clock, it.oivreport.report.ReportActivities activities) {
        this.activities = activities;
        this.pdf = pdf;
        this.exports = exports;
        this.copies = copies;
        this.signatures = signatures;
        this.workflow = workflow;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
    }

    /** One signature as validated: who, issued by whom, when, and whether the certificate chains to a trust anchor. */
    public record Signature(String signer, String issuer, Instant signingTime, boolean trusted) {
    }

    /** The approved report as PDF/A, to be signed outside; its SHA-256 is recorded to recognise it later. */
    @Transactional
    public byte[] toSign(Access access) {
        if (!ReportSeal.canSeal(access)) {
            throw new SealRefused("signatures.notAllowed");
        }
        byte[] file = pdf.render(access);
        exports.save(new SignExport(access.reportId(), reports.version(access), ReportSeal.sha256(file), file.length,
                access.username(), clock.instant()));
        activities.publish(it.oivreport.shared.ReportActivity.Kind.PDF_TO_SIGN_EXPORTED, access, null, null);
        return file;
    }

    /** Validates the signed file and, if it holds, stores it as the copy of record. */
    @Transactional
    public List<Signature> store(Access access, long expectedVersion, byte[] signed) {
        if (!ReportSeal.canSeal(access)) {
            throw new SealRefused("signatures.notAllowed");
        }
        if (reports.version(access) != expectedVersion) {
            throw new SealRefused("workflow.stale");
        }
        List<Signature> found = validate(access, signed);
        Instant now = clock.instant();
        String signers = String.join("; ", found.stream().map(Signature::signer).toList());
        copies.save(new SignedCopy(access.reportId(), SignedCopy.Kind.FIRME, signed, ReportSeal.sha256(signed),
                signers.length() > 500 ? signers.substring(0, 500) : signers,
                found.get(found.size() - 1).signingTime() == null ? now : found.get(found.size() - 1).signingTime(),
                access.username(), now));
        for (int i = 0; i < found.size(); i++) {
            Signature s = found.get(i);
            signatures.save(new SignatureRecord(access.reportId(), i + 1, s.signer(), s.issuer(), s.signingTime(), s.trusted()));
        }
        workflow.markSigned(access, expectedVersion, signers);
        activities.publish(it.oivreport.shared.ReportActivity.Kind.SIGNED_COPY_UPLOADED, access, null, signers.length() > 500 ? signers.substring(0, 500) : signers);
        return found;
    }

    /** Every check, in the order a person would ask; the first that fails says why in its message key. */
    List<Signature> validate(Access access, byte[] signed) {
        if (signed.length < 5 || !new String(signed, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new SealRefused("signatures.notPdf");
        }
        List<SignatureWrapper> all = intactSignatures(signed, verifier(), access.reportId());
        // Signatures are incremental updates: the file handed out must be there, unchanged, at the start, and
        // the first signature must cover it whole.
        long firstSigned = coveredLength(all.get(0));
        boolean ours = exports.findByReportIdAndReportVersion(access.reportId(), reports.version(access)).stream()
                .anyMatch(export -> export.getSize() <= firstSigned && export.getSize() <= signed.length
                        && ReportSeal.sha256(java.util.Arrays.copyOf(signed, (int) export.getSize())).equals(export.getSha256()));
        if (!ours) {
            throw new SealRefused("signatures.otherDocument");
        }
        return all.stream().map(s -> {
            CertificateWrapper certificate = s.getSigningCertificate();
            return new Signature(certificate == null ? "?" : certificate.getCommonName(),
                    certificate == null ? "?" : ReportSeal.commonName(certificate.getCertificateIssuerDN()),
                    s.getClaimedSigningTime() == null ? null : s.getClaimedSigningTime().toInstant(),
                    certificate != null && certificate.isTrustedChain());
        }).toList();
    }

    /**
     * The file's signatures, first to last, if every one is intact and the last covers the whole file;
     * otherwise the refusal that says what is wrong.
     */
    static List<SignatureWrapper> intactSignatures(byte[] signed, CommonCertificateVerifier verifier, long reportId) {
        Reports result;
        try {
            SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed));
            validator.setCertificateVerifier(verifier);
            result = validator.validateDocument();
        } catch (RuntimeException unreadable) {
            log.info("Signed file for report {} could not be read: {}", reportId, unreadable.toString());
            throw new SealRefused("signatures.unreadable");
        }
        List<SignatureWrapper> all = new ArrayList<>(result.getDiagnosticData().getSignatures());
        if (all.isEmpty()) {
            throw new SealRefused("signatures.none");
        }
        for (SignatureWrapper signature : all) {
            if (!signature.isSignatureIntact() || !signature.isSignatureValid()) {
                throw new SealRefused("signatures.broken");
            }
        }
        // Signed revisions grow: the one covering the fewest bytes is the first, the most the last.
        all.sort(Comparator.comparingLong(ExternalSignatures::coveredLength));
        if (coveredLength(all.get(all.size() - 1)) != signed.length) {
            throw new SealRefused("signatures.appended");
        }
        return all;
    }

    private static long coveredLength(SignatureWrapper signature) {
        List<BigInteger> range = signature.getSignatureByteRange();
        return range.size() == 4 ? range.get(2).longValue() + range.get(3).longValue() : -1;
    }

    /** Offline: no online sources. Trust anchors only if a trust store is configured. */
    CommonCertificateVerifier verifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        trustStore().ifPresent(anchors -> {
            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            trusted.importAsTrusted(anchors);
            verifier.setTrustedCertSources(trusted);
        });
        return verifier;
    }

    private Optional<KeyStoreCertificateSource> trustStore() {
        if (properties.truststore() == null || properties.truststore().toString().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KeyStoreCertificateSource(properties.truststore().toFile(), "PKCS12",
                    properties.truststorePassword() == null ? new char[0] : properties.truststorePassword().toCharArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("OIV_SIGNING_TRUSTSTORE cannot be read", e);
        }
    }

    /** The signatures of a signed report, as stored with its copy of record. */
    @Transactional(readOnly = true)
    public List<Signature> of(Access access) {
        return signatures.findByReportIdOrderByPosition(access.reportId()).stream()
                .map(s -> new Signature(s.getSigner(), s.getIssuer(), s.getSigningTime(), s.isTrusted())).toList();
    }
}
