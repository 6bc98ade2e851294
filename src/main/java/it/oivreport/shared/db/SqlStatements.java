package it.oivreport.shared.db;

import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts the SQL statements Hibernate prepares on the current thread: a request's count is what the
 * statement guards in the tests compare, and what {@code bench/load.sh} prints per page (through
 * {@link it.oivreport.shared.web.SqlStatementsFilter}). Counting costs an increment per statement.
 */
public final class SqlStatements implements StatementInspector {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public String inspect(String sql) {
        COUNT.get()[0]++;
        return sql;
    }

    /** Statements prepared on this thread since the last {@link #reset()}. */
    public static int count() {
        return COUNT.get()[0];
    }

    public static void reset() {
        COUNT.get()[0] = 0;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        HibernatePropertiesCustomizer sqlStatementCounter() {
            return (Map<String, Object> properties) -> properties.put(AvailableSettings.STATEMENT_INSPECTOR,
                    new SqlStatements());
        }
    }
}
