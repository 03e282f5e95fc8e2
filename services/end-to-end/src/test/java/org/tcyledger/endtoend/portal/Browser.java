package org.tcyledger.endtoend.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.tcyledger.testing.Workspace;

/**
 * Debian's real Chromium, headless, driven by Selenium through Debian's chromedriver (no download at run time):
 * what a person's browser does with the portal. Saves screenshots under the module's {@code target/screenshots/} and
 * runs axe-core (from npm, {@code deploy/contracts/node_modules}) in the page for its WCAG 2.1 AA violations.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String base;

    /** What axe-core found on one page: the number of violations of each impact, and the serious ones named. */
    record Accessibility(String page, Map<String, Integer> byImpact, List<String> seriousOrCritical) {
    }

    Browser(String base, String language) {
        this.base = base;
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; .ci/run installs them): " + CHROMIUM + ", "
                    + CHROMEDRIVER);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,1000", "--lang=" + language, "--no-first-run",
                        "--disable-background-networking", "--disable-component-update");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    Browser open(String pathAndQuery) {
        driver.get(base + pathAndQuery);
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Keys pressed on whatever has the focus, as a person at the keyboard does. */
    Browser press(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** The element that has the keyboard's focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Whether the focused element shows it: an outline or a shadow drawn by {@code :focus-visible}. */
    boolean focusIsVisible() {
        Object shown = driver.executeScript("const e = document.activeElement, s = getComputedStyle(e);"
                + "return e.matches(':focus-visible') && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
                + " || s.boxShadow !== 'none');");
        return Boolean.TRUE.equals(shown);
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now. */
    @SuppressWarnings("unchecked")
    Accessibility accessibility(String page) {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
                + " help: v.help}))), e => done([{id: 'axe-error', impact: 'critical', nodes: 0, help: String(e)}]));");
        Map<String, Integer> byImpact = new LinkedHashMap<>();
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(violation.get("impact"));
            byImpact.merge(impact, 1, Integer::sum);
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(violation.get("id") + " (" + impact + ", " + violation.get("nodes") + " elements): "
                        + violation.get("help"));
            }
        }
        return new Accessibility(page, byImpact, serious);
    }

    private static String axeSource;

    private static synchronized String axeSource() {
        if (axeSource == null) {
            Path axe = Workspace.root().resolve("deploy/contracts/node_modules/axe-core/axe.min.js");
            try {
                axeSource = Files.readString(axe);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is missing: npm ci --prefix deploy/contracts (" + axe + ")", e);
            }
        }
        return axeSource;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
