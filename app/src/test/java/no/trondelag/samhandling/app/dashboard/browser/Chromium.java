package no.trondelag.samhandling.app.dashboard.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver: no driver or browser is downloaded, and the
 * browser makes no connection of its own. Takes full-page screenshots, numbered in the order taken, into a folder
 * it empties first, and runs axe-core in the page.
 */
final class Chromium implements AutoCloseable {

    /** The window a desktop reader has. */
    static final Dimension DESKTOP = new Dimension(1280, 1000);

    private static final String CHROMIUM = System.getProperty("dashboard.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("dashboard.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("dashboard.screenshots",
            "target/screenshots"));
    private static final Path AXE = Path.of(System.getProperty("dashboard.axe",
            "target/axe/node_modules/axe-core/axe.min.js"));

    private final ChromeDriver driver;
    private final Path profile;
    private int screenshots;

    Chromium() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver at "
                    + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        }
        try {
            profile = Files.createTempDirectory("dashboard-chromium-");
            Files.createDirectories(SCREENSHOTS);
            try (var old = Files.newDirectoryStream(SCREENSHOTS, "*.png")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--no-first-run", "--no-default-browser-check", "--lang=nb-NO",
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nb-NO,nb"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    /**
     * The driver.
     *
     * @return the driver
     */
    ChromeDriver driver() {
        return driver;
    }

    /**
     * Runs a script in the page.
     *
     * @param script the script
     * @param args   its arguments
     * @return its result
     */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Saves the whole page, however long, as a numbered PNG under the screenshots folder.
     *
     * @param name what the page shows
     * @return the file
     */
    Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        driver.manage().window().setSize(new Dimension(window.getWidth(),
                (int) Math.min(8000, Math.max(window.getHeight(), height + 140))));
        try {
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++screenshots, name));
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    /**
     * Injects axe-core into the page and runs every rule it has.
     *
     * @return each violation found
     */
    @SuppressWarnings("unchecked")
    List<Violation> axe() {
        if (!Files.isReadable(AXE)) {
            throw new IllegalStateException("axe-core is missing at " + AXE.toAbsolutePath()
                    + "; the browser profile installs it from npm (mvn -Pbrowser verify)");
        }
        try {
            script(Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(results => done(results.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary)}))))
                    .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: []}]));
                """);
        List<Violation> violations = new ArrayList<>();
        for (Object item : (List<Object>) result) {
            Map<String, Object> violation = (Map<String, Object>) item;
            violations.add(new Violation(String.valueOf(violation.get("id")), String.valueOf(violation.get("impact")),
                    String.valueOf(violation.get("help")), (List<String>) violation.get("nodes")));
        }
        return violations;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An accessibility rule a page breaks.
     *
     * @param id     the axe rule
     * @param impact minor, moderate, serious or critical
     * @param help   what the rule asks
     * @param nodes  where it is broken, and why
     */
    record Violation(String id, String impact, String help, List<String> nodes) {

        boolean seriousOrCritical() {
            return impact.equals("serious") || impact.equals("critical");
        }

        @Override
        public String toString() {
            return impact + " " + id + ": " + help + "\n    " + String.join("\n    ", nodes);
        }
    }
}
