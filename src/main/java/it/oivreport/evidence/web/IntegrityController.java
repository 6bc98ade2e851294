package it.oivreport.evidence.web;

import it.oivreport.evidence.EvidenceIntegrity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Verifica integrità: an administrator re-hashes every stored evidence file. The check changes nothing,
 * but reads every file, so it runs on a POST (no prefetch or crawler starts it) and shows its outcome.
 */
@Controller
@RequestMapping("/admin/evidence")
class IntegrityController {

    private final EvidenceIntegrity integrity;

    IntegrityController(EvidenceIntegrity integrity) {
        this.integrity = integrity;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("orphans", integrity.orphans());
        return "evidence/integrity";
    }

    @PostMapping("/integrity")
    String verify(Model model) {
        model.addAttribute("check", integrity.verify());
        model.addAttribute("orphans", integrity.orphans());
        return "evidence/integrity";
    }
}
