package it.oivreport.shared.web;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Removes the request's user from the logging context when the container is done with the request, after
 * it has logged a failure: the thread goes back to the pool without a user of its own.
 */
@Component
class LoggingContextCleaner implements ServletRequestListener {

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        MDC.remove(UsernameLoggingFilter.MDC_KEY);
        MDC.remove(UsernameLoggingFilter.REQUEST_KEY);
    }
}
