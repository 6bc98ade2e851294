package it.oivreport.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client with cookies, for what MockMvc cannot show: the error pages that the servlet
 * container renders, through the real filter chain.
 */
public final class WebClientSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

    private final HttpClient client;
    private final String baseUrl;

    public WebClientSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return client.send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST with the CSRF token of the page at {@code tokenFrom}, as a browser would send it. */
    public HttpResponse<String> postForm(String path, String tokenFrom) throws IOException, InterruptedException {
        return post(path, "_csrf=" + encode(csrfToken(get(tokenFrom).body())));
    }

    /** Signs in through the login form, CSRF token included; returns where the login redirected to. */
    public String login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/login", "username=" + encode(username) + "&password="
                + encode(password) + "&_csrf=" + encode(csrfToken(get("/login").body())));
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpRequest.Builder request(String path) {
        // Like a browser: HTML first, so that errors come back as pages rather than JSON.
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html,*/*;q=0.8");
    }

    private static String csrfToken(String page) {
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("page has no CSRF token");
        }
        return csrf.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
