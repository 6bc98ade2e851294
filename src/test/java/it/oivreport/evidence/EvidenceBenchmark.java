package it.oivreport.evidence;

import it.oivreport.RapportoOivApplication;
import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.Reports;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Benchmark, not a test (run by {@code bench/evidence.sh}): starts the application with its embedded
 * PostgreSQL, uploads and downloads 25 MB files through HTTP as the support staff would, and times them
 * against {@code cp} of the same file on the same disk, in the same run (the download also with curl, a
 * native client, since Java's HTTP client is itself part of what is measured). Then uploads ten 25 MB files and
 * prints how much the heap grew (after a full collection before and after).
 */
public final class EvidenceBenchmark {

    private static final int SIZE = 25 * 1024 * 1024;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("oiv-evidence-bench");
        ConfigurableApplicationContext app = SpringApplication.run(RapportoOivApplication.class,
                "--server.port=0", "--spring.profiles.active=demo", "--oiv.embedded-postgres.ephemeral=true",
                "--oiv.evidence.directory=" + work.resolve("store"), "--oiv.evidence.max-file-size=26MB",
                "--oiv.evidence.max-report-size=2GB", "--oiv.evidence.max-request-size=30MB", "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://localhost:" + port;
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            login(client, base);
            AccountPrincipal staff = (AccountPrincipal) app.getBean(UserDetailsService.class).loadUserByUsername("staff");
            Reports reports = app.getBean(Reports.class);
            long reportId = reports.list(staff).stream().filter(r -> r.year() == 2021).findFirst().orElseThrow().id();
            ReportAccess.Access access = app.getBean(ReportAccess.class).of(reportId, staff);
            Evidences evidences = app.getBean(Evidences.class);
            String section = base + "/reports/" + reportId + "/sections/2";

            Random random = new Random(7);
            System.out.println("Evidence upload and download through HTTP, 25 MB files (same disk: " + work + ")");
            for (int round = 1; round <= 3; round++) {
                Path file = pdfLike(work.resolve("file" + round + ".pdf"), random);
                long cpStart = System.nanoTime();
                Process cp = new ProcessBuilder("cp", file.toString(), work.resolve("copy" + round).toString()).start();
                if (cp.waitFor() != 0) {
                    throw new IllegalStateException("cp failed");
                }
                double cpSeconds = (System.nanoTime() - cpStart) / 1e9;
                String token = token(client, section); // the page with the form is already open
                long upStart = System.nanoTime();
                upload(client, section, file, token);
                double upSeconds = (System.nanoTime() - upStart) / 1e9;
                long id = evidences.ofReport(access).stream().max(Comparator.comparingLong(EvidenceView::id)).orElseThrow().id();
                Path downloaded = work.resolve("down" + round);
                long downStart = System.nanoTime();
                HttpResponse<Path> down = client.send(HttpRequest.newBuilder(URI.create(base + "/reports/" + reportId
                        + "/evidence/" + id)).build(), HttpResponse.BodyHandlers.ofFile(downloaded));
                double downSeconds = (System.nanoTime() - downStart) / 1e9;
                if (down.statusCode() != 200 || Files.mismatch(file, downloaded) != -1) {
                    throw new IllegalStateException("download differs");
                }
                String cookie = cookies.getCookieStore().getCookies().get(0).toString();
                long curlStart = System.nanoTime();
                Process curl = new ProcessBuilder("curl", "-s", "-o", downloaded.toString(), "-b", cookie,
                        base + "/reports/" + reportId + "/evidence/" + id).start();
                curl.waitFor();
                double curlSeconds = (System.nanoTime() - curlStart) / 1e9;
                System.out.printf("  round %d: cp %.0f MB/s; upload %.0f MB/s (%.2f of cp); download %.0f MB/s (%.2f of cp),"
                        + " with curl %.0f MB/s (%.2f of cp)%n", round, mb(cpSeconds), mb(upSeconds), cpSeconds / upSeconds,
                        mb(downSeconds), cpSeconds / downSeconds, mb(curlSeconds), cpSeconds / curlSeconds);
                Files.delete(work.resolve("copy" + round));
                Files.delete(downloaded);
            }

            List<Path> files = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                files.add(pdfLike(work.resolve("heap" + i + ".pdf"), random));
            }
            long before = usedHeapAfterGc();
            for (Path file : files) {
                upload(client, section, file, token(client, section));
            }
            long after = usedHeapAfterGc();
            System.out.printf("  heap after a full GC: %d MB before ten 25 MB uploads, %d MB after: grew by %d MB (target: under 32 MB)%n",
                    before >> 20, after >> 20, (after - before) >> 20);
        } finally {
            app.close();
            try (var walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double mb(double seconds) {
        return SIZE / 1024.0 / 1024.0 / seconds;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** 25 MB of random bytes behind a PDF header: accepted as a PDF, different every time. */
    private static Path pdfLike(Path file, Random random) throws IOException {
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            int written = 9;
            while (written < SIZE) {
                random.nextBytes(chunk);
                int n = Math.min(chunk.length, SIZE - written);
                out.write(chunk, 0, n);
                written += n;
            }
        }
        return file;
    }

    private static void login(HttpClient client, String base) throws Exception {
        String token = token(client, base + "/login");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=staff&password=demo&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("login failed");
        }
    }

    private static String token(HttpClient client, String url) throws Exception {
        String page = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token at " + url);
        }
        return matcher.group(1);
    }

    /** The file streams from disk into the request: the client holds no copy of it in memory. */
    private static void upload(HttpClient client, String section, Path file, String token) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"questionCode\"\r\n\r\n2.3\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/pdf\r\n\r\n";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(head), HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(section + "/evidence"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("upload refused: " + response.statusCode() + "\n" + response.body());
        }
    }
}
