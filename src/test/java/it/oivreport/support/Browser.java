package it.oivreport.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for user journeys. Every page a journey visits goes through {@link #open} or
 * {@link #check}, which run axe-core and fail on any serious or critical accessibility violation.
 *
 * <p>Chromium must be installed in CI ({@code OIV_BROWSER_TESTS=required}, set by {@code .ci/run}): there
 * a missing browser fails the build. On a developer machine without it the journeys are skipped, saying why.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static Browser start(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "Browser journeys need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "); install them with: apt-get install chromium chromium-driver";
            if ("required".equalsIgnoreCase(System.getenv("OIV_BROWSER_TESTS"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=it-IT");
        // An explicit driver path, so that Selenium Manager never runs (it would try to download one).
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port);
    }

    /**
     * The badges shown whose text is under 4.5:1 against their background (WCAG 1.4.3), each with its ratio:
     * the text colour against the first opaque background of the badge or of its ancestors.
     */
    private static final String BADGE_CONTRAST = """
            const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            const luminance = css => { const [r, g, b] = css.match(/[\\d.]+/g).map(Number);
                return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
            const background = el => { for (; el; el = el.parentElement) {
                const c = getComputedStyle(el).backgroundColor; const parts = c.match(/[\\d.]+/g).map(Number);
                if (parts.length < 4 || parts[3] > 0) { return c; } } return 'rgb(255, 255, 255)'; };
            return [...document.querySelectorAll('.badge')].filter(e => e.offsetParent !== null).map(e => {
                const f = luminance(getComputedStyle(e).color), b = luminance(background(e));
                const ratio = (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05);
                return ratio < 4.5 ? e.textContent.trim() + ' ' + ratio.toFixed(2) + ':1' : null; }).filter(x => x);
            """;

    /**
     * The visible labels that something else visible overlaps, such as a badge, a hint or a button: each as
     * "label text | what covers it". Bootstrap Italia lays labels over their field, so a label that wraps, or
     * anything put between the field group's top and the field, ends up under or over it.
     */
    private static final String LABEL_OVERLAPS = """
            // checkVisibility: false inside a closed <details>, whose content still has a layout box.
            const visible = e => { const r = e.getBoundingClientRect();
                return r.width > 1 && r.height > 1 && !e.closest('.visually-hidden, .sr-only')
                    && e.checkVisibility({contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true}); };
            const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left))
                * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
            const others = [...document.querySelectorAll('main .badge, main button, main p, main small, main legend,'
                + ' main h1, main h2, main h3, main .invalid-feedback, main label, main a')].filter(visible);
            const found = [];
            for (const label of [...document.querySelectorAll('main label')].filter(visible)) {
                const r = label.getBoundingClientRect();
                for (const o of others) {
                    if (o === label || o.contains(label) || label.contains(o)) { continue; }
                    if (overlap(r, o.getBoundingClientRect()) > 4) {
                        found.push(label.textContent.trim() + ' | ' + o.tagName + ' ' + o.textContent.trim().slice(0, 40));
                    }
                }
            }
            return found;
            """;

    /** Opens a path of the application and checks the page's accessibility. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return check();
    }

    /** Checks the page now shown, after a click or a form submission. */
    private static AxeBuilder axe() {
        return new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
    }

    public Browser check() {
        Results results;
        try {
            results = axe().analyze(driver);
        } catch (org.openqa.selenium.JavascriptException pageWentAway) {
            // A click whose script sends files and then the form: the page navigated while axe was being
            // injected. Check the page the browser then shows, once it has loaded.
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            results = axe().analyze(driver);
        }
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .toList();
        // axe files the status badges under "incomplete" (their background is "partially obscured"), and so
        // passed 2.39:1 badges once: their contrast is computed here, on every page checked.
        List<?> faint = (List<?>) ((JavascriptExecutor) driver).executeScript(BADGE_CONTRAST);
        assertThat(faint).as(() -> "Badges under 4.5:1 on " + driver.getCurrentUrl()).isEmpty();
        List<?> covered = (List<?>) ((JavascriptExecutor) driver).executeScript(LABEL_OVERLAPS);
        assertThat(covered).as(() -> "Labels overlapped on " + driver.getCurrentUrl()).isEmpty();
        assertThat(blocking)
                .as(() -> "Accessibility violations on " + driver.getCurrentUrl() + ":\n" + describe(blocking))
                .isEmpty();
        return this;
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                + rule.getNodes().stream().map(Browser::describe).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        String why = node.getAny() == null || node.getAny().isEmpty() ? "" : " (" + node.getAny().get(0).getMessage() + ")";
        return "\n    at " + node.getTarget() + ": " + node.getHtml() + why;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /**
     * Waits (up to ten seconds) for an element to show the given text: for what the page's script does
     * after a click (sending files, then the form), where the click itself returns at once.
     */
    public WebElement waitFor(By by, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(by, text));
        check();
        return driver.findElement(by);
    }

    /**
     * The session expires: the browser still sends its session cookie, which the server no longer knows
     * (a value it never issued stands for one it has forgotten).
     */
    public Browser loseSession() {
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.manage().addCookie(new org.openqa.selenium.Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF", "/"));
        return this;
    }

    /**
     * Whether leaving the page now would make the browser ask first: the page's beforeunload handler, run
     * as the browser runs it (headless Chromium shows no dialog of its own to look at).
     */
    public boolean leavingWouldAsk() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript("""
                const event = new Event('beforeunload', {cancelable: true});
                window.dispatchEvent(event);
                return event.defaultPrevented;""");
    }

    /** Slows uploads to {@code bytesPerSecond}, as over a real office connection (to see progress). */
    public Browser slowUploads(int bytesPerSecond) {
        org.openqa.selenium.chromium.ChromiumNetworkConditions conditions = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        conditions.setUploadThroughput(bytesPerSecond);
        conditions.setDownloadThroughput(100_000_000);
        ((ChromeDriver) driver).setNetworkConditions(conditions);
        return this;
    }

    public String title() {
        return driver.getTitle();
    }

    /** How many CSS pixels the page is wider than the window: what it would scroll sideways. */
    public long horizontalOverflow() {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"))
                .longValue();
    }

    /**
     * Presses Tab from the top of the page through the header, as a keyboard user does, and describes the focus
     * ring of each control reached there: "name: ring on background ratio:1 width px ok|faint". The ring is
     * the outline, or else the box-shadow, that the control has only while focused; the background is the first
     * opaque one behind the control.
     */
    public List<String> headerFocusRings() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        List<String> rings = new java.util.ArrayList<>();
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(driver);
        for (int i = 0; i < 30; i++) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            Object ring = js.executeScript(FOCUS_RING);
            if (ring == null) {
                continue; // the skip links, before the header
            }
            if ("left".equals(ring)) {
                break;
            }
            rings.add((String) ring);
        }
        return rings;
    }

    private static final String FOCUS_RING = """
            const e = document.activeElement;
            if (!e || !e.closest('.it-header-wrapper')) { return e && e.closest('.skiplinks') ? null : 'left'; }
            const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            const luminance = css => { const [r, g, b] = css.match(/[\\d.]+/g).map(Number);
                return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
            const opaque = c => { const p = c.match(/[\\d.]+/g); return p && (p.length < 4 || Number(p[3]) > 0); };
            let background = 'rgb(255, 255, 255)';
            for (let el = e.parentElement; el; el = el.parentElement) {
                const c = getComputedStyle(el).backgroundColor; if (opaque(c)) { background = c; break; } }
            const s = getComputedStyle(e);
            // The ring: an opaque outline, or else the box-shadow bands (Bootstrap Italia draws 2 px of white
            // inside 5 px of black); the band that contrasts best with the background counts, with its width.
            const rings = [];
            if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && opaque(s.outlineColor)) {
                rings.push([s.outlineColor, parseFloat(s.outlineWidth)]);
            }
            if (s.boxShadow && s.boxShadow !== 'none') {
                let inner = 0;
                for (const band of s.boxShadow.split(/,(?![^(]*\\))/).map(x => x.trim())) {
                    const colour = band.match(/rgba?\\([^)]*\\)/)[0];
                    const lengths = band.replace(colour, '').match(/-?[\\d.]+px/g).map(parseFloat);
                    const spread = lengths.length > 3 ? lengths[3] : 0;
                    if (opaque(colour) && spread > inner) { rings.push([colour, spread - inner]); }
                    inner = Math.max(inner, spread);
                }
            }
            const bg = luminance(background);
            const ratioOf = c => { const f = luminance(c); return (Math.max(f, bg) + 0.05) / (Math.min(f, bg) + 0.05); };
            const best = rings.sort((x, y) => ratioOf(y[0]) - ratioOf(x[0]))[0];
            const name = (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().replace(/\\s+/g, ' ').slice(0, 30);
            if (!best) { return name + ': no ring (outline ' + s.outline + ', shadow ' + s.boxShadow + ') faint'; }
            const ratio = ratioOf(best[0]);
            return name + ': ' + best[0] + ' on ' + background + ' ' + ratio.toFixed(2) + ':1 ' + best[1] + ' px '
                + (ratio >= 3 && best[1] >= 2 ? 'ok' : 'faint');
""";

    /** The text of the element that has the focus. */
    public String focusedText() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.activeElement.textContent.trim()");
    }

    /** How far the page is scrolled down, in CSS pixels. */
    public long scrolledTo() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return Math.round(window.scrollY)")).longValue();
    }

    /** The fragment of the address shown ("#question-2.3"), or an empty string. */
    public String fragment() {
        return (String) ((JavascriptExecutor) driver).executeScript("return location.hash");
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser select(String id) {
        WebElement choice = driver.findElement(By.id(id));
        // Bootstrap Italia draws its own radio over the input; clicking the label is what a user does.
        reachable(driver.findElement(By.cssSelector("label[for='" + id + "']"))).click();
        assertThat(choice.isSelected()).as("radio " + id + " selected").isTrue();
        return this;
    }

    public String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    public boolean selected(String id) {
        return driver.findElement(By.id(id)).isSelected();
    }

    /** Picks an option of a select by its visible text. */
    public Browser choose(String id, String visibleText) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(id))).selectByVisibleText(visibleText);
        return this;
    }

    /** Chooses files in a file input, as a user picking them in the dialog. */
    public Browser attach(String id, Path... files) {
        WebElement input = driver.findElement(By.id(id));
        input.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(f -> f.toAbsolutePath().toString()).toList()));
        return this;
    }

    /**
     * Downloads what a link points to with the browser's own session, as the browser would save it, and
     * returns the bytes (headless Chromium has no download folder to look into).
     */
    public byte[] download(String path) {
        Object base64 = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));
                }).catch(e => done('ERROR ' + e));""", path);
        return Base64.getDecoder().decode((String) base64);
    }

    public Browser click(By by) {
        reachable(driver.findElement(by)).click();
        return check();
    }

    /** Two clicks in quick succession, as an impatient user gives a button. */
    public Browser doubleClick(By by) {
        new org.openqa.selenium.interactions.Actions(driver).doubleClick(reachable(driver.findElement(by))).perform();
        return check();
    }

    /** Scrolls the element to the middle of the window, as a user would before clicking it. */
    private WebElement reachable(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        return element;
    }

    public Browser reload() {
        driver.navigate().refresh();
        return check();
    }

    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Saves a screenshot of the whole page under target/screenshots, for people to look at. */
    public Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return Math.ceil(document.documentElement.scrollHeight)");
            // The window grows to the page's height, so the picture shows all of it; then it shrinks back.
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 150, 8000)));
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            return Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save screenshot " + name, e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /** Lays the page out as for printing (CSS {@code @media print}), or back as on screen. */
    public Browser printMedia(boolean print) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
        // On a busy machine the page may not yet apply the emulated media when the next script runs.
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.valueOf(print)
                .equals(((JavascriptExecutor) d).executeScript("return window.matchMedia('print').matches")));
        return this;
    }

    /** Whether the element is rendered, by the browser's own checkVisibility(), which sees into <details>. */
    public boolean laidOut(By by) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].checkVisibility({contentVisibilityAuto: true})", find(by));
    }

    /** Prints the page to target/screenshots/{name}.pdf, for people to look at. */
    public Path print(String name) {
        Pdf pdf = ((PrintsPage) driver).print(new PrintOptions());
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(SCREENSHOTS.resolve(name + ".pdf"), Base64.getDecoder().decode(pdf.getContent()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot save " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
