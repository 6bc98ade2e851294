package it.oivreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.oivreport.RapportoOivApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production wiring: with {@code SPRING_DATASOURCE_URL} the application uses that server, migrates it,
 * creates the first administrator there and never starts a PostgreSQL of its own. The "external" server is
 * a separate PostgreSQL process started by the test.
 */
class ExternalDatabaseTests {

    @Test
    void usesTheConfiguredServerAndReportsItHealthy() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            external.getPostgresDatabase().getConnection().createStatement().execute("create database oiv");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RapportoOivApplication.class)
                    .run("--spring.datasource.url=" + external.getJdbcUrl("postgres", "oiv"),
                            "--spring.datasource.username=postgres",
                            "--server.port=0",
                            "--oiv.admin.username=direzione",
                            "--oiv.admin.password=una password lunga e sicura")) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();

                String port = app.getEnvironment().getProperty("local.server.port");
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"status\":\"UP\"");
            }
            JdbcClient database = JdbcClient.create(external.getDatabase("postgres", "oiv"));
            assertThat(database.sql("select username from app_user").query(String.class).list())
                    .containsExactly("direzione");
        }
    }
}
