package it.oivreport.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the container forwards errors; asked for directly, there is no error to show, and
 * Boot would answer a 500 page titled "Errore 999". A direct request is answered as any unknown page: 404,
 * with the usual Italian page.
 */
class DirectErrorPathFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<DirectErrorPathFilter> directErrorPathFilter() {
            FilterRegistrationBean<DirectErrorPathFilter> registration = new FilterRegistrationBean<>(
                    new DirectErrorPathFilter());
            registration.addUrlPatterns("/error", "/error/*");
            // Only requests from a browser: the container's own error forwards pass.
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            return registration;
        }
    }
}
