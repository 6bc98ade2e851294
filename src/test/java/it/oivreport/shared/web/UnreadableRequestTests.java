package it.oivreport.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.DraftReports;
import it.oivreport.support.IntegrationTest;
import it.oivreport.support.WebClientSession;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Requests the container cannot read, or refuses before any filter runs, through the real Tomcat: each gets an
 * Italian page with the security headers, an expected refusal is one INFO line, never an ERROR with a stack.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UnreadableRequestTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void aFormOverTheContainersLimitIsA413PageAndAnInfoLine(CapturedOutput log) throws Exception {
        WebClientSession oiv = new WebClientSession(port);
        oiv.login("oiv", "demo");
        String section = draftSection(oiv);
        HttpResponse<String> response = oiv.post(section, "_csrf=" + URLEncoder.encode(oiv.token(section),
                StandardCharsets.UTF_8) + "&version=0&answers[0].motivation=" + "x".repeat(3 * 1024 * 1024));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("I dati inviati superano il limite di 2 MB per invio")
                .contains("Non è stato salvato né allegato nulla").doesNotContain("Exception");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(log.getOut()).contains("Refused POST " + section + ": parameters unreadable (413")
                .doesNotContain("ERROR").doesNotContain("InvalidParameterException: ");
    }

    @Test
    void aNulInAMultipartFileNameIsRemovedAndTheFileAttached(CapturedOutput log) throws Exception {
        WebClientSession staff = new WebClientSession(port);
        staff.login("staff", "demo");
        // A draft of its own: the file is attached.
        String section = "/reports/" + DraftReports.create(context, "Comune del Nome Nullo") + "/sections/2";
        String stem = "nul" + System.nanoTime();
        String boundary = "----nul";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + staff.token(section)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + stem
                + "\u0000b.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--" + boundary + "--\r\n";
        String response = multipart(staff, section + "/evidence", boundary, body);
        assertThat(response).startsWith("HTTP/1.1 302").contains("Content-Security-Policy:");
        assertThat(staff.get(section).body()).as("attached under the name without the NUL").contains(stem + "b.pdf");
        assertThat(log.getOut()).doesNotContain("ERROR").doesNotContain("InvalidFileNameException");
    }

    @Test
    void aMalformedMultipartBodyIsA400PageAndNothingIsKept(CapturedOutput log) throws Exception {
        WebClientSession staff = new WebClientSession(port);
        staff.login("staff", "demo");
        String section = draftSection(staff);
        // The closing boundary never comes.
        String body = "--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + staff.token(section)
                + "\r\n--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"troncato.pdf\"\r\n\r\n%PDF-1.4\n";
        String response = multipart(staff, section + "/evidence", "x", body);
        assertThat(response).startsWith("HTTP/1.1 400").contains("Content-Security-Policy:")
                .contains("Non è stato salvato né allegato nulla");
        assertThat(staff.get(section).body()).doesNotContain("troncato.pdf");
        assertThat(log.getOut()).contains("Refused POST " + section + "/evidence: parameters unreadable (400")
                .doesNotContain("ERROR");
    }

    @Test
    void aChunkedUploadOverTheRequestLimitIsStoppedWhileItIsRead(CapturedOutput log) throws Exception {
        WebClientSession staff = new WebClientSession(port);
        staff.login("staff", "demo");
        String section = draftSection(staff);
        // No Content-Length, so nothing can refuse it up front: 3 MB against the tests' 2 MB per request.
        String head = "--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + staff.token(section)
                + "\r\n--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"enorme.txt\"\r\n\r\n";
        StringBuilder chunked = new StringBuilder(Integer.toHexString(head.length()) + "\r\n" + head + "\r\n");
        String block = "x".repeat(64 * 1024);
        for (int i = 0; i < 48; i++) {
            chunked.append(Integer.toHexString(block.length())).append("\r\n").append(block).append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        String response = raw("POST " + section + "/evidence HTTP/1.1\r\nHost: localhost\r\nCookie: " + staff.cookieHeader()
                + "\r\nContent-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + chunked);
        assertThat(response).startsWith("HTTP/1.1 413").contains("Content-Security-Policy:");
        assertThat(staff.get(section).body()).doesNotContain("enorme.txt");
        assertThat(log.getOut()).contains("Refused POST " + section + "/evidence: parameters unreadable (413")
                .doesNotContain("ERROR");
    }

    @Test
    void pathsRefusedBeforeTheApplicationStillCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("//evil", "/\\evil.example", "/%2e%2e/x", "/reports/%00")) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
            assertThat(response).as(path).startsWith("HTTP/1.1 400")
                    .contains("Content-Security-Policy: default-src 'self'").contains("X-Content-Type-Options: nosniff")
                    .contains("X-Frame-Options: DENY").contains("Referrer-Policy: same-origin")
                    .contains("Richiesta non valida");
        }
    }

    @Test
    void aVerificationFileOverTheLimitHasItsOwnMessage() throws Exception {
        // Declared at 300 MB: refused from the Content-Length, before a byte of the body is read.
        String response = raw("POST /verifica HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; "
                + "boundary=x\r\nContent-Length: 314572800\r\nConnection: close\r\n\r\n--x\r\n");
        assertThat(response).startsWith("HTTP/1.1 413").contains("Il file supera il limite di 1 MB.")
                .contains("Il file non è stato verificato né conservato").contains("href=\"/verifica\"")
                .doesNotContain("Nessun file è stato allegato").doesNotContain("Allega i file");
    }

    private String draftSection(WebClientSession session) throws Exception {
        String home = session.get("/reports?status=BOZZA").body();
        java.util.regex.Matcher report = java.util.regex.Pattern.compile("href=\"/reports/(\\d+)\"").matcher(home);
        assertThat(report.find()).as("a draft in the demo data").isTrue();
        return "/reports/" + report.group(1) + "/sections/2";
    }

    /** A multipart POST of {@code body} as it is, with its length, in the session. */
    private String multipart(WebClientSession session, String path, String boundary, String body) throws Exception {
        return raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + session.cookieHeader()
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\nConnection: close\r\n\r\n" + body);
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // Nothing more is coming: the server need not wait for the rest of a declared body.
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
