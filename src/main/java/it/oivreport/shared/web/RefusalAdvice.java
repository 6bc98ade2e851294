package it.oivreport.shared.web;

import it.oivreport.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one place where refusals become answers. A form whose handler says where to go back
 * ({@link OnRefusal}) returns there with the message and what the user typed (Post/Redirect/Get), unless the
 * refusal is a 403, which keeps its status; a client that asked for JSON gets {@code {"message": …}};
 * anything else gets the error page with the refusal's status and its own Italian message. A refusal is expected: it is logged at INFO, without a stack trace.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    private static final Logger log = LoggerFactory.getLogger(RefusalAdvice.class);

    private final MessageSource messages;

    RefusalAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    Object refused(Refusal refusal, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response,
            Locale locale) {
        log.info("Refused {} {}: {} ({})", request.getMethod(), request.getRequestURI(), refusal.messageKey(),
                refusal.status().value());
        String message = messages.getMessage(refusal.messageKey(), refusal.arguments(), locale);
        if (wantsJson(handler, request)) {
            return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON)
                    .body(new RefusalJson(message));
        }
        OnRefusal back = handler.getMethodAnnotation(OnRefusal.class);
        // Not allowed at all (403) is not something to correct on the form: it keeps its status and its page.
        if (back != null && refusal.status() != HttpStatus.FORBIDDEN) {
            return redirectBack(back, refusal, request, response);
        }
        return page(refusal.status(), message);
    }

    /**
     * Someone else saved the same row between this request's read and its commit. Pages that can show both
     * versions check the version first; this is the rare race at commit, and nothing was overwritten.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView savedMeanwhile(OptimisticLockingFailureException stale, HttpServletRequest request, Locale locale) {
        log.info("Refused {} {}: saved by someone else meanwhile ({})", request.getMethod(), request.getRequestURI(),
                stale.getMessage());
        return page(HttpStatus.CONFLICT, messages.getMessage("error.409.text", null, locale));
    }

    /** The error page, for a refusal with nowhere to go back to, with the refusal's own message. */
    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("errorKind", ErrorPageAttributes.kindOf(status.value()));
        page.addObject("refusalMessage", message);
        return page;
    }

    private static ModelAndView redirectBack(OnRefusal back, Refusal refusal, HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, String> variables = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> variables.put(name, values.length == 0 ? "" : values[0]));
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path) {
            path.forEach((name, value) -> variables.put(String.valueOf(name), String.valueOf(value)));
        }
        String location = request.getContextPath() + UriComponentsBuilder.fromUriString(back.redirect())
                .build(new DefaultingMap(variables)).toString();
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : back.keep()) {
            kept.put(name, variables.getOrDefault(name, ""));
        }
        String target = back.target().isEmpty() ? null : variables.getOrDefault(back.target(), "");
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(RefusalNotice.ATTRIBUTE, new RefusalNotice(back.panel(), target, refusal.status().value(),
                refusal.messageKey(), refusal.arguments(), kept));
        RequestContextUtils.saveOutputFlashMap(location, request, response);
        return new ModelAndView("redirect:" + location);
    }

    private static boolean wantsJson(HandlerMethod handler, HttpServletRequest request) {
        // Merged: @PostMapping(produces = …) counts as @RequestMapping(produces = …).
        RequestMapping mapping = handler.getMethodAnnotation(RequestMapping.class);
        if (mapping != null && List.of(mapping.produces()).contains(MediaType.APPLICATION_JSON_VALUE)) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.startsWith(MediaType.APPLICATION_JSON_VALUE);
    }

    record RefusalJson(String message) {
    }

    /** Template variables that are not in the request expand to "". */
    private static final class DefaultingMap extends AbstractMap<String, String> {
        private final Map<String, String> values;

        DefaultingMap(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public String get(Object key) {
            return values.getOrDefault(key, "");
        }

        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return values.entrySet();
        }
    }
}
