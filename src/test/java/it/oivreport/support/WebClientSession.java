package it.oivreport.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.util.Map;
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

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final String baseUrl;

    public WebClientSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as a browser sends it, accepting gzip; the body as it travelled (compressed or not). */
    public HttpResponse<byte[]> getAsSent(String path) throws IOException, InterruptedException {
        return client.send(request(path).header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
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

    /**
     * A multipart upload as the attach form sends it: the CSRF token of the page at {@code tokenFrom} and the
     * fields, then one file part per entry of {@code files} (name to content).
     */
    public HttpResponse<String> upload(String path, String tokenFrom, Map<String, String> fields,
            Map<String, byte[]> files) throws IOException, InterruptedException {
        return upload(path, tokenFrom, fields, "files", files);
    }

    /** A multipart form with its files in the part {@code part}, as a browser sends it. */
    public HttpResponse<String> upload(String path, String tokenFrom, Map<String, String> fields, String part,
            Map<String, byte[]> files) throws IOException, InterruptedException {
        String boundary = "----oiv" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrfToken(get(tokenFrom).body()) + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * What the attach form's script sends for each file: the file as the request body, with the CSRF token
     * of the page at {@code tokenFrom} in the header the page's meta tags name; JSON comes back.
     */
    public HttpResponse<String> sendFile(String path, String tokenFrom, byte[] content)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                .header("Content-Type", "application/octet-stream")
                .header("X-CSRF-TOKEN", csrfToken(get(tokenFrom).body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET whose body is kept as bytes (a download). */
    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The session's cookies as a Cookie header, for requests this client cannot make (a cut-off upload). */
    /** The page a redirect leads to, as the browser would show it next (the flash message is on it). */
    public HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("not a redirect: " + redirect.statusCode()));
        return get(java.net.URI.create(location).getRawPath()
                + (java.net.URI.create(location).getRawQuery() == null ? "" : "?" + java.net.URI.create(location).getRawQuery()));
    }

    public String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().getCookies().stream().map(Object::toString).toList());
    }

    /** The CSRF token of the page at {@code path}. */
    public String token(String path) throws IOException, InterruptedException {
        return csrfToken(get(path).body());
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
