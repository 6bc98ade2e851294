package it.oivreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the application with SIGTERM (what Ctrl+C and a service manager do) is a normal stop: the context
 * closes, the embedded PostgreSQL with it, and the process exits 0.
 */
class CleanStopTests {

    @Test
    void sigtermClosesTheApplicationAndExitsZero(@TempDir Path dataDir) throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RapportoOivApplication.class.getName(),
                "--server.port=0", "--oiv.data-dir=" + dataDir, "--oiv.embedded-postgres.ephemeral=false", "--spring.main.banner-mode=off")
                .redirectErrorStream(true).start();
        List<String> log = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("Started RapportoOivApplication")) {
                log.add(line);
            }
            assertThat(line).as(() -> "the application started:\n" + String.join("\n", log)).isNotNull();
            run.toHandle().destroy(); // SIGTERM (Process.destroy would also close the streams read here)
            while ((line = out.readLine()) != null) {
                log.add(line);
            }
        }
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(() -> String.join("\n", log)).isZero();
        assertThat(String.join("\n", log)).doesNotContain("ERROR");
        // PostgreSQL removes its pid file when it stops cleanly.
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
    }
}
