package it.oivreport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.Reports;
import it.oivreport.security.EndpointAuthorizationTests.Context;
import it.oivreport.security.EndpointAuthorizationTests.Endpoint;
import it.oivreport.support.IntegrationTest;
import it.oivreport.support.WebClientSession;
import jakarta.servlet.ServletContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every POST endpoint of the endpoint matrix, sent malformed by a user who may use it: path ids that are not
 * numbers, negative or too large; every parameter emptied of meaning (NUL, not a number, 20,000 characters,
 * sent twice); form indices out of range and not numbers; and, through the real server, bytes that are not
 * UTF-8. No answer may be a 5xx, and nothing stored may change.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTests {

    /** The tables users write to (not the sign-in counters, which count failed attempts on purpose). */
    static final List<String> TABLES = List.of("app_user", "administration", "membership", "report", "report_section",
            "report_answer", "report_transition", "report_approval", "report_comment", "evidence",
            "report_signed_copy", "report_signature", "report_sign_export");

    static final Pattern NUMBER_SEGMENT = Pattern.compile("/(\\d+)(?=/|$)");

    @Autowired
    MockMvc mvc;

    @Autowired
    ServletContext servletContext;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Reports reports;

    @Autowired
    it.oivreport.report.ReportAccess access;

    @Autowired
    it.oivreport.evidence.Evidences evidences;

    @LocalServerPort
    int port;

    Context context;
    Map<String, AccountPrincipal> principals = new LinkedHashMap<>();

    @BeforeAll
    void demoData() {
        for (String name : List.of("admin", "oiv", "staff", "oivb")) {
            principals.put(name, (AccountPrincipal) users.loadUserByUsername(name));
        }
        // The demo's Brescia: other tests add administrations and reports of their own for the same users.
        var own = reports.ofOwnAdministrations(principals.get("oiv")).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia")).toList();
        var approved = own.stream().filter(r -> r.year() == 2020).findFirst().orElseThrow();
        long draft = own.stream().filter(r -> r.year() == 2021).findFirst().orElseThrow().id();
        long evidence = evidences.ofSection(access.of(draft, principals.get("admin")), 1).get("").get(0).id();
        context = new Context(approved.id(), approved.administrationId(), "admin", draft, evidence);
    }

    @Test
    void noMalformedPostReachesA5xxOrChangesAnything() throws Exception {
        String before = fingerprint();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : EndpointAuthorizationTests.ENDPOINTS) {
            if (!endpoint.method().equals("POST") || endpoint.pattern().equals("/reports")) {
                // The matrix's POST /reports is a real creation: extra fields would not stop it.
                continue;
            }
            String user = userWhoMayUse(endpoint);
            MockHttpServletRequest original = endpoint.request().apply(new Context(context.reportOfA(),
                    context.administrationA(), user == null ? "anonymous" : user, context.draftOfA(),
                    context.evidenceOfA())).buildRequest(servletContext);
            for (Variant variant : variants(original)) {
                AbstractMockHttpServletRequestBuilder<?> request = variant.builder().get().with(csrf());
                if (user != null) {
                    request = request.with(user(principals.get(user)));
                }
                int status;
                try {
                    status = mvc.perform(request).andReturn().getResponse().getStatus();
                } catch (Exception unhandled) {
                    // MockMvc rethrows what no handler answered: on a server, a 500.
                    status = 500;
                    failures.add(endpoint.pattern() + " " + variant.name() + ": " + unhandled.getMessage().lines()
                            .findFirst().orElse(""));
                    continue;
                }
                sent++;
                if (status >= 500) {
                    failures.add(endpoint.pattern() + " " + variant.name() + " as " + user + ": " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(sent).isGreaterThan(250);
        assertThat(fingerprint()).as("stored data after %d malformed requests", sent).isEqualTo(before);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedThroughTheRealServer() throws Exception {
        WebClientSession admin = new WebClientSession(port);
        admin.login("admin", "demo");
        String before = fingerprint();
        String token = URLEncoder.encode(admin.token("/"), StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : EndpointAuthorizationTests.ENDPOINTS) {
            if (!endpoint.method().equals("POST") || endpoint.pattern().equals("/login")) {
                continue;
            }
            String uri = endpoint.request().apply(context).buildRequest(servletContext).getRequestURI();
            for (String body : List.of("version=%FF%FE&body=%C3%28", "a%ZZ=1&version=1", "questionCode=%00%ED%A0%80")) {
                int status = admin.post(uri, "_csrf=" + token + "&" + body).statusCode();
                if (status >= 500) {
                    failures.add(uri + " " + body + ": " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** The first of admin, oiv, staff whom the matrix lets past authorization; null when only anonymous is. */
    private static String userWhoMayUse(Endpoint endpoint) {
        for (String user : List.of("admin", "oiv", "staff")) {
            if (endpoint.expected(user) < 400) {
                return user;
            }
        }
        return endpoint.expected("admin") == 404 || endpoint.expected("admin") == 403 ? "admin" : null;
    }

    record Variant(String name, java.util.function.Supplier<AbstractMockHttpServletRequestBuilder<?>> builder) {
    }

    private static List<Variant> variants(MockHttpServletRequest original) {
        List<Variant> variants = new ArrayList<>();
        String uri = original.getRequestURI();
        Map<String, String[]> parameters = new LinkedHashMap<>(original.getParameterMap());
        parameters.remove("_csrf");
        Matcher number = NUMBER_SEGMENT.matcher(uri);
        while (number.find()) {
            for (String bad : List.of("abc", "-1", "99999999999999999999", "1.5", "%20")) {
                String changed = uri.substring(0, number.start(1)) + bad + uri.substring(number.end(1));
                variants.add(variant(original, "path " + number.group(1) + "→" + bad, changed, parameters));
            }
        }
        for (String name : parameters.keySet()) {
            Map<String, UnaryOperator<String[]>> bad = new LinkedHashMap<>(Map.of(
                    "NUL", v -> new String[] {"\u0000"},
                    "NUL inside", v -> new String[] {v.length == 0 ? "\u0000" : v[0] + "\u0000"},
                    "20,000 characters", v -> new String[] {"x".repeat(20_000)},
                    "sent twice", v -> new String[] {v.length == 0 ? "1" : v[0], v.length == 0 ? "2" : v[0]}));
            String[] values = parameters.get(name);
            if (values.length == 1 && values[0].matches("-?\\d+")) {
                // A number: anything else is malformed (a text would be a valid text).
                bad.put("not a number", v -> new String[] {"abc"});
                bad.put("huge number", v -> new String[] {"99999999999999999999"});
                bad.put("decimal", v -> new String[] {"1.5"});
                bad.put("empty", v -> new String[] {""});
            }
            bad.forEach((kind, change) -> {
                Map<String, String[]> changed = new LinkedHashMap<>(parameters);
                changed.put(name, change.apply(values));
                variants.add(variant(original, name + " " + kind, uri, changed));
            });
        }
        for (String extra : List.of("answers[x].motivation", "answers[99999].questionId", "answers[0].entries[100000]",
                "answers[-1].choice", "answers[].examples", "version", "id", "userId", "reportId")) {
            Map<String, String[]> changed = new LinkedHashMap<>(parameters);
            changed.merge(extra, new String[] {"abc"}, (a, b) -> new String[] {a.length == 0 ? "" : a[0], "abc"});
            variants.add(variant(original, "extra " + extra, uri, changed));
        }
        return variants;
    }

    private static Variant variant(MockHttpServletRequest original, String name, String uri,
            Map<String, String[]> parameters) {
        return new Variant(name, () -> {
            AbstractMockHttpServletRequestBuilder<?> builder = original instanceof MockMultipartHttpServletRequest
                    ? MockMvcRequestBuilders.multipart(uri) : MockMvcRequestBuilders.post(uri);
            parameters.forEach(builder::param);
            if (original.getContentType() != null && !(original instanceof MockMultipartHttpServletRequest)
                    && !original.getContentType().startsWith("application/x-www-form-urlencoded")) {
                builder.contentType(original.getContentType());
                if (original.getContentAsByteArray() != null) {
                    builder.content(original.getContentAsByteArray());
                }
            }
            return builder;
        });
    }

    /** One digest of every row of every table users write to. */
    private String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(table).append('=').append(jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ''"
                    + " order by md5(t::text))), '') from " + table + " t").query(String.class).single()).append('\n');
        }
        return all.toString();
    }
}
