package it.oivreport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportViews.ReportSummary;
import it.oivreport.report.Reports;
import it.oivreport.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application × every kind of user, with the status each must get. Authorization is
 * checked on the server for reads and writes alike; a user who does not work for an administration gets
 * 404 for anything of it. A new endpoint that is not in {@link #ENDPOINTS} fails
 * {@link #everyEndpointIsInTheMatrix()}.
 *
 * <p>Users (demo data): ADMIN {@code admin}; OIV member of A {@code oiv} and staff of A {@code staff}, where
 * A is the Camera di Commercio di Brescia; OIV member of B only {@code oivb}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAuthorizationTests {

    static final String ANONYMOUS = "anonymous";
    static final List<String> USERS = List.of(ANONYMOUS, "admin", "oiv", "staff", "oivb");

    /** One row per endpoint: the request to send and the status for anonymous, admin, oiv, staff, oivb. */
    record Endpoint(String method, String pattern, Function<Context, AbstractMockHttpServletRequestBuilder<?>> request,
            int anonymous, int admin, int oivOfA, int staffOfA, int oivOfB) {

        int expected(String user) {
            return switch (user) {
                case ANONYMOUS -> anonymous;
                case "admin" -> admin;
                case "oiv" -> oivOfA;
                case "staff" -> staffOfA;
                default -> oivOfB;
            };
        }
    }

    /** What the requests need to know: ids in the demo data, and the user making the request. */
    record Context(long reportOfA, long administrationA, String user, long draftOfA, long evidenceOfA) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/", c -> get("/"), 302, 200, 200, 200, 200),
            new Endpoint("GET", "/login", c -> get("/login"), 200, 302, 302, 302, 302),
            new Endpoint("GET", "/account/password", c -> get("/account/password"), 302, 200, 200, 200, 200),
            // A wrong current password: the form comes back with the error, nothing changes.
            new Endpoint("POST", "/account/password", c -> post("/account/password").param("currentPassword", "sbagliata")
                    .param("newPassword", "una frase lunga e nuova").param("confirmPassword", "una frase lunga e nuova"),
                    302, 200, 200, 200, 200),
            new Endpoint("GET", "/admin/users", c -> get("/admin/users"), 302, 200, 403, 403, 403),
            // Administration pages: invalid input or an unknown id, so that nothing changes.
            new Endpoint("POST", "/admin/users", c -> post("/admin/users").param("username", "").param("fullName", "")
                    .param("role", "OIV"), 302, 200, 403, 403, 403),
            new Endpoint("POST", "/admin/users/{userId}/reset-password",
                    c -> post("/admin/users/999999/reset-password").param("username", "nessuno"), 302, 404, 403, 403, 403),
            new Endpoint("POST", "/admin/users/{userId}/enabled",
                    c -> post("/admin/users/999999/enabled").param("enabled", "false"), 302, 404, 403, 403, 403),
            new Endpoint("GET", "/admin/administrations", c -> get("/admin/administrations"), 302, 200, 403, 403, 403),
            new Endpoint("GET", "/admin/administrations/new", c -> get("/admin/administrations/new"),
                    302, 200, 403, 403, 403),
            new Endpoint("POST", "/admin/administrations", c -> post("/admin/administrations").param("name", "")
                    .param("type", "COMUNE").param("composition", "MONOCRATICO"), 302, 200, 403, 403, 403),
            new Endpoint("GET", "/admin/administrations/{id}", c -> get("/admin/administrations/" + c.administrationA()),
                    302, 200, 403, 403, 403),
            new Endpoint("POST", "/admin/administrations/{id}", c -> post("/admin/administrations/" + c.administrationA())
                    .param("name", "").param("type", "COMUNE").param("composition", "COLLEGIALE").param("version", "0"),
                    302, 200, 403, 403, 403),
            new Endpoint("POST", "/admin/administrations/{id}/active",
                    c -> post("/admin/administrations/999999/active").param("active", "false"), 302, 404, 403, 403, 403),
            new Endpoint("POST", "/admin/administrations/{id}/members",
                    c -> post("/admin/administrations/999999/members").param("userId", "1").param("role", "OIV"),
                    302, 404, 403, 403, 403),
            new Endpoint("POST", "/admin/administrations/{id}/members/{userId}/remove",
                    c -> post("/admin/administrations/999999/members/1/remove"), 302, 404, 403, 403, 403),
            new Endpoint("GET", "/reports", c -> get("/reports"), 302, 200, 200, 200, 200),
            // A real creation for those allowed, each in a year of their own.
            new Endpoint("POST", "/reports", c -> post("/reports").param("administrationId", "" + c.administrationA())
                    .param("year", "" + (2090 + USERS.indexOf(c.user()))), 302, 302, 302, 403, 403),
            new Endpoint("GET", "/reports/{reportId}", c -> get("/reports/" + c.reportOfA()), 302, 200, 200, 200, 404),
            new Endpoint("GET", "/reports/{reportId}/sections/{number}",
                    c -> get("/reports/" + c.reportOfA() + "/sections/1"), 302, 200, 200, 200, 404),
            // The demo report of A is approved: read-only for everybody.
            new Endpoint("POST", "/reports/{reportId}/sections/{number}",
                    c -> post("/reports/" + c.reportOfA() + "/sections/1").param("version", "-1"),
                    302, 403, 403, 403, 404),
            // Workflow buttons: whoever may see the report gets the page back with the outcome (here a refusal,
            // since the report is approved and no reason is given); nobody else learns it exists.
            new Endpoint("POST", "/reports/{reportId}/workflow/submit",
                    c -> post("/reports/" + c.reportOfA() + "/workflow/submit").param("version", "0"),
                    302, 302, 302, 302, 404),
            new Endpoint("POST", "/reports/{reportId}/workflow/approve",
                    c -> post("/reports/" + c.reportOfA() + "/workflow/approve").param("version", "0"),
                    302, 302, 302, 302, 404),
            new Endpoint("POST", "/reports/{reportId}/workflow/request-changes",
                    c -> post("/reports/" + c.reportOfA() + "/workflow/request-changes").param("version", "0"),
                    302, 302, 302, 302, 404),
            new Endpoint("POST", "/reports/{reportId}/workflow/reopen",
                    c -> post("/reports/" + c.reportOfA() + "/workflow/reopen").param("version", "0"),
                    302, 302, 302, 302, 404),
            // Comments on an approved report are refused with a message; an unknown comment is not found.
            new Endpoint("POST", "/reports/{reportId}/sections/{number}/comments",
                    c -> post("/reports/" + c.reportOfA() + "/sections/1/comments").param("questionCode", "1.1")
                            .param("body", "Osservazione"), 302, 302, 302, 302, 404),
            new Endpoint("POST", "/reports/{reportId}/comments/{commentId}/resolve",
                    c -> post("/reports/" + c.reportOfA() + "/comments/999999/resolve"), 302, 404, 404, 404, 404),
            new Endpoint("GET", "/reports/{reportId}/comparison", c -> get("/reports/" + c.reportOfA() + "/comparison"),
                    302, 200, 200, 200, 404),
            // Import of an earlier report: the form for everybody signed in; an upload for a year that has a
            // report is refused back on the form for those who may create reports there.
            new Endpoint("GET", "/imports/new", c -> get("/imports/new"), 302, 200, 200, 200, 200),
            new Endpoint("POST", "/imports", c -> post("/imports").param("administrationId", "" + c.administrationA())
                    .param("year", "2020"), 302, 302, 302, 403, 403),
            new Endpoint("GET", "/imports/{id}", c -> get("/imports/999999"), 302, 404, 404, 404, 404),
            new Endpoint("POST", "/imports/{id}", c -> post("/imports/999999"), 302, 404, 404, 404, 404),
            new Endpoint("POST", "/imports/{id}/cancel", c -> post("/imports/999999/cancel"), 302, 404, 404, 404, 404),
            // The demo report was not imported: it cannot be deleted (a refusal on its page) and has no source.
            new Endpoint("POST", "/reports/{reportId}/imported/delete",
                    c -> post("/reports/" + c.reportOfA() + "/imported/delete"), 302, 302, 302, 403, 404),
            // The demo report was not imported: it has no source document.
            new Endpoint("GET", "/reports/{reportId}/source", c -> get("/reports/" + c.reportOfA() + "/source"),
                    302, 404, 404, 404, 404),
            new Endpoint("GET", "/reports/{reportId}/export.json",
                    c -> get("/reports/" + c.reportOfA() + "/export.json"), 302, 200, 200, 200, 404),
            // Sealing is for administrators; the matrix's report must stay APPROVATO, so a stale version.
            new Endpoint("POST", "/reports/{reportId}/seal",
                    c -> post("/reports/" + c.reportOfA() + "/seal").param("version", "-1"), 302, 302, 302, 302, 404),
            new Endpoint("GET", "/reports/{reportId}/to-sign.pdf",
                    c -> get("/reports/" + c.reportOfA() + "/to-sign.pdf"), 302, 200, 302, 302, 404),
            new Endpoint("POST", "/reports/{reportId}/signed",
                    c -> post("/reports/" + c.reportOfA() + "/signed").param("version", "-1"), 302, 302, 302, 302, 404),
            // Only a signed report can be corrected: the matrix's approved report is refused (403) for its readers.
            new Endpoint("POST", "/reports/{reportId}/rettifica",
                    c -> post("/reports/" + c.reportOfA() + "/rettifica"), 302, 403, 403, 403, 404),
            new Endpoint("GET", "/reports/{reportId}/signed.pdf",
                    c -> get("/reports/" + c.reportOfA() + "/signed.pdf"), 302, 404, 404, 404, 404),
            new Endpoint("GET", "/reports/{reportId}/export.pdf",
                    c -> get("/reports/" + c.reportOfA() + "/export.pdf"), 302, 200, 200, 200, 404),
            // Evidence: read by whoever reads the report; attached only to editable reports by its members.
            new Endpoint("GET", "/reports/{reportId}/evidence", c -> get("/reports/" + c.draftOfA() + "/evidence"),
                    302, 200, 200, 200, 404),
            new Endpoint("GET", "/reports/{reportId}/sections/{number}/evidence",
                    c -> get("/reports/" + c.draftOfA() + "/sections/2/evidence").param("questionCode", "2.3"),
                    302, 200, 200, 200, 404),
            new Endpoint("POST", "/reports/{reportId}/sections/{number}/evidence",
                    c -> multipart("/reports/" + c.reportOfA() + "/sections/2/evidence").param("questionCode", "2.3"),
                    302, 403, 403, 403, 404),
            new Endpoint("POST", "/reports/{reportId}/evidence/uploads",
                    c -> post("/reports/" + c.reportOfA() + "/evidence/uploads").param("name", "a.txt")
                            .contentType("application/octet-stream").content("testo"), 302, 403, 403, 403, 404),
            new Endpoint("GET", "/reports/{reportId}/evidence/{evidenceId}",
                    c -> get("/reports/" + c.draftOfA() + "/evidence/" + c.evidenceOfA()), 302, 200, 200, 200, 404),
            new Endpoint("GET", "/reports/{reportId}/evidence/{evidenceId}/preview",
                    c -> get("/reports/" + c.draftOfA() + "/evidence/" + c.evidenceOfA() + "/preview"),
                    302, 200, 200, 200, 404),
            // Another report's evidence through this report's address is not found, for everybody.
            new Endpoint("GET", "/reports/{reportId}/evidence/{evidenceId}",
                    c -> get("/reports/" + c.reportOfA() + "/evidence/" + c.evidenceOfA()), 302, 404, 404, 404, 404),
            new Endpoint("POST", "/reports/{reportId}/evidence/{evidenceId}/remove",
                    c -> post("/reports/" + c.reportOfA() + "/evidence/" + c.evidenceOfA() + "/remove"),
                    302, 404, 404, 404, 404),
            new Endpoint("POST", "/reports/{reportId}/evidence/{evidenceId}/restore",
                    c -> post("/reports/" + c.reportOfA() + "/evidence/" + c.evidenceOfA() + "/restore"),
                    302, 404, 404, 404, 404),
            // Open to anyone: whether a PDF is a copy of record, nothing more.
            new Endpoint("GET", "/verifica", c -> get("/verifica"), 200, 200, 200, 200, 200),
            new Endpoint("POST", "/verifica", c -> post("/verifica"), 400, 400, 400, 400, 400),
            // Issue 18: a report's Attività and a question's Cronologia for whoever reads the report; the audit
            // log for administrators.
            new Endpoint("GET", "/reports/{reportId}/activity", c -> get("/reports/" + c.reportOfA() + "/activity"),
                    302, 200, 200, 200, 404),
            new Endpoint("GET", "/reports/{reportId}/sections/{number}/questions/{code}/history",
                    c -> get("/reports/" + c.reportOfA() + "/sections/1/questions/1.1/history"), 302, 200, 200, 200, 404),
            new Endpoint("GET", "/admin/audit", c -> get("/admin/audit"), 302, 200, 403, 403, 403),
            new Endpoint("GET", "/admin/audit.csv", c -> get("/admin/audit.csv"), 302, 200, 403, 403, 403),
            new Endpoint("GET", "/admin/evidence", c -> get("/admin/evidence"), 302, 200, 403, 403, 403),
            new Endpoint("POST", "/admin/evidence/integrity", c -> post("/admin/evidence/integrity"),
                    302, 200, 403, 403, 403));

    @Autowired
    MockMvc mvc;

    @Autowired
    Reports reports;

    @Autowired
    UserDetailsService users;

    @Autowired
    it.oivreport.report.ReportAccess reportAccess;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Map<String, AccountPrincipal> principals = new LinkedHashMap<>();
    long reportOfA;
    long administrationA;
    long draftOfA;
    long evidenceOfA;

    @Autowired
    it.oivreport.evidence.Evidences evidences;

    @BeforeAll
    void demoData() {
        USERS.stream().filter(u -> !u.equals(ANONYMOUS))
                .forEach(u -> principals.put(u, (AccountPrincipal) users.loadUserByUsername(u)));
        ReportSummary brescia2020 = reports.ofOwnAdministrations(principals.get("oiv")).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia") && r.year() == 2020)
                .findFirst().orElseThrow();
        reportOfA = brescia2020.id();
        administrationA = brescia2020.administrationId();
        draftOfA = reports.ofOwnAdministrations(principals.get("oiv")).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia") && r.year() == 2021)
                .findFirst().orElseThrow().id();
        evidenceOfA = evidences.ofSection(reportAccess.of(draftOfA, principals.get("admin")), 1).get("").get(0).id();
    }

    Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String user : USERS) {
                cases.add(Arguments.of(endpoint.method() + " " + endpoint.pattern(), user, endpoint));
            }
        }
        return cases.stream();
    }

    @org.junit.jupiter.api.AfterAll
    void refusedWorkflowStepsChangedNothing() {
        assertThat(reports.overview(reportAccess.of(reportOfA, principals.get("admin"))).status())
                .isEqualTo(it.oivreport.report.ReportStatus.APPROVATO);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void eachUserGetsTheExpectedStatus(String name, String user, Endpoint endpoint) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = endpoint.request().apply(new Context(reportOfA, administrationA, user, draftOfA, evidenceOfA))
                .with(csrf());
        if (!user.equals(ANONYMOUS)) {
            request = request.with(user(principals.get(user)));
        }
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        assertThat(status).as(name + " as " + user).isEqualTo(endpoint.expected(user));
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> listed = new TreeSet<>();
        ENDPOINTS.forEach(e -> listed.add(e.method() + " " + e.pattern()));
        Set<String> existing = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            String type = handler.getBeanType().getName();
            // Boot's /error and this suite's own failing endpoint are not endpoints of the application.
            if (type.startsWith("it.oivreport.") && !type.startsWith("it.oivreport.support.")) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("ANY");
                }
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(m -> existing.add(m + " " + pattern));
                }
            }
        });
        assertThat(listed).as("endpoints in the matrix").containsExactlyInAnyOrderElementsOf(existing);
    }

    private static MockHttpServletRequestBuilder get(String path) {
        return request(HttpMethod.GET, path);
    }

    /** An upload of a small PDF, as the attach form sends it. */
    private static AbstractMockHttpServletRequestBuilder<?> multipart(String path) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(path)
                .file(new org.springframework.mock.web.MockMultipartFile("files", "a.pdf", "application/pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private static MockHttpServletRequestBuilder post(String path) {
        return request(HttpMethod.POST, path);
    }
}
