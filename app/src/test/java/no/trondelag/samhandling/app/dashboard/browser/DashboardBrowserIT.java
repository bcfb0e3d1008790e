package no.trondelag.samhandling.app.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import no.trondelag.samhandling.app.dashboard.DashboardStory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard as a person uses it, in Debian's Chromium: each page on the seeded ledger with the
 * {@link DashboardStory}, the date picker typed into and submitted from the keyboard, a decision followed to what
 * came of it, a municipality followed through its merge, and an axe-core scan of every page that must find no
 * serious or critical violation. Every step saves a screenshot under {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dashboard-browser-it;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    Chromium chromium;
    ChromeDriver driver;

    @BeforeAll
    void startTheBrowserOnTheStory() {
        DashboardStory.tell(port, processing, eventStore);
        chromium = new Chromium();
        driver = chromium.driver();
    }

    @AfterAll
    void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void desktopWindow() {
        driver.manage().window().setSize(Chromium.DESKTOP);
    }

    private void open(String path) {
        driver.get("http://127.0.0.1:" + port + path);
    }

    private String text(By by) {
        return driver.findElement(by).getText();
    }

    private WebElement active() {
        return driver.switchTo().activeElement();
    }

    private void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @Test
    @Order(1)
    void theOverviewShowsTheLedgerInNorwegian() {
        open("/");

        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nb");
        assertThat(driver.getTitle()).startsWith("Oversikt per ");
        assertThat(text(By.tagName("h1"))).isEqualTo("Oversikt");
        assertThat(text(By.id("deltakelse-tabell"))).startsWith("Deltakelse per region per ");
        WebElement fosen = driver.findElement(By.xpath("//table[caption[@id='deltakelse-tabell']]"
                + "//tr[th[normalize-space()='Fosen regionråd']]"));
        assertThat(fosen.getText()).contains("Fosen regionråd 6 1 16,7 % 25 502 10 090 39,6 %");
        assertThat(driver.findElement(By.cssSelector("svg[role='img'] title")).getAttribute("textContent"))
                .startsWith("Deltakelse per region per ");
        assertThat(driver.findElement(By.linkText("Last ned deltakelse per region som CSV")).getAttribute("href"))
                .contains("/api/reports/participation?format=csv&asOf=");
        chromium.screenshot("oversikt-i-dag");
    }

    @Test
    @Order(2)
    void theDatePickerGoesBackInTimeFromTheKeyboardAndTheUrlCarriesTheDate() {
        open("/");
        press(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Hopp til hovedinnholdet");
        for (int i = 0; i < 10 && !"dato".equals(active().getAttribute("id")); i++) {
            press(Keys.TAB);
        }
        assertThat(active().getAttribute("id")).as("the date field is reached with Tab").isEqualTo("dato");

        typeDate("2019", "12", "31");
        for (int i = 0; i < 5 && !"button".equals(active().getTagName()); i++) {
            press(Keys.TAB);
        }
        assertThat(active().getText()).isEqualTo("Vis");
        press(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("dato=2019-12-31"));

        assertThat(text(By.id("dato-status"))).contains("Viser slik det så ut 31.12.2019");
        WebElement region = driver.findElement(By.xpath("//table[caption[@id='deltakelse-tabell']]"
                + "//tr[th[normalize-space()='Trondheimsregionen']]"));
        assertThat(region.getText()).contains("Trondheimsregionen 5 1 20,0 % 238 119 6 094 2,6 %");
        assertThat(driver.findElement(By.linkText("Vedtak")).getAttribute("href")).endsWith("/vedtak?dato=2019-12-31");
        chromium.screenshot("oversikt-31-12-2019");

        driver.findElement(By.linkText("Vedtak")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/vedtak?dato=2019-12-31");
        assertThat(driver.findElement(By.id("dato")).getAttribute("value")).isEqualTo("2019-12-31");
    }

    /**
     * Types a date into the focused date field as a person would, part by part in the order the field shows them.
     * That order follows the browser's own language, which a page cannot read, so the order of the reader's locale
     * is tried first and then the others, until the field holds the date.
     */
    private void typeDate(String year, String month, String day) {
        @SuppressWarnings("unchecked")
        List<String> localeOrder = (List<String>) chromium.script("""
                return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2019, 11, 31))
                    .filter(part => part.type !== 'literal').map(part => part.type);""");
        WebElement field = driver.findElement(By.id("dato"));
        String wanted = year + "-" + month + "-" + day;
        for (List<String> order : List.of(localeOrder, List.of("month", "day", "year"),
                List.of("day", "month", "year"), List.of("year", "month", "day"))) {
            StringBuilder keys = new StringBuilder();
            for (String part : order) {
                keys.append(switch (part) {
                    case "year" -> year;
                    case "month" -> month;
                    default -> day;
                });
            }
            press(keys.toString());
            if (wanted.equals(field.getAttribute("value"))) {
                return;
            }
            field.clear();
            chromium.script("arguments[0].focus()", field);
        }
        throw new AssertionError("The date field took none of the orders; it holds " + field.getAttribute("value"));
    }

    @Test
    @Order(3)
    void theYearPickerShowsABudgetBelowTwoFte() {
        open("/?dato=2020-06-30");
        new Select(driver.findElement(By.id("aar"))).selectByVisibleText("2020");
        driver.findElement(By.xpath("//button[normalize-space()='Vis år']")).click();
        waiting().until(ExpectedConditions.urlContains("aar=2020"));

        assertThat(driver.getCurrentUrl()).contains("dato=2020-06-30");
        assertThat(text(By.cssSelector(".varsel"))).startsWith("Under 2 årsverk: budsjettet for 2020 dekker 1,5");
        assertThat(text(By.id("finansiering-tabell"))).isEqualTo("Finansiering 2020 per 30.06.2020");
        chromium.screenshot("finansiering-2020");
    }

    @Test
    @Order(4)
    void aDecisionLeadsToWhatFollowedFromItAndOnToAMunicipality() {
        open("/vedtak?dato=2019-12-31");
        driver.findElement(By.linkText("Samhandlingsstrategi for digitalisering i Trøndelag 2018–2021")).click();

        assertThat(text(By.tagName("h1")))
                .isEqualTo("Samhandlingsstrategi for digitalisering i Trøndelag 2018–2021");
        assertThat(driver.findElements(By.cssSelector("ol.punkter li"))).hasSize(9);
        String effects = text(By.xpath("//table[caption[@id='fulgte-tabell']]"));
        assertThat(effects).contains("Felles satsing godkjent", "Budsjett satt", "Midler tildelt",
                "eFagråd etablert", "Representant i strategigruppen");
        chromium.screenshot("vedtak-strategien");

        driver.findElement(By.xpath("//table[caption[@id='fulgte-tabell']]//a[normalize-space()='Indre Fosen']"))
                .click();
        assertThat(driver.getCurrentUrl()).endsWith("/kommune/5054?dato=2019-12-31");
        assertThat(text(By.tagName("h1"))).isEqualTo("Indre Fosen");
        assertThat(text(By.cssSelector("ol.tidslinje"))).contains("Sluttet seg til samarbeidet",
                "Indre Fosen kommunestyre, sak 18/1234, 14.06.2018");
        chromium.screenshot("kommune-indre-fosen");
    }

    @Test
    @Order(5)
    void aCorrectedDecisionOpensItsOriginal() {
        open("/vedtak/" + DashboardStory.BUDGET_DECISION);
        WebElement original = driver.findElement(By.tagName("details"));
        assertThat(original.getAttribute("open")).isNull();

        driver.findElement(By.tagName("summary")).click();

        assertThat(original.getAttribute("open")).isNotNull();
        assertThat(original.getText()).contains("Budsjettet for 2020 settes til 1 400 000 kroner.");
        chromium.screenshot("vedtak-rettet");
    }

    @Test
    @Order(6)
    void aMunicipalityIsFoundAndFollowedThroughItsMerge() {
        open("/kommuner");
        WebElement search = driver.findElement(By.id("q"));
        search.sendKeys("Klæbu");
        search.sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("q="));
        assertThat(text(By.cssSelector(".treff"))).isEqualTo("Viser 1 av 47 deltakere.");
        chromium.screenshot("kommuner-sok");

        driver.findElement(By.linkText("Klæbu")).click();
        assertThat(text(By.tagName("h1"))).isEqualTo("Klæbu");
        assertThat(text(By.cssSelector(".fakta"))).contains("Slått sammen til", "Trondheim");
        chromium.screenshot("kommune-klaebu");

        driver.findElement(By.cssSelector(".fakta")).findElement(By.linkText("Trondheim")).click();
        assertThat(text(By.tagName("h1"))).isEqualTo("Trondheim");
        String timeline = text(By.cssSelector("ol.tidslinje"));
        assertThat(timeline).contains("01.10.2018: Sluttet seg til samarbeidet (Klæbu)",
                "Klæbu kommunestyre, sak 18/55, 01.10.2018", "01.01.2020: Kommunesammenslåing",
                "Stortinget, sak Innst. 386 S (2016-2017), 08.06.2017");
        chromium.screenshot("kommune-trondheim");
    }

    @Test
    @Order(7)
    void theSkipLinkMovesTheFocusToTheMainContent() {
        open("/vedtak");
        press(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Hopp til hovedinnholdet");
        assertThat(active().isDisplayed()).isTrue();

        press(Keys.ENTER);

        assertThat(active().getAttribute("id")).isEqualTo("hovedinnhold");
        press(Keys.TAB);
        assertThat(active().getAttribute("role")).as("the table's scrollable region").isEqualTo("region");
        assertThat(active().getAttribute("aria-labelledby")).isEqualTo("vedtak-tabell");
        press(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Samhandlingsstrategi for digitalisering i Trøndelag 2018–2021");
    }

    @Test
    @Order(8)
    void theOverviewFitsANarrowScreenWithoutScrollingSideways() {
        driver.manage().window().setSize(new Dimension(390, 900));
        open("/?dato=2019-12-31");

        long overflow = ((Number) chromium.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
        Object widest = chromium.script("""
                const width = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1)
                    .filter(e => !e.parentElement.closest('.tabell') || getComputedStyle(e).position === 'absolute')
                    .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right);""");

        assertThat(overflow).as("elements wider than the screen: " + widest).isLessThanOrEqualTo(0);
        chromium.screenshot("oversikt-mobil");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "oversikt, /",
            "oversikt-2019, /?dato=2019-12-31",
            "oversikt-2020, /?dato=2020-06-30&aar=2020",
            "vedtak, /vedtak",
            "vedtak-strategien, /vedtak/sg-2018-05-02-07",
            "vedtak-budsjett, /vedtak/sg-2019-02-06-03",
            "kommuner, /kommuner",
            "kommuner-fosen, /kommuner?region=fosen",
            "kommune-trondheim, /kommune/5001",
            "kommune-indre-fosen, /kommune/5054?dato=2019-12-31",
            "side-finnes-ikke, /kommune/9999",
            "ugyldig-dato, /?dato=31.12.2019"})
    @Order(9)
    void axeFindsNoSeriousOrCriticalViolation(String name, String path) {
        open(path);
        chromium.screenshot("axe-" + name);

        List<Chromium.Violation> violations = chromium.axe();

        violations.forEach(violation -> System.out.println("axe " + path + ": " + violation));
        assertThat(violations).filteredOn(Chromium.Violation::seriousOrCritical).isEmpty();
    }
}
