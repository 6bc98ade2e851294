package it.oivreport.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.FailingEndpoint;
import it.oivreport.support.IntegrationTest;
import it.oivreport.support.WebClientSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Error pages as the servlet container renders them: Italian, inside the layout, and without internals. */
@IntegrationTest
class ErrorPagesTests {

    @LocalServerPort
    int port;

    WebClientSession oiv;

    @BeforeEach
    void signIn() throws Exception {
        oiv = new WebClientSession(port);
        assertThat(oiv.login("oiv", "demo")).endsWith("/");
    }

    @Test
    void notFound() throws Exception {
        HttpResponse<String> response = oiv.get("/nessuna-pagina");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<title>Pagina non trovata · Rapporto OIV</title>",
                "Salta al contenuto", "Marco Bianchi", "Torna al cruscotto");
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFound() throws Exception {
        HttpResponse<String> response = oiv.get("/error");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<title>Pagina non trovata · Rapporto OIV</title>").doesNotContain("999");
    }

    @Test
    void forbidden() throws Exception {
        HttpResponse<String> response = oiv.get("/admin/users");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Accesso non consentito");
    }

    @Test
    void badRequest() throws Exception {
        // Spring Security's firewall refuses a path with an encoded slash.
        HttpResponse<String> response = oiv.get("/admin;x=1/users");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Richiesta non valida", "Salta al contenuto");
    }

    @Test
    void badRequestRefusedByTheServletContainerItself() throws Exception {
        // Tomcat refuses an encoded path traversal before Spring sees it.
        HttpResponse<String> response = oiv.get("/%2e%2e/login");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Richiesta non valida", "lang=\"it\"")
                .doesNotContain("Tomcat", "Bad Request");
    }

    @Test
    void methodNotAllowed() throws Exception {
        HttpResponse<String> response = oiv.postForm("/", "/");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("Operazione non consentita");
    }

    @Test
    void serverErrorShowsNoStackTraceAndNoExceptionMessage() throws Exception {
        HttpResponse<String> response = oiv.get(FailingEndpoint.PATH);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("Si è verificato un errore", "I dati già salvati non sono andati persi")
                .doesNotContain(FailingEndpoint.SECRET_DETAIL, "IllegalStateException", "at it.oivreport");
    }

    @Test
    void unknownStatusesGetTheGenericTexts() {
        assertThat(ErrorPageAttributes.kindOf(418)).isEqualTo(400);
        assertThat(ErrorPageAttributes.kindOf(503)).isEqualTo(500);
        assertThat(ErrorPageAttributes.kindOf(413)).isEqualTo(413);
        assertThat(ErrorPageAttributes.kindOf(null)).isEqualTo(500);
    }
}
