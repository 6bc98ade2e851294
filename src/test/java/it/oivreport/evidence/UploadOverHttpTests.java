package it.oivreport.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.Reports;
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
        return reports.list((AccountPrincipal) users.loadUserByUsername("staff")).stream()
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
        // One file over the 1 MB per file: the attach page says so, with the form to try again.
        HttpResponse<String> file = staff.upload(section + "/evidence", section, Map.of("questionCode", "2.3"),
                Map.of("grande.txt", "a".repeat(1536 * 1024).getBytes(StandardCharsets.UTF_8)));
        assertThat(file.statusCode()).isEqualTo(413);
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
}
