package it.oivreport.export.web;

import it.oivreport.export.SignedCopies;
import it.oivreport.shared.Hashes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /verifica}, open to anyone: is this PDF a copy of record of this installation? The answer is yes or
 * no and nothing else. The file is hashed as it is read and not kept.
 */
@Controller
class VerificationController {

    private final SignedCopies copies;
    private final DataSize maxFileSize;

    VerificationController(SignedCopies copies, @Value("${oiv.evidence.max-file-size}") DataSize maxFileSize) {
        this.copies = copies;
        this.maxFileSize = maxFileSize;
    }

    @GetMapping("/verifica")
    String page(Model model) {
        model.addAttribute("maxMegabytes", maxFileSize.toMegabytes());
        return "export/verify";
    }

    @PostMapping("/verifica")
    String verify(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        model.addAttribute("maxMegabytes", maxFileSize.toMegabytes());
        if (file == null || file.isEmpty()) {
            // No file chosen, or a file of 0 bytes: the second is not "choose the PDF".
            boolean chosen = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
            response.setStatus(400);
            model.addAttribute("error", chosen ? "verify.emptyFile" : "verify.noFile");
            model.addAttribute("fileName", chosen ? file.getOriginalFilename() : null);
            return "export/verify";
        }
        if (file.getSize() > maxFileSize.toBytes()) {
            response.setStatus(413);
            model.addAttribute("error", "verify.tooLarge");
            return "export/verify";
        }
        String sha256 = Hashes.sha256(file.getInputStream());
        model.addAttribute("matches", copies.isCopyOfRecord(sha256));
        model.addAttribute("sha256", sha256);
        return "export/verify";
    }
}
