package it.oivreport.evidence.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.evidence.EvidenceView;
import it.oivreport.evidence.Evidences;
import it.oivreport.evidence.Evidences.Attached;
import it.oivreport.evidence.Evidences.Download;
import it.oivreport.evidence.Evidences.Incoming;
import it.oivreport.evidence.Evidences.StagedFile;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.report.Reports;
import it.oivreport.shared.web.ByteSizes;
import it.oivreport.shared.web.ContentDispositions;
import it.oivreport.shared.web.NotFoundException;
import it.oivreport.shared.web.OnRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Evidence of a report: attaching files to a question or section, the report's Evidenze page, downloads
 * and previews, removal and restore. Everything goes through {@link ReportAccess}, so another
 * administration's evidence is a 404 like its reports.
 */
@Controller
@RequestMapping("/reports/{reportId}")
class EvidenceController {

    private static final String SENDFILE = "org.apache.tomcat.sendfile.";

    private final Evidences evidences;
    private final Reports reports;
    private final ReportAccess access;
    private final MessageSource messages;

    EvidenceController(Evidences evidences, Reports reports, ReportAccess access, MessageSource messages) {
        this.evidences = evidences;
        this.reports = reports;
        this.access = access;
        this.messages = messages;
    }

    /** The attach form on its own page: where the section page's links lead, and where errors are shown. */
    @GetMapping("/sections/{number}/evidence")
    String attachPage(@PathVariable long reportId, @PathVariable int number,
            @RequestParam(required = false) String questionCode, @AuthenticationPrincipal AccountPrincipal user,
            Model model) {
        Access permissions = access.of(reportId, user);
        return attachPage(permissions, number, questionCode, model);
    }

