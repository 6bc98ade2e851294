package it.oivreport.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.Reports;
import it.oivreport.shared.Hashes;
import it.oivreport.support.IntegrationTest;
import it.oivreport.support.WebClientSession;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Uploads through the real servlet container: what it refuses before any controller runs (over the size
 * limit, cut off half-way) must still end in an Italian page, or at least leave nothing behind.
 */
@IntegrationTest
class UploadOverHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    Evidences evidences;

    @Autowired
    FileSystemEvidenceStore store;

    @Autowired
    UserDetailsService users;

    private long draft2021() {
        return reports.ofOwnAdministrations((AccountPrincipal) users.loadUserByUsername("staff")).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia") && r.year() == 2021)
                .findFirst().orElseThrow().id();
    }

    private int evidenceCount(long reportId) {
        return evidences.ofReport(access.of(reportId, (AccountPrincipal) users.loadUserByUsername("staff"))).size();
    }

    @Test
    void uploadsOverTheLimitsGetAFriendly413() throws Exception {
        long reportId = draft2021();
        int before = evidenceCount(reportId);
        WebClientSession staff = new WebClientSession(port);
        staff.login("staff", "demo");
        String section = "/reports/" + reportId + "/sections/2";
        // One file over the 1 MB per file: back on the attach page, which says so, with the form to try again.
        HttpResponse<String> file = staff.follow(staff.upload(section + "/evidence", section,
                Map.of("questionCode", "2.3"), Map.of("grande.txt", "a".repeat(1536 * 1024).getBytes(StandardCharsets.UTF_8))));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains("Il file «grande.txt» supera il limite di 1 MB per file.")
                .contains("Nessun file è stato allegato").contains("Torna alla sezione").doesNotContain("Exception");
        // A request over the 2 MB per request is refused before it is read, with the Italian 413 page.
        HttpResponse<String> request = staff.upload(section + "/evidence", section, Map.of("questionCode", "2.3"),
                Map.of("enorme.pdf", new byte[3 * 1024 * 1024]));
        assertThat(request.statusCode()).isEqualTo(413);
        assertThat(request.body()).contains("File troppo grande")
                .contains("Il caricamento supera il limite di 2 MB per invio.")
                .contains("Nessun file è stato allegato").contains("href=\"" + section + "\"").doesNotContain("Exception");
        assertThat(evidenceCount(reportId)).isEqualTo(before);

        // The session is still fine, and a file within the limit goes through.
        HttpResponse<String> ok = staff.upload(section + "/evidence", section, Map.of("questionCode", "2.3"),
                Map.of("piccolo.txt", "Verbale in breve, sotto il limite.".getBytes(StandardCharsets.UTF_8)));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(evidenceCount(reportId)).isEqualTo(before + 1);
    }

    @Test
    void anInterruptedUploadLeavesNothingBehind() throws Exception {
        long reportId = draft2021();
        int before = evidenceCount(reportId);
        WebClientSession staff = new WebClientSession(port);
        staff.login("staff", "demo");
        String section = "/reports/" + reportId + "/sections/2";
        String token = staff.token(section);
        String boundary = "----interrotto";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"questionCode\"\r\n\r\n2.3\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"interrotto.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n";
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + section + "/evidence?_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                    + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nCookie: " + staff.cookieHeader()
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: 500000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[100_000]);
            out.flush();
            socket.shutdownOutput(); // the browser went away mid-upload
            InputStream in = socket.getInputStream();
            in.readAllBytes();
        }
        // The container may still be winding the request down: wait for it, then check.
        for (int i = 0; i < 50 && Files.list(store.incoming()).findAny().isPresent(); i++) {
            Thread.sleep(100);
        }
        assertThat(evidenceCount(reportId)).isEqualTo(before);
        assertThat(Files.list(store.incoming())).as("half files in the incoming directory").isEmpty();
    }

    @Test
    void aFileSentAheadIsAttachedByItsTokenOnceAndDownloadsIntact() throws Exception {
        long reportId = draft2021();
        int before = evidenceCount(reportId);
        WebClientSession staff = new WebClientSession(port);
        staff.login("staff", "demo");
        String section = "/reports/" + reportId + "/sections/2";
        byte[] pdf = ("%PDF-1.4\n% inviato in anticipo " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> sent = staff.sendFile("/reports/" + reportId + "/evidence/uploads?name="
                + URLEncoder.encode("Verbale città.pdf", StandardCharsets.UTF_8), section, pdf);

        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(sent.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(sent.body()).contains("\"fileName\":\"Verbale città.pdf\"").contains("\"type\":\"PDF\"")
                .contains("\"sha256\":\"" + Hashes.sha256(pdf) + "\"").contains("\"size\":" + pdf.length);
        assertThat(evidenceCount(reportId)).as("not evidence until the form attaches it").isEqualTo(before);
        String token = token(sent.body());

        String form = "_csrf=" + URLEncoder.encode(staff.token(section), StandardCharsets.UTF_8)
                + "&questionCode=2.3&description=Verbale&staged=" + token;
        assertThat(staff.post(section + "/evidence", form).statusCode()).isEqualTo(302);
        EvidenceView attached = evidences.ofReport(access.of(reportId, (AccountPrincipal) users.loadUserByUsername("staff")))
                .stream().filter(e -> e.sha256().equals(Hashes.sha256(pdf))).findFirst().orElseThrow();
        assertThat(attached.fileName()).isEqualTo("Verbale città.pdf");
        assertThat(attached.questionCode()).isEqualTo("2.3");
        assertThat(attached.description()).isEqualTo("Verbale");

        // A token serves once: sent again (a second click, an old page), it is refused with a message.
        HttpResponse<String> again = staff.post(section + "/evidence",
                "_csrf=" + URLEncoder.encode(staff.token(section), StandardCharsets.UTF_8) + "&questionCode=2.3&staged=" + token);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(staff.follow(again).body()).contains("I file inviati non sono più disponibili").contains("Nessun file è stato allegato");
        assertThat(evidenceCount(reportId)).isEqualTo(before + 1);

        // Through the container (its sendfile path, which MockMvc never takes): the same bytes and headers.
        HttpResponse<byte[]> download = staff.download("/reports/" + reportId + "/evidence/" + attached.id());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(pdf.length));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment;").contains("filename*=UTF-8''Verbale%20citt%C3%A0.pdf"));
    }

    @Test
    void aFileSentAheadIsCheckedAsItArrivesWithItalianMessages() throws Exception {
        long reportId = draft2021();
        int before = evidenceCount(reportId);
        WebClientSession staff = new WebClientSession(port);
        staff.login("staff", "demo");
        String section = "/reports/" + reportId + "/sections/2";
        String uploads = "/reports/" + reportId + "/evidence/uploads?name=";

        HttpResponse<String> large = staff.sendFile(uploads + "grande.txt", section, new byte[1536 * 1024]);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("Il file «grande.txt» supera il limite di 1 MB per file.");
        HttpResponse<String> program = staff.sendFile(uploads + "relazione.pdf", section,
                "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(program.statusCode()).isEqualTo(415);
        assertThat(program.body()).contains("Il file «relazione.pdf» non è di un tipo ammesso.");
        HttpResponse<String> empty = staff.sendFile(uploads + "vuoto.pdf", section, new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Il file «vuoto.pdf» è vuoto.");
        HttpResponse<String> nameless = staff.sendFile(uploads, section, "testo".getBytes(StandardCharsets.UTF_8));
        assertThat(nameless.statusCode()).isEqualTo(400);
        assertThat(nameless.body()).contains("Scegli almeno un file da allegare.");
        assertThat(Files.list(store.incoming())).as("refused files are not kept").isEmpty();

        // A token is its sender's: another member of the administration cannot attach it.
        HttpResponse<String> sent = staff.sendFile(uploads + "nota.txt", section,
                ("Nota " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).isEqualTo(201);
        WebClientSession oiv = new WebClientSession(port);
        oiv.login("oiv", "demo");
        HttpResponse<String> stolen = oiv.post(section + "/evidence", "_csrf="
                + URLEncoder.encode(oiv.token(section), StandardCharsets.UTF_8) + "&questionCode=2.3&staged=" + token(sent.body()));
        assertThat(stolen.statusCode()).isEqualTo(302);
        assertThat(oiv.follow(stolen).body()).contains("I file inviati non sono più disponibili");
        assertThat(evidenceCount(reportId)).isEqualTo(before);
        // Its sender can, and then nothing is left waiting.
        assertThat(staff.post(section + "/evidence", "_csrf=" + URLEncoder.encode(staff.token(section), StandardCharsets.UTF_8)
                + "&staged=" + token(sent.body())).statusCode()).isEqualTo(302);
        assertThat(evidenceCount(reportId)).isEqualTo(before + 1);
        assertThat(Files.list(store.incoming())).isEmpty();
    }

    @Test
    void sendingAFileNeedsTheCsrfToken() throws Exception {
        long reportId = draft2021();
        WebClientSession staff = new WebClientSession(port);
        staff.login("staff", "demo");
        HttpResponse<String> forged = staff.post("/reports/" + reportId + "/evidence/uploads?name=a.txt", "testo");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Files.list(store.incoming())).isEmpty();
    }

    private static String token(String json) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(json);
        assertThat(token.find()).as("token in " + json).isTrue();
        return token.group(1);
    }
}
