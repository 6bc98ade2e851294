package it.oivreport.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Some requests are refused by Tomcat before Spring sees them (a malformed address, for instance). Tomcat
 * would answer with its own English page naming the server; this gives it a small Italian page instead,
 * written from the message bundles at start-up, and never a report or server version, with the usual
 * security headers.
 */
@Component
class ContainerErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final MessageSource messages;

    ContainerErrorPage(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Path page = writePage();
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                ErrorReportValve valve = new ErrorReportValve() {
                    @Override
                    protected void report(org.apache.catalina.connector.Request request,
                            org.apache.catalina.connector.Response response, Throwable throwable) {
                        // Refused before any filter ran: the headers every response carries are set here.
                        if (!response.isCommitted()) {
                            SecurityHeaders.apply(response);
                        }
                        super.report(request, response, throwable);
                    }
                };
                valve.setShowReport(false);
                valve.setShowServerInfo(false);
                // errorCode.0 is the page for every status without a page of its own.
                valve.setProperty("errorCode.0", page.toString());
                // The host adds its default valve only when none of this class is present.
                host.getPipeline().addValve(valve);
            }
        });
    }

    private Path writePage() {
        String title = text("error.400.title");
        String html = """
                <!DOCTYPE html>
                <html lang="it"><head><meta charset="utf-8"><title>%s · %s</title>
                <link rel="stylesheet" href="/webjars/bootstrap-italia/dist/css/bootstrap-italia.min.css"></head>
                <body><main class="container my-5"><h1>%s</h1><p class="lead">%s</p>
                <p><a class="btn btn-primary" href="/">%s</a></p></main></body></html>
                """.formatted(title, text("app.name"), title, text("error.400.text"), text("error.home"));
        try {
            Path file = Files.createTempFile("rapporto-oiv-error", ".html");
            file.toFile().deleteOnExit();
            return Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the container's error page", e);
        }
    }

    private String text(String key) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, WebConfiguration.ITALIAN), "UTF-8");
    }
}