    @PostMapping("/sections/{number}/evidence")
    @OnRefusal(redirect = "/reports/{reportId}/sections/{number}/evidence?questionCode={questionCode}",
            panel = "evidence", keep = "description")
    String attach(@PathVariable long reportId, @PathVariable int number,
            @RequestParam(required = false) String questionCode, @RequestParam(required = false) String description,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "staged", required = false) List<String> staged,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        Access permissions = access.of(reportId, user);
        List<Incoming> incoming = files == null ? List.of()
                : files.stream().map(f -> new Incoming(f.getOriginalFilename(), f)).toList();
        Attached attached = evidences.attach(permissions, number, questionCode, description, incoming,
                staged == null ? List.of() : staged);
        redirect.addFlashAttribute("evidenceDone", attached.fileNames());
        redirect.addFlashAttribute("evidenceDuplicates", attached.alsoElsewhere());
        redirect.addFlashAttribute("evidenceFor", questionCode == null ? "" : questionCode);
        return "redirect:/reports/" + reportId + "/sections/" + number + "#" + anchor(questionCode);
    }

    /**
     * The same, from the attach controls on the section page: {@code from} is the id of the place beside them
     * where a refusal is shown. A refusal goes back to the section page at that place, the controls open with
     * the description typed, instead of to the attach page; the browser scrolls to the message and focuses it.
     */
    @PostMapping(path = "/sections/{number}/evidence", params = "from")
    @OnRefusal(redirect = "/reports/{reportId}/sections/{number}#{from}", panel = "evidence-inline",
            target = "questionCode", keep = "description")
    String attachFromSection(@PathVariable long reportId, @PathVariable int number,
            @RequestParam(required = false) String questionCode, @RequestParam(required = false) String description,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "staged", required = false) List<String> staged,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        return attach(reportId, number, questionCode, description, files, staged, user, redirect);
    }

    /**
     * One file sent ahead of the attach form by the page's script, as the raw request body (no multipart
     * parsing: the file streams straight into the store), so that the browser can show its progress. The
     * answer is JSON: the token that the form then sends, or the message that says why the file was refused.
     */
    @PostMapping(path = "/evidence/uploads", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StagedJson> stage(@PathVariable long reportId, @RequestParam(required = false) String name,
            @AuthenticationPrincipal AccountPrincipal user, HttpServletRequest request, Locale locale)
            throws IOException {
        Access permissions = access.of(reportId, user);
        StagedFile staged = evidences.stage(permissions, name, request.getContentLengthLong(), request.getInputStream());
        return ResponseEntity.status(HttpStatus.CREATED).body(new StagedJson(staged.token(), staged.fileName(),
                staged.size(), ByteSizes.format(staged.size(), locale), staged.sha256(),
                messages.getMessage("evidence.type." + staged.type(), null, locale)));
    }

    /** A file staged, for the page's script; a refused one is answered {@code {"message": …}} with its status. */
    record StagedJson(String token, String fileName, long size, String sizeLabel, String sha256, String type) {
    }

    private String attachPage(Access permissions, int number, String questionCode, Model model) {
        ReportOverview report = reports.overview(permissions);
        var section = report.questionnaire().section(number).orElseThrow(() -> new NotFoundException("section " + number));
        String code = questionCode == null || questionCode.isBlank() ? null : questionCode;
        var question = code == null ? null : section.questions().stream().filter(q -> q.code().equals(code))
                .findFirst().orElseThrow(() -> new NotFoundException("question " + code));
        model.addAttribute("report", report);
        model.addAttribute("section", section);
        model.addAttribute("question", question);
        model.addAttribute("evidence", evidences.ofSection(permissions, number).getOrDefault(code == null ? "" : code, List.of()));
        model.addAttribute("canAttach", Evidences.canAttach(permissions));
        model.addAttribute("maxFileSize", evidences.maxFileSize());
        return "evidence/attach";
    }

    @GetMapping("/evidence")
    String list(@PathVariable long reportId, @AuthenticationPrincipal AccountPrincipal user, Model model) {
        Access permissions = access.of(reportId, user);
        ReportOverview report = reports.overview(permissions);
        List<EvidenceView> all = evidences.ofReport(permissions);
        // Section by section, then the section's own evidence ("") before its questions' in question order.
        Map<Integer, Map<String, List<EvidenceView>>> bySection = new TreeMap<>();
        all.stream().filter(e -> !e.removed()).forEach(e -> bySection
                .computeIfAbsent(e.sectionNumber(), k -> new TreeMap<>(EvidenceController::byQuestionCode))
                .computeIfAbsent(e.target(), k -> new java.util.ArrayList<>()).add(e));
        model.addAttribute("report", report);
        model.addAttribute("bySection", bySection);
        model.addAttribute("removed", all.stream().filter(EvidenceView::removed).toList());
        model.addAttribute("totalSize", all.stream().filter(e -> !e.removed()).mapToLong(EvidenceView::size).sum());
        model.addAttribute("count", all.stream().filter(e -> !e.removed()).count());
        model.addAttribute("canAttach", Evidences.canAttach(permissions));
        return "evidence/list";
    }

    @GetMapping("/evidence/{evidenceId}")
    @OnRefusal(redirect = "/reports/{reportId}/evidence", panel = "evidence-list")
    ResponseEntity<Resource> download(@PathVariable long reportId, @PathVariable long evidenceId,
            @AuthenticationPrincipal AccountPrincipal user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Download download = evidences.download(access.of(reportId, user), evidenceId);
        if (download.content().isFile() && Boolean.TRUE.equals(request.getAttribute(SENDFILE + "support"))) {
            // Tomcat sends the file itself once the headers are out, from the page cache straight to the socket
            // (sendfile), instead of the bytes going through the heap 8 KB at a time.
            request.setAttribute(SENDFILE + "filename", download.content().getFile().getAbsolutePath());
            request.setAttribute(SENDFILE + "start", 0L);
            request.setAttribute(SENDFILE + "end", download.evidence().size());
            return headers(download.evidence(), false).build();
        }
        response.setBufferSize(512 * 1024);
        return send(download, false);
    }

    /** PDFs and images shown in the browser, under the same authorization as the download. */
    @GetMapping("/evidence/{evidenceId}/preview")
    @OnRefusal(redirect = "/reports/{reportId}/evidence", panel = "evidence-list")
    ResponseEntity<Resource> preview(@PathVariable long reportId, @PathVariable long evidenceId,
            @AuthenticationPrincipal AccountPrincipal user) {
        Download download = evidences.download(access.of(reportId, user), evidenceId);
        if (!download.evidence().previewable()) {
            throw new NotFoundException("no preview for evidence " + evidenceId);
        }
        return send(download, true);
    }

    private static ResponseEntity<Resource> send(Download download, boolean inline) {
        return headers(download.evidence(), inline).body(download.content());
    }

    private static ResponseEntity.BodyBuilder headers(EvidenceView e, boolean inline) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.of(inline, e.fileName()))
                // Never cached by shared caches: evidence is readable only by the report's members.
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.parseMediaType(e.contentType()))
                .contentLength(e.size());
    }

    @PostMapping("/evidence/{evidenceId}/remove")
    @OnRefusal(redirect = "/reports/{reportId}/evidence", panel = "evidence-list")
    String remove(@PathVariable long reportId, @PathVariable long evidenceId,
            @RequestParam(defaultValue = "section") String back, @AuthenticationPrincipal AccountPrincipal user,
            RedirectAttributes redirect) {
        Access permissions = access.of(reportId, user);
        EvidenceView removed = evidences.remove(permissions, evidenceId);
        redirect.addFlashAttribute("evidenceRemoved", removed.fileName());
        return back.equals("list") ? "redirect:/reports/" + reportId + "/evidence"
                : "redirect:/reports/" + reportId + "/sections/" + removed.sectionNumber() + "#" + anchor(removed.questionCode());
    }

    @PostMapping("/evidence/{evidenceId}/restore")
    @OnRefusal(redirect = "/reports/{reportId}/evidence", panel = "evidence-list")
    String restore(@PathVariable long reportId, @PathVariable long evidenceId,
            @AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
        Access permissions = access.of(reportId, user);
        redirect.addFlashAttribute("evidenceRestored", evidences.restore(permissions, evidenceId).fileName());
        return "redirect:/reports/" + reportId + "/evidence";
    }

    /** "" first, then 2.2 before 2.10. */
    private static int byQuestionCode(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? (b.isEmpty() ? 0 : -1) : 1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static String anchor(String questionCode) {
        return questionCode == null || questionCode.isBlank() ? "section-evidence" : "question-" + questionCode;
    }
}
