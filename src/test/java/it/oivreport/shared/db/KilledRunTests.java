package it.oivreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A run killed with kill -9 leaves its PostgreSQL running on the data directory. The next start stops that
 * server and comes up in the usual time, with everything committed still there; a server of another data
 * directory is left alone.
 */
class KilledRunTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresConfiguration.class));

    @Test
    void theNextStartStopsTheKilledRunsPostgresAndFindsTheCommittedData(@TempDir Path dataDir) throws Exception {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(KilledRun.READY)) {
                // the child's log
            }
            assertThat(line).as("the child run got ready").isEqualTo(KilledRun.READY);
            run.destroyForcibly(); // SIGKILL: no shutdown hook, no context close
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Path pgData = dataDir.resolve("postgres");
        assertThat(LeftoverPostmaster.find(pgData)).as("the killed run's PostgreSQL lives on").isPresent();
        long leftoverPid = LeftoverPostmaster.find(pgData).orElseThrow().pid();

        Instant started = Instant.now();
        runner.withPropertyValues("oiv.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasNotFailed();
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("select note from committed_before_the_kill").query(String.class).list())
                    .containsExactly("Rapporto 2020");
        });
        assertThat(Duration.between(started, Instant.now())).as("start after the kill")
                .isLessThan(Duration.ofSeconds(25));
        assertThat(ProcessHandle.of(leftoverPid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aServerOfAnotherDataDirectoryIsNeverTouched(@TempDir Path ours, @TempDir Path theirs) throws Exception {
        runner.withPropertyValues("oiv.data-dir=" + theirs).run(other -> {
            Path theirData = theirs.resolve("postgres");
            long theirPid = LeftoverPostmaster.find(theirData).orElseThrow().pid();
            // A stale pid file in our directory naming their server, as after a reboot reused the number.
            Files.createDirectories(ours.resolve("postgres"));
            Files.write(ours.resolve("postgres/postmaster.pid"),
                    List.of(Long.toString(theirPid), ours.resolve("postgres").toString()));
            assertThat(LeftoverPostmaster.find(ours.resolve("postgres"))).isEmpty();
            LeftoverPostmaster.stopIfRunning(ours.resolve("postgres"));
            assertThat(ProcessHandle.of(theirPid).filter(ProcessHandle::isAlive)).isPresent();
        });
    }

    /** The run that gets killed: the embedded database on a data directory, one committed row, then waiting. */
    static final class KilledRun {
        static final String READY = "READY";

        public static void main(String[] args) throws Exception {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(EmbeddedPostgresConfiguration.class)
                    .web(WebApplicationType.NONE)
                    .run("--oiv.data-dir=" + args[0], "--oiv.embedded-postgres.ephemeral=false");
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            jdbc.sql("create table committed_before_the_kill (note text)").update();
            jdbc.sql("insert into committed_before_the_kill values ('Rapporto 2020')").update();
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
