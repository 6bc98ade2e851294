package it.oivreport.evidence;

import it.oivreport.RapportoOivApplication;
import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.Reports;
import it.oivreport.shared.Hashes;
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
 * PostgreSQL, uploads and downloads 25 MB files through HTTP as the support staff's browser would (the
 * page's script sends the file as the request body, then the form attaches it), with curl as the client,
 * and times them against {@code cp} of the same file on the same disk, round by round, after a few rounds
 * to warm up. Java's HTTP client and the form without script are printed beside them. Then it uploads ten
 * 25 MB files and prints how much the heap grew (after a full collection before and after).
 */
public final class EvidenceBenchmark {

    private static final int SIZE = 25 * 1024 * 1024;
    private static final int WARM_UP = 5;
    private static final int ROUNDS = 10;
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
            long reportId = reports.ofOwnAdministrations(staff).stream().filter(r -> r.year() == 2021).findFirst().orElseThrow().id();
            ReportAccess.Access access = app.getBean(ReportAccess.class).of(reportId, staff);
            Evidences evidences = app.getBean(Evidences.class);
            String section = base + "/reports/" + reportId + "/sections/2";

            Random random = new Random(7);
            String cookie = cookies.getCookieStore().getCookies().get(0).toString();
            System.out.println("Evidence upload and download through HTTP, 25 MB files (same disk: " + work + ")");
            System.out.println("  cp: wall time of the cp command; HTTP: curl's total time (connection to last byte)");
            List<double[]> rounds = new java.util.ArrayList<>();
            for (int round = 1; round <= WARM_UP + ROUNDS; round++) {
                boolean measured = round > WARM_UP;
                Path file = pdfLike(work.resolve("file" + round + ".pdf"), random);
                double cpSeconds = cp(file, work.resolve("copy" + round));
                String token = token(client, section); // the page with the form is already open
                Upload upload = sendAndAttach(base, reportId, cookie, token, file);
                double upSeconds = upload.sent().seconds() + upload.attached().seconds();
                long id = evidences.ofReport(access).stream().max(Comparator.comparingLong(EvidenceView::id)).orElseThrow().id();
                Path downloaded = work.resolve("down" + round);
                String url = base + "/reports/" + reportId + "/evidence/" + id;
                Curl down = curl("-o", downloaded.toString(), "-b", cookie, url);
                if (down.status() != 200 || Files.mismatch(file, downloaded) != -1) {
                    throw new IllegalStateException("download differs");
                }
                Files.delete(downloaded);
                Curl transfer = curl("-o", "/dev/null", "-b", cookie, url); // the transfer alone, nothing stored
                long hashStart = System.nanoTime();
                Hashes.sha256(Files.newInputStream(file));
                double hashSeconds = (System.nanoTime() - hashStart) / 1e9;
                long javaStart = System.nanoTime();
                client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(downloaded));
                double javaSeconds = (System.nanoTime() - javaStart) / 1e9;
                // The form without the script: one multipart request, parsed by the servlet container.
                Path other = pdfLike(work.resolve("form" + round + ".pdf"), random);
                Curl form = curl("-X", "POST", "-b", cookie, "-F", "_csrf=" + token, "-F", "questionCode=2.3",
                        "-F", "files=@" + other + ";type=application/pdf", section + "/evidence");
                if (form.status() != 302) {
                    throw new IllegalStateException("form upload refused: " + form.status());
                }
                if (measured) {
                    rounds.add(new double[] {cpSeconds, upSeconds, down.seconds(), transfer.seconds(), hashSeconds});
                    System.out.printf("  round %2d: cp %2.0f ms; upload %3.0f ms = %.2f of cp (file sent %2.0f + form %2.0f);"
                            + " download %2.0f ms = %.2f of cp, transfer alone %2.0f ms = %.2f; [SHA-256 alone %2.0f ms;"
                            + " Java client download %3.0f ms; form without script %3.0f ms]%n",
                            round - WARM_UP, ms(cpSeconds), ms(upSeconds), cpSeconds / upSeconds, ms(upload.sent().seconds()),
                            ms(upload.attached().seconds()), ms(down.seconds()), cpSeconds / down.seconds(), ms(transfer.seconds()),
                            cpSeconds / transfer.seconds(), ms(hashSeconds), ms(javaSeconds), ms(form.seconds()));
                }
                Files.delete(work.resolve("copy" + round));
                Files.delete(downloaded);
                Files.delete(file);
                Files.delete(other);
            }
            double upRatio = median(rounds.stream().mapToDouble(r -> r[0] / r[1]).toArray());
            double downRatio = median(rounds.stream().mapToDouble(r -> r[0] / r[2]).toArray());
            double transferRatio = median(rounds.stream().mapToDouble(r -> r[0] / r[3]).toArray());
            System.out.printf("  median of %d rounds after %d to warm up (target: at least 0.50 of cp):%n"
                    + "    upload %.2f of cp (%.0f MB/s), download %.2f of cp (%.0f MB/s), the download's transfer alone %.2f;"
                    + " cp %.0f MB/s; SHA-256 alone %.0f MB/s%n", ROUNDS, WARM_UP,
                    upRatio, mb(median(rounds.stream().mapToDouble(r -> r[1]).toArray())),
                    downRatio, mb(median(rounds.stream().mapToDouble(r -> r[2]).toArray())), transferRatio,
                    mb(median(rounds.stream().mapToDouble(r -> r[0]).toArray())),
                    mb(median(rounds.stream().mapToDouble(r -> r[4]).toArray())));

            List<Path> files = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                files.add(pdfLike(work.resolve("heap" + i + ".pdf"), random));
            }
            long before = usedHeapAfterGc();
            for (Path file : files) {
                sendAndAttach(base, reportId, cookie, token(client, section), file);
            }
            long middle = usedHeapAfterGc();
            for (Path file : files) {
                Files.write(file, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND); // not a duplicate
                upload(client, section, file, token(client, section));
            }
            long after = usedHeapAfterGc();
            System.out.printf("  heap after a full GC: %d MB before ten 25 MB uploads, %d MB after: grew by %d MB;"
                    + " after ten more through the form without script %d MB: grew by %d MB (target: under 32 MB)%n",
                    before >> 20, middle >> 20, (middle - before) >> 20, after >> 20, (after - middle) >> 20);
        } finally {
            app.close();
            try (var walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Curl(int status, double seconds, String body) {
    }

    /** Runs curl and reads its own timing (curl's start-up, a few milliseconds, is not the transfer's). */
    private static Curl curl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-s", "-w", "\n%{http_code} %{time_total}"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("curl failed: " + output);
        }
        String[] last = output.substring(output.lastIndexOf('\n') + 1).split(" ");
        return new Curl(Integer.parseInt(last[0]), Double.parseDouble(last[1]), output.substring(0, output.lastIndexOf('\n')));
    }

    private record Upload(Curl sent, Curl attached) {
    }

    /**
     * As the page's script does: the file as the request body, then the form that attaches it to question
     * 2.3 by the token the server gave.
     */
    private static Upload sendAndAttach(String base, long reportId, String cookie, String csrf, Path file)
            throws IOException, InterruptedException {
        String report = base + "/reports/" + reportId;
        Curl sent = curl("-X", "POST", "-T", file.toString(), "-H", "Expect:", "-H", "X-CSRF-TOKEN: " + csrf,
                "-H", "Content-Type: application/octet-stream", "-b", cookie,
                report + "/evidence/uploads?name=" + file.getFileName());
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(sent.body());
        if (sent.status() != 201 || !token.find()) {
            throw new IllegalStateException("upload refused: " + sent.status() + " " + sent.body());
        }
        Curl attached = curl("-X", "POST", "-b", cookie, "--data-urlencode", "_csrf=" + csrf,
                "--data-urlencode", "questionCode=2.3", "--data-urlencode", "staged=" + token.group(1),
                report + "/sections/2/evidence");
        if (attached.status() != 302) {
            throw new IllegalStateException("attach refused: " + attached.status());
        }
        return new Upload(sent, attached);
    }

    /** Wall time of {@code cp}, as a user would time it. */
    private static double cp(Path from, Path to) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process cp = new ProcessBuilder("cp", from.toString(), to.toString()).start();
        if (cp.waitFor() != 0) {
            throw new IllegalStateException("cp failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double ms(double seconds) {
        return seconds * 1000;
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
