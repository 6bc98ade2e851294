package it.oivreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the application with SIGTERM (what Ctrl+C and a service manager do) is a normal stop: the context
 * closes, the beans that write on the way out (the event publication registry) before the embedded PostgreSQL,
 * and the process exits 0.
 */
class CleanStopTests {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @Test
    void sigtermClosesTheApplicationAndExitsZero(@TempDir Path dataDir) throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RapportoOivApplication.class.getName(),
                "--server.port=0", "--oiv.data-dir=" + dataDir, "--oiv.embedded-postgres.ephemeral=false", "--spring.main.banner-mode=off")
                .redirectErrorStream(true).start();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.add(line);
                }
            } catch (java.io.IOException ended) {
                // the process is gone
            }
        }, "application-output");
        reader.start();
        // Ready, not only started: the runners (the questionnaire's load, the demo data) have finished and the
        // application takes traffic. A stop is then a stop of a running application.
        int port = awaitPort(log, run);
        assertThat(awaitReady(port, run)).as(() -> "the application became ready:\n" + String.join("\n", log)).isTrue();
        run.toHandle().destroy(); // SIGTERM (Process.destroy would also close the streams read here)
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        String output = String.join("\n", log);
        assertThat(run.exitValue()).as(() -> output).isZero();
        assertThat(output).doesNotContain("ERROR").doesNotContain("Invocation of destroy method failed");
        // PostgreSQL removes its pid file when it stops cleanly.
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
    }

    private static int awaitPort(List<String> log, Process run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && run.isAlive()) {
            synchronized (log) {
                for (String line : log) {
                    Matcher port = PORT.matcher(line);
                    if (port.find()) {
                        return Integer.parseInt(port.group(1));
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the application did not start:\n" + String.join("\n", log));
    }

    private static boolean awaitReady(int port, Process run) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && run.isAlive()) {
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }
}
