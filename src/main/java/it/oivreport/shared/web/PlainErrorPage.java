package it.oivreport.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A small Italian error page written straight to the response, for refusals made in a filter before the
 * request is read: a forward to the usual error page would go through the security filters, which read the
 * body (the CSRF token), the very thing that must not happen. Texts come from the bundles. Filters make their
 * own (web slice tests load every filter, but not every component).
 */
public class PlainErrorPage {

    private final MessageSource messages;
    private final LocaleResolver locales;

    public PlainErrorPage(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /** The message of {@code messageKey} under the title of the status, then {@code noteKey}, then a link back. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
            Object[] arguments, String noteKey, String backPath, String backKey) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String title = text("error." + ErrorPageAttributes.kindOf(status) + ".title", locale);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        SecurityHeaders.apply(response);
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>%s · %s</title>
                <link rel="stylesheet" href="%s/webjars/bootstrap-italia/dist/css/bootstrap-italia.min.css"></head>
                <body><main class="container my-5"><h1>%s</h1>
                <div class="alert alert-danger" role="alert"><p>%s</p><p class="mb-0">%s</p></div>
                <p><a class="btn btn-primary" href="%s">%s</a></p></main></body></html>
                """.formatted(locale.getLanguage(), title, text("app.name", locale), request.getContextPath(), title,
                text(messageKey, locale, arguments), noteKey == null ? "" : text(noteKey, locale),
                HtmlUtils.htmlEscape(request.getContextPath() + backPath), text(backKey, locale)));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, locale), "UTF-8");
    }
}
