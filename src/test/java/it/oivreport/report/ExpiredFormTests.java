package it.oivreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.support.DraftReports;
import it.oivreport.support.IntegrationTest;
import it.oivreport.support.WebClientSession;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A form sent from a page whose session had expired, or from before the user's last login, through the
 * real container and security chain: what was typed in a section comes back, unsaved; nothing is saved
 * without a valid token; other forms say what happened instead of blaming the user's role.
 */
@IntegrationTest
class ExpiredFormTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserDetailsService users;

    AccountPrincipal oiv;
    long reportId;
    String section;

    @BeforeEach
    void freshReport() {
        oiv = (AccountPrincipal) users.loadUserByUsername("oiv");
        reportId = DraftReports.create(context, "Comune delle Sessioni");
        section = "/reports/" + reportId + "/sections/2";
    }

    private String storedAnnotations() {
        return reports.section(access.of(reportId, oiv), 2).stored().content().annotations();
    }

    private static String group(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }

    private String form(String token, String page, String annotations) {
        return "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&version=" + group(VERSION, page)
                + "&annotations=" + URLEncoder.encode(annotations, StandardCharsets.UTF_8);
    }

    @Test
    void aSectionSentAfterTheSessionExpiredComesBackAfterLoginUnsaved() throws Exception {
        WebClientSession before = new WebClientSession(port);
        before.login("oiv", "demo");
        String page = before.get(section).body();
        String written = "Annotazione scritta nel corso di oltre un ora sul sistema di misurazione rivisto " + UUID.randomUUID();

        // The session ends on the server (as when it expires); the browser still sends its cookie.
        WebClientSession expired = before;
        expired.postForm("/logout", section);
        HttpResponse<String> sent = expired.post(section, form(group(CSRF, page), page, written));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired=form"));
        assertThat(expired.get("/login?expired=form").body())
                .contains("La sessione era scaduta prima che la sezione fosse salvata");
        assertThat(storedAnnotations()).isNull();
        // A request that never had a session (not a browser whose session expired) gets nothing kept.
        HttpResponse<String> stranger = new WebClientSession(port).post(section, form(group(CSRF, page), page, written));
        assertThat(stranger.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));

        assertThat(expired.login("oiv", "demo")).endsWith(section);
        HttpResponse<String> back = expired.get(section);
        assertThat(back.statusCode()).as(back.headers().map().toString()).isEqualTo(200);
        String recovered = back.body();
        assertThat(recovered).contains("La sessione era scaduta e queste modifiche non erano state salvate")
                .contains(written);
        assertThat(storedAnnotations()).as("shown again, not saved").isNull();
        assertThat(expired.get(section).body()).as("shown once").doesNotContain(written)
                .doesNotContain("queste modifiche non erano state salvate");

        // Saved from the recovered page like any other form.
        HttpResponse<String> saved = expired.post(section, form(group(CSRF, recovered), recovered, written));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(storedAnnotations()).isEqualTo(written);
    }

    @Test
    void aSectionSentFromAPageOlderThanTheLastLoginComesBackOnItsPage() throws Exception {
        WebClientSession member = new WebClientSession(port);
        member.login("oiv", "demo");
        String old = member.get(section).body();
        member.postForm("/logout", section); // signed out and in again in another tab: a new session and token
        member.login("oiv", "demo");

        HttpResponse<String> sent = member.post(section, form(group(CSRF, old), old, "Testo della scheda vecchia"));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(section));
        assertThat(member.get(section).body()).contains("Testo della scheda vecchia")
                .contains("queste modifiche non erano state salvate");
        assertThat(storedAnnotations()).isNull();
    }

    @Test
    void otherStaleFormsSayWhatHappenedAndChangeNothing() throws Exception {
        WebClientSession member = new WebClientSession(port);
        member.login("oiv", "demo");
        String old = member.get(section).body();
        String staleToken = URLEncoder.encode(group(CSRF, old), StandardCharsets.UTF_8);
        member.postForm("/logout", section);
        member.login("oiv", "demo");

        // Signed in: a page that says the form had expired, not that the role forbids it.
        HttpResponse<String> comment = member.post(section + "/comments",
                "_csrf=" + staleToken + "&questionCode=2.1&body=Osservazione");
        assertThat(comment.statusCode()).isEqualTo(403);
        assertThat(comment.body()).contains("Pagina scaduta").contains("l’operazione non è stata eseguita")
                .doesNotContain("Il tuo ruolo");
        // Not signed in: to the login page, which says why.
        HttpResponse<String> anonymous = new WebClientSession(port).post(section + "/comments",
                "_csrf=" + staleToken + "&questionCode=2.1&body=Osservazione");
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        assertThat(new WebClientSession(port).get("/login?expired").body())
                .contains("La sessione era scaduta: l’operazione non è stata eseguita.");
        // The upload script gets its message as JSON.
        HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/reports/" + reportId + "/evidence/uploads?name=a.txt")).header("Accept", "application/json")
                .header("X-CSRF-TOKEN", group(CSRF, old)).header("Cookie", member.cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofString("testo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(upload.body()).isEqualTo("{\"message\":\"La pagina è scaduta (la sessione è terminata o hai eseguito"
                + " un nuovo accesso): ricaricala e riprova.\"}");
        HttpResponse<String> english = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/reports/" + reportId + "/evidence/uploads?name=a.txt")).header("Accept", "application/json")
                .header("X-CSRF-TOKEN", group(CSRF, old)).header("Cookie", member.cookieHeader() + "; oiv-lang=en")
                .POST(HttpRequest.BodyPublishers.ofString("testo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).as("in the language the user chose").startsWith("{\"message\":\"The page has expired");
        assertThat(storedAnnotations()).isNull();
    }
}
