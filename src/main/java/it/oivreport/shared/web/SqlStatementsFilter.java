package it.oivreport.shared.web;

import it.oivreport.shared.db.SqlStatements;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Diagnostics for benchmarks ({@code oiv.diagnostics.sql-statements=true}, off by default): a request that
 * carries the header {@code X-Oiv-Sql-Statements} is answered with the same header saying how many SQL
 * statements it took. Only for those requests is the body held until the end, so that the header can still
 * be set after the page has been rendered; the requests a load test times are served as in production.
 */
public class SqlStatementsFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Oiv-Sql-Statements";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HEADER) == null) {
            chain.doFilter(request, response);
            return;
        }
        SqlStatements.reset();
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            held.setHeader(HEADER, Integer.toString(SqlStatements.count()));
            held.copyBodyToResponse();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("oiv.diagnostics.sql-statements")
    static class Registration {
        @Bean
        FilterRegistrationBean<SqlStatementsFilter> sqlStatementsFilter() {
            FilterRegistrationBean<SqlStatementsFilter> registration = new FilterRegistrationBean<>(new SqlStatementsFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
