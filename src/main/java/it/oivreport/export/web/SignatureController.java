package it.oivreport.export.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.export.ExternalSignatures;
import it.oivreport.export.ReportSeal;
import it.oivreport.export.SignedCopies;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.Reports;
import it.oivreport.shared.Refusal;
import it.oivreport.shared.web.OnRefusal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sealing an approved report, and the copy of record of a signed one. */
@Controller
class SignatureController {

    private final ReportSeal seal;
    private final ExternalSignatures external;
    private final SignedCopies copies;
    private final it.oivreport.evidence.Evidences evidences;
    private final Reports reports;
    private final ReportAccess access;
    private final ReportFiles files;

    SignatureController(ReportSeal seal, ExternalSignatures external, SignedCopies copies,
            it.oivreport.evidence.Evidences evidences, Reports reports, ReportAccess access, ReportFiles files) {
        this.files = files;
        this.evidences = evidences;
        this.seal = seal;
        this.external = external;
        this.copies = copies;
        this.reports = reports;
        this.access = access;
    }

    @PostMapping("/reports/{reportId}/seal")
    @OnRefusal(redirect = "/reports/{reportId}", panel = "signature")
    String seal(@PathVariable long reportId, @RequestParam long version, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        Access permissions = access.of(reportId, user);
        seal.seal(permissions, version);
        redirect.addFlashAttribute("signatureDone", "seal.done");
        return "redirect:/reports/" + reportId;
    }

    /** The approved report as PDF/A for the members to sign with their own tools. */
    @GetMapping("/reports/{reportId}/to-sign.pdf")
    @OnRefusal(redirect = "/reports/{reportId}", panel = "signature")
    ResponseEntity<byte[]> toSign(@PathVariable long reportId, @AuthenticationPrincipal AccountPrincipal user) {
        Access permissions = access.of(reportId, user);
        return files.pdf(reports.overview(permissions), "pdf.fileName.toSign", external.toSign(permissions));
    }

    /** The file signed by the members, checked and stored as the copy of record. */
    @PostMapping("/reports/{reportId}/signed")
    @OnRefusal(redirect = "/reports/{reportId}", panel = "signature")
    String upload(@PathVariable long reportId, @RequestParam long version,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) throws java.io.IOException {
        Access permissions = access.of(reportId, user);
        if (file == null || file.isEmpty()) {
            throw Refusal.badRequest("signatures.noFile");
        }
        external.store(permissions, version, file.getBytes());
        redirect.addFlashAttribute("signatureDone", "signatures.done");
        return "redirect:/reports/" + reportId;
    }

    /**
     * Starts a rettifica of a signed report (an OIV member of its administration or an administrator): a new
     * draft copied from it, evidence included, which then goes through the usual workflow.
     */
    @PostMapping("/reports/{reportId}/rettifica")
    @OnRefusal(redirect = "/reports/{reportId}", panel = "signature", keep = "reason")
    String correct(@PathVariable long reportId, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        Access signed = access.of(reportId, user);
        boolean startedBefore = reports.revision(signed).correctedBy() != null;
        long correctionId = reports.startCorrection(signed, user.getUsername(), reason);
        if (startedBefore) {
            // A second click or an old page: the rettifica exists; go to it as it is now.
            return "redirect:/reports/" + correctionId;
        }
        evidences.copyForCorrection(signed, access.of(correctionId, user));
        redirect.addFlashAttribute("correctionStarted", true);
        return "redirect:/reports/" + correctionId;
    }

    /** The copy of record, byte for byte as stored. */
    @GetMapping("/reports/{reportId}/signed.pdf")
    ResponseEntity<byte[]> signed(@PathVariable long reportId, @AuthenticationPrincipal AccountPrincipal user) {
        Access permissions = access.of(reportId, user);
        return files.pdf(reports.overview(permissions), "pdf.fileName.signed", copies.content(permissions));
    }
}
