package it.oivreport.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.oivreport.shared.web.RefusalNotice;
import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.Reports;
import it.oivreport.support.DraftReports;
import it.oivreport.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** Evidence through the web layer and the service, on PostgreSQL and a real store, with small limits (1 MB). */
@IntegrationTest
class EvidenceTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    Evidences evidences;

    @Autowired
    EvidenceIntegrity integrity;

    @Autowired
    FileSystemEvidenceStore store;

    @Autowired
    EvidenceRepository repository;

    @Autowired
    TransactionTemplate transaction;

    AccountPrincipal oiv;
    AccountPrincipal staff;
    long reportId;
    String base;

    @BeforeEach
    void freshReport() {
        oiv = principal("oiv");
        staff = principal("staff");
        reportId = DraftReports.create(context, "Comune delle Evidenze");
        base = "/reports/" + reportId;
    }

    private AccountPrincipal principal(String username) {
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    private MvcResult upload(AccountPrincipal who, String questionCode, MockMultipartFile... files) throws Exception {
        var request = multipart(base + "/sections/2/evidence").param("questionCode", questionCode)
                .param("description", "Estrazione dai sistemi");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return mvc.perform(request.with(csrf()).with(user(who))).andReturn();
    }

    private static MockMultipartFile file(String name, byte[] content) {
        // The browser's type is deliberately wrong: it must not matter.
        return new MockMultipartFile("files", name, "application/octet-stream", content);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private List<EvidenceView> listed() {
        return evidences.ofReport(access.of(reportId, oiv));
    }

    @Test
    void uploadListDownloadAndRemove() throws Exception {
        byte[] csv = "anno;valore\n2025;12\n2026;14\n".getBytes(StandardCharsets.UTF_8);
        MvcResult result = upload(staff, "2.3", file("delibera n. 12 è approvata.pdf", PDF), file("indicatori.csv", csv));
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(base + "/sections/2#question-2.3");

        List<EvidenceView> all = listed();
        assertThat(all).extracting(EvidenceView::fileName).containsExactly("delibera n. 12 è approvata.pdf", "indicatori.csv");
        EvidenceView pdf = all.get(0);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.size()).isEqualTo(PDF.length);
        assertThat(pdf.sha256()).isEqualTo(sha256(PDF));
        assertThat(all.get(1).contentType()).isEqualTo("text/csv");
        assertThat(all.get(1).sha256()).isEqualTo(sha256(csv));
        assertThat(pdf.uploadedBy()).isEqualTo("Laura Conti");

        // The section page lists them under 2.3 with the whole hash; the Evidenze page adds the total.
        mvc.perform(get(base + "/sections/2").with(user(oiv))).andExpect(status().isOk())
                .andExpect(content().string(containsString("delibera n. 12 è approvata.pdf")))
                .andExpect(content().string(containsString(sha256(csv))));
        mvc.perform(get(base + "/evidence").with(user(oiv))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2 file, " + (PDF.length + csv.length) + " byte in tutto")))
                .andExpect(content().string(containsString(sha256(PDF))));

        byte[] downloaded = mvc.perform(get(base + "/evidence/" + pdf.id()).with(user(oiv)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"delibera n. 12 e approvata.pdf\"; "
                        + "filename*=UTF-8''delibera%20n.%2012%20%C3%A8%20approvata.pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(PDF);
        mvc.perform(get(base + "/evidence/" + pdf.id() + "/preview").with(user(staff))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("inline;")));
        mvc.perform(get(base + "/evidence/" + all.get(1).id() + "/preview").with(user(oiv)))
                .andExpect(status().isNotFound());

        // Removal is recorded and recoverable.
        mvc.perform(post(base + "/evidence/" + pdf.id() + "/remove").param("back", "list").with(csrf()).with(user(oiv)))
                .andExpect(redirectedUrl(base + "/evidence"));
        EvidenceView removed = listed().get(0);
        assertThat(removed.removed()).isTrue();
        assertThat(removed.removedBy()).isEqualTo("Marco Bianchi");
        assertThat(removed.removedAt()).isNotNull();
        assertThat(evidences.ofSection(access.of(reportId, oiv), 2).get("2.3")).hasSize(1);
        assertThat(store.file(pdf.sha256())).isPresent();
        mvc.perform(get(base + "/evidence").with(user(oiv)))
                .andExpect(content().string(containsString("Evidenze rimosse")))
                .andExpect(content().string(containsString("Rimosso da Marco Bianchi")));
        mvc.perform(post(base + "/evidence/" + pdf.id() + "/restore").with(csrf()).with(user(oiv)))
                .andExpect(redirectedUrl(base + "/evidence"));
        assertThat(listed().get(0).removed()).isFalse();
    }

    @Test
    void storedEvidenceAndUploadsInProgressAreReadableByTheApplicationOnly() throws Exception {
        EvidenceStore.Received received = store.receive(new java.io.ByteArrayInputStream(
                ("permessi " + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8)), 1_000);
        assertThat(perms(received.temporary())).isEqualTo("rw-------");
        assertThat(perms(store.incoming())).isEqualTo("rwx------");
        store.keep(received);
        java.nio.file.Path kept = store.path(received.sha256());
        assertThat(perms(kept)).isEqualTo("rw-------");
        assertThat(perms(kept.getParent())).isEqualTo("rwx------");
        java.nio.file.Files.delete(kept); // no metadata refers to it: not left for the orphan checks
    }

    private static String perms(java.nio.file.Path path) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(path));
    }

    @Test
    void staffRemoveOnlyTheirOwnUploadsAndMembersRemoveAny() throws Exception {
        upload(oiv, "2.3", file("del-oiv.pdf", PDF));
        upload(staff, "2.1", file("dello-staff.txt", "Testo dello staff".getBytes(StandardCharsets.UTF_8)));
        EvidenceView byOiv = listed().stream().filter(e -> e.fileName().equals("del-oiv.pdf")).findFirst().orElseThrow();
        EvidenceView byStaff = listed().stream().filter(e -> e.fileName().equals("dello-staff.txt")).findFirst().orElseThrow();
        // Not allowed at all: a 403 page that says why, not a form to correct.
        mvc.perform(post(base + "/evidence/" + byOiv.id() + "/remove").with(csrf()).with(user(staff)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Possono rimuovere un’evidenza solo chi l’ha caricata")));
        assertThat(listed()).noneMatch(EvidenceView::removed);
        mvc.perform(post(base + "/evidence/" + byStaff.id() + "/remove").with(csrf()).with(user(staff)))
                .andExpect(redirectedUrl(base + "/sections/2#question-2.1"));
        mvc.perform(post(base + "/evidence/" + byOiv.id() + "/remove").with(csrf()).with(user(oiv)))
                .andExpect(status().is3xxRedirection());
        assertThat(listed()).allMatch(EvidenceView::removed);
    }

    @Test
    void everyBadInputGetsAnItalianMessageAndChangesNothing() throws Exception {
        upload(staff, "2.3", file("prima.pdf", PDF));
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        exe[128] = 'P';
        exe[129] = 'E';
        expectRefused(upload(staff, "2.3", file("vuoto.pdf", new byte[0])), 400, "Il file «vuoto.pdf» è vuoto.");
        expectRefused(upload(staff, "2.3"), 400, "Scegli almeno un file da allegare.");
        expectRefused(upload(staff, "2.3", file("relazione.pdf", exe)), 415, "Il file «relazione.pdf» non è di un tipo ammesso.");
        expectRefused(upload(staff, "2.3", file("pagina.html", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8))), 415, "«pagina.html» non è di un tipo ammesso");
        expectRefused(upload(staff, "2.3", file("grafico.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                .getBytes(StandardCharsets.UTF_8))), 415, "«grafico.svg» non è di un tipo ammesso");
        expectRefused(upload(staff, "2.3", file("grande.txt", "a".repeat(1024 * 1024 + 1).getBytes(StandardCharsets.UTF_8))),
                413, "Il file «grande.txt» supera il limite di 1 MB per file.");
        // A good file beside a bad one is not attached either: all or nothing.
        expectRefused(upload(staff, "2.3", file("buono.txt", "Buono".getBytes(StandardCharsets.UTF_8)), file("cattivo.pdf", exe)),
                415, "«cattivo.pdf» non è di un tipo ammesso");
        assertThat(listed()).extracting(EvidenceView::fileName).containsExactly("prima.pdf");
        assertThat(Files.list(store.incoming()).filter(p -> p.getFileName().toString().startsWith("upload-"))).isEmpty();
    }

    @Test
    void aFileIsStoredAndServedUnderANameThatMatchesItsContent() throws Exception {
        upload(staff, "2.3", file("x.html", PDF));
        EvidenceView stored = listed().get(0);
        assertThat(stored.fileName()).isEqualTo("x.html.pdf");
        mvc.perform(get(base + "/evidence/" + stored.id()).with(user(oiv)))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("x.html.pdf")));
    }

    @Test
    void theReportTotalIsLimited() throws Exception {
        byte[] nearlyOneMegabyte = new byte[900 * 1024];
        for (int i = 0; i < 3; i++) {
            java.util.Arrays.fill(nearlyOneMegabyte, (byte) ('a' + i));
            assertThat(upload(staff, "2.3", file("parte" + i + ".txt", nearlyOneMegabyte.clone())).getResponse().getStatus())
                    .isEqualTo(302);
        }
        java.util.Arrays.fill(nearlyOneMegabyte, (byte) 'z');
        expectRefused(upload(staff, "2.3", file("parte3.txt", nearlyOneMegabyte)), 413,
                "Con «parte3.txt» le evidenze del rapporto supererebbero il limite di 3 MB complessivi.");
        assertThat(listed()).hasSize(3);
    }

    @Test
    void anIdenticalFileIsReported() throws Exception {
        upload(staff, "2.3", file("delibera.pdf", PDF));
        expectRefused(upload(oiv, "2.3", file("copia.pdf", PDF)), 409, "«copia.pdf» è già allegato qui come «delibera.pdf».");
        MvcResult elsewhere = upload(oiv, "2.1", file("copia.pdf", PDF));
        assertThat(elsewhere.getResponse().getStatus()).isEqualTo(302);
        mvc.perform(get(base + "/sections/2").with(user(oiv)).flashAttrs(elsewhere.getFlashMap()))
                .andExpect(content().string(containsString("«copia.pdf» è già presente come «delibera.pdf» nella domanda 2.3: allegato anche qui.")));
        expectRefused(upload(oiv, "2.2", file("uno.pdf", PDF), file("due.pdf", PDF)), 409, "«due.pdf» e «uno.pdf» sono lo stesso file.");
    }

    /** Back on the attach page (Post/Redirect/Get), which says why, with the refusal's own status kept. */
    private void expectRefused(MvcResult result, int status, String message) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).startsWith(base + "/sections/2/evidence?questionCode=");
        assertThat(result.getFlashMap().get("refusal")).isInstanceOfSatisfying(RefusalNotice.class,
                refusal -> assertThat(refusal.status()).isEqualTo(status));
        String page = mvc.perform(get(result.getResponse().getRedirectedUrl()).with(user(oiv))
                .flashAttrs(result.getFlashMap())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(message).contains("Nessun file è stato allegato").doesNotContain("Exception");
    }

    @Test
    void aFileWhoseSizeChangedOnDiskIsNotHandedOut() throws Exception {
        byte[] content = ("Verbale " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        upload(staff, "2.3", file("verbale.txt", content));
        long id = listed().get(0).id();
        Path stored = store.file(sha256(content)).orElseThrow();
        Files.writeString(stored, "sostituito con altro");
        try {
            for (String path : List.of(base + "/evidence/" + id, base + "/evidence/" + id + "/preview")) {
                MvcResult refused = mvc.perform(get(path).with(user(oiv)))
                        .andExpect(status().isFound()).andExpect(redirectedUrl(base + "/evidence")).andReturn();
                mvc.perform(get(base + "/evidence").with(user(oiv)).flashAttrs(refused.getFlashMap()))
                        .andExpect(content().string(containsString("Il file «verbale.txt» non è più quello caricato")));
            }
        } finally {
            Files.write(stored, content);
        }
        mvc.perform(get(base + "/evidence/" + id).with(user(oiv))).andExpect(status().isOk())
                .andExpect(content().bytes(content));
    }

    @Test
    void theIntegrityCheckFindsChangedAndMissingFiles() throws Exception {
        byte[] one = ("Verbale " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] two = ("Relazione " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        upload(staff, "2.3", file("verbale.txt", one), file("relazione.txt", two));
        assertThat(integrity.verify().problems()).noneMatch(p -> p.fileNames().contains("verbale.txt"));

        Path stored = store.file(sha256(one)).orElseThrow();
        Files.writeString(stored, "manomesso");
        Files.delete(store.file(sha256(two)).orElseThrow());
        EvidenceIntegrity.Check check = integrity.verify();
        assertThat(check.problems()).anySatisfy(p -> {
            assertThat(p.sha256()).isEqualTo(sha256(one));
            assertThat(p.missing()).isFalse();
            assertThat(p.fileNames()).containsExactly("verbale.txt");
            assertThat(p.reportIds()).containsExactly(reportId);
        }).anySatisfy(p -> {
            assertThat(p.sha256()).isEqualTo(sha256(two));
            assertThat(p.missing()).isTrue();
        });
        mvc.perform(post("/admin/evidence/integrity").with(csrf()).with(user(principal("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("verbale.txt")))
                .andExpect(content().string(containsString("alterato")))
                .andExpect(content().string(containsString("mancante")));
        // Put them back, so that other tests' checks start clean.
        Files.write(stored, one);
        Files.write(store.path(sha256(two)), two);
        assertThat(integrity.verify().problems()).isEmpty();
    }

    @Test
    void aFailureBetweenTheFileAndTheCommitLeavesNothingReachableAndTheSweepCleansUp() throws Exception {
        byte[] content = ("Documento mai registrato " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sha = sha256(content);
        ReportAccess.Access staffAccess = access.of(reportId, staff);
        try {
            transaction.executeWithoutResult(status -> {
                evidences.attach(staffAccess, 2, "2.3", null,
                        List.of(new Evidences.Incoming("perso.txt", new ByteArrayResource(content))));
                throw new IllegalStateException("database failure after the file was written");
            });
        } catch (IllegalStateException expected) {
            // The metadata commit failed.
        }
        assertThat(repository.findByReportIdAndSha256AndRemovedAtIsNull(reportId, sha)).isEmpty();
        assertThat(listed()).isEmpty();
        assertThat(store.file(sha)).isPresent();
        assertThat(integrity.orphans()).isGreaterThanOrEqualTo(1);

        // A fresh orphan survives the sweep (its upload may still be committing); an old one does not.
        integrity.sweep();
        assertThat(store.file(sha)).isPresent();
        Files.setLastModifiedTime(store.file(sha).orElseThrow(), FileTime.from(Instant.now().minusSeconds(7200)));
        Path interrupted = Files.createTempFile(store.incoming(), "upload-", ".part");
        Files.setLastModifiedTime(interrupted, FileTime.from(Instant.now().minusSeconds(7200)));
        EvidenceIntegrity.Sweep sweep = integrity.sweep();
        assertThat(sweep.orphans()).isGreaterThanOrEqualTo(1);
        assertThat(sweep.temporary()).isGreaterThanOrEqualTo(1);
        assertThat(store.file(sha)).isEmpty();
        assertThat(interrupted).doesNotExist();
        assertThat(integrity.orphans()).isZero();
        // Evidence with metadata is never swept, however old.
        assertThat(integrity.verify().problems()).isEmpty();
    }

    @Test
    void filesSentAheadAreAttachedWithTheFormsFilesAllOrNone() throws Exception {
        ReportAccess.Access staffAccess = access.of(reportId, staff);
        byte[] first = ("Primo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Evidences.StagedFile staged = evidences.stage(staffAccess, "primo.txt", first.length,
                new java.io.ByteArrayInputStream(first));
        assertThat(staged.sha256()).isEqualTo(sha256(first));
        assertThat(staged.type()).isEqualTo("txt");

        // With a refused file in the same form, neither is attached, and the token is used up.
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(EvidenceRejected.class, () ->
                evidences.attach(staffAccess, 2, "2.3", null, List.of(new Evidences.Incoming("vuoto.txt",
                        new ByteArrayResource(new byte[0]))), List.of(staged.token()))).messageKey()).isEqualTo("evidence.empty");
        assertThat(listed()).isEmpty();
        assertThat(Files.list(store.incoming())).isEmpty();

        Evidences.StagedFile again = evidences.stage(staffAccess, "primo.txt", first.length,
                new java.io.ByteArrayInputStream(first));
        byte[] second = ("Secondo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Evidences.Attached attached = evidences.attach(staffAccess, 2, "2.3", null,
                List.of(new Evidences.Incoming("secondo.txt", new ByteArrayResource(second))), List.of(again.token()));
        assertThat(attached.fileNames()).containsExactly("primo.txt", "secondo.txt");
        assertThat(evidences.ofReport(staffAccess)).extracting(EvidenceView::sha256)
                .containsExactlyInAnyOrder(sha256(first), sha256(second));
    }

    @Test
    void aFileSentAheadButNotAttachedIsSweptAndItsTokenThenRefused() throws Exception {
        ReportAccess.Access staffAccess = access.of(reportId, staff);
        byte[] content = ("Dimenticato " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Evidences.StagedFile staged = evidences.stage(staffAccess, "dimenticato.txt", content.length,
                new java.io.ByteArrayInputStream(content));
        Path waiting;
        try (var files = Files.list(store.incoming())) {
            waiting = files.filter(p -> {
                try {
                    return Files.size(p) == content.length;
                } catch (java.io.IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(waiting, FileTime.from(Instant.now().minusSeconds(7200)));

        assertThat(integrity.sweep().temporary()).isGreaterThanOrEqualTo(1);

        assertThat(waiting).doesNotExist();
        EvidenceRejected refused = org.assertj.core.api.Assertions.catchThrowableOfType(EvidenceRejected.class,
                () -> evidences.attach(staffAccess, 2, "2.3", null, List.of(), List.of(staged.token())));
        assertThat(refused.messageKey()).isEqualTo("evidence.stagedExpired");
        assertThat(refused.status().value()).isEqualTo(410);
        assertThat(listed()).isEmpty();
    }

    @Test
    void sendingAheadFollowsTheAttachRules() {
        byte[] content = "Testo".getBytes(StandardCharsets.UTF_8);
        // A report no longer editable: nothing can be sent ahead to it either.
        ReportAccess.Access approved = access.of(reports.ofOwnAdministrations(oiv).stream()
                .filter(r -> r.year() == 2020 && r.administrationName().equals("Camera di Commercio di Brescia"))
                .findFirst().orElseThrow().id(), oiv);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(EvidenceRejected.class, () -> evidences.stage(
                approved, "a.txt", content.length, new java.io.ByteArrayInputStream(content))).messageKey())
                .isEqualTo("evidence.notAllowed");
        // Declared larger than the limit: refused before a byte is read.
        java.io.InputStream unread = new java.io.InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read");
            }
        };
        EvidenceRejected large = org.assertj.core.api.Assertions.catchThrowableOfType(EvidenceRejected.class,
                () -> evidences.stage(access.of(reportId, staff), "grande.pdf", 2L * 1024 * 1024, unread));
        assertThat(large.messageKey()).isEqualTo("evidence.fileTooLarge");
        assertThat(large.status().value()).isEqualTo(413);
    }
}
