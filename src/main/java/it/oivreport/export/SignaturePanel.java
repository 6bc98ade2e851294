package it.oivreport.export;

import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportPageContributor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts the seal action, or the copy of record and its signatures, on the report page. */
@Component
class SignaturePanel implements ReportPageContributor {

    private final SignedCopies copies;
    private final ReportSeal seal;
    private final ExternalSignatures external;

    SignaturePanel(SignedCopies copies, ReportSeal seal, ExternalSignatures external) {
        this.copies = copies;
        this.seal = seal;
        this.external = external;
    }

    @Override
    public void contribute(Access access, Model model) {
        model.addAttribute("signedCopy", copies.of(access).orElse(null));
        model.addAttribute("signatures", external.of(access));
        model.addAttribute("canSeal", ReportSeal.canSeal(access));
        model.addAttribute("sealConfigured", seal.sealIsDemo().isPresent());
        model.addAttribute("sealIsDemo", seal.sealIsDemo().orElse(false));
    }
}
