package it.oivreport.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.support.IntegrationTest;
import it.oivreport.support.WebClientSession;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through the real Tomcat: a page travels compressed and is never cached; every static file it links travels
 * compressed (when text), under a name with its content hash, cached for a year.
 */
@IntegrationTest
class StaticFilesTests {

    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:webjars|assets)/[^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void pagesAreCompressedAndNotStoredStaticFilesAreCompressedAndCachedForAYear() throws Exception {
        WebClientSession oiv = new WebClientSession(port);
        oiv.login("oiv", "demo");
        HttpResponse<byte[]> page = oiv.getAsSent("/reports/2/sections/2");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String html = new String(new GZIPInputStream(new ByteArrayInputStream(page.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(page.body().length).as("the section page as sent").isLessThan(html.length() / 3);

        List<String> files = new ArrayList<>();
        Matcher linked = LINKED.matcher(html);
        while (linked.find()) {
            files.add(linked.group(1).replaceAll("#.*", ""));
        }
        assertThat(files).as("the page's CSS, scripts and sprite").hasSizeGreaterThanOrEqualTo(4).allSatisfy(
                path -> assertThat(path).as("named by content hash").matches(".*-[0-9a-f]{32}\\.[a-z]+$"));
        for (String path : files.stream().distinct().toList()) {
            HttpResponse<byte[]> file = oiv.getAsSent(path);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control").orElse("")).as(path).contains("max-age=31536000", "immutable");
            if (path.matches(".*\\.(css|js|svg)$") && file.headers().firstValueAsLong("Content-Length").orElse(2048) > 1024) {
                assertThat(file.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            }
        }
    }
}
