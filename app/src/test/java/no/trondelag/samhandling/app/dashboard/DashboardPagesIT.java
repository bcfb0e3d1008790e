package no.trondelag.samhandling.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard's pages over HTTP on a seeded ledger with the {@link DashboardStory}: status codes, {@code lang="nb"},
 * Norwegian labels and dates, figures as of a chosen date, links that keep the date, and Norwegian error pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dashboard-pages-it;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    LedgerHttp http;

    @BeforeAll
    void tellTheStory() {
        DashboardStory.tell(port, processing, eventStore);
        http = new LedgerHttp(port);
    }

    private String page(String path) {
        Response response = http.get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html").contains("UTF-8");
        assertThat(response.body()).contains("<html lang=\"nb\">");
        return response.body();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?dato=2019-12-31", "/?dato=2020-06-30&aar=2020", "/vedtak",
            "/vedtak/sg-2018-05-02-07", "/vedtak/sg-2019-02-06-03?dato=2020-01-01", "/kommuner",
            "/kommuner?q=kl&region=trondheimsregionen", "/kommune/5001", "/kommune/5030?dato=2019-12-31"})
    void everyPageIsInNorwegianWithTheSkipLinkTheDatePickerAndNoActor(String path) {
        String html = page(path);

        assertThat(html).contains("<a class=\"hopp\" href=\"#hovedinnhold\">Hopp til hovedinnholdet</a>")
                .contains("<main id=\"hovedinnhold\"")
                .contains("<form class=\"datovelger\" method=\"get\"")
                .contains("<input type=\"date\" id=\"dato\" name=\"dato\"")
                .contains("<label for=\"dato\">")
                .contains("<nav aria-label=\"Hovedmeny\">")
                .doesNotContain("secretariat")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Nested
    class Overview {

        @Test
        void showsParticipationFundingAndGoalsWithNorwegianLabels() {
            String text = Html.text(page("/?dato=2019-12-31"));

            assertThat(text).contains("Oversikt", "Medlemskommuner", "Innbyggere dekket", "Budsjett",
                    "Tildelt i alt", "Lovet av medlemmene", "Mangler", "Under 2 årsverk", "Måloppnåelse per region",
                    "Mål 1", "Mål 5", "Felles sak- og arkivsystem", "Viser slik det så ut 31.12.2019");
        }

        @Test
        void klaebuCountsInTrondheimsregionenUntilTheMergeAndTrondheimAfter() {
            assertThat(Html.row(page("/?dato=2019-12-31"), "Trondheimsregionen"))
                    .containsExactly("Trondheimsregionen", "5", "1", "20,0 %", "238 119", "6 094", "2,6 %", "Nei",
                            "Ingen");
            assertThat(Html.row(page("/?dato=2020-06-30"), "Trondheimsregionen"))
                    .startsWith("Trondheimsregionen", "4", "1", "25,0 %", "238 119", "199 595", "83,8 %");
        }

        @Test
        void indreFosenIsNoMemberBeforeItsCouncilDecision() {
            assertThat(Html.row(page("/?dato=2018-06-13"), "Fosen regionråd"))
                    .startsWith("Fosen regionråd", "6", "0", "0,0 %");
            assertThat(Html.row(page("/?dato=2018-12-31"), "Fosen regionråd"))
                    .containsExactly("Fosen regionråd", "6", "1", "16,7 %", "25 502", "10 090", "39,6 %",
                            "Ja, 01.09.2018", "Indre Fosen");
        }

        @Test
        void theChartIsAnImageWithATitleAndTheSameFiguresAsTheTable() {
            String html = page("/?dato=2019-12-31");

            assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" role=\"img\"")
                    .contains("aria-labelledby=\"deltakelse-diagram-tittel deltakelse-diagram-beskrivelse\"")
                    .contains("<title id=\"deltakelse-diagram-tittel\">Deltakelse per region per 31.12.2019</title>")
                    .contains(">1 av 5 kommuner</text>")
                    .contains(">2,6\u00a0% av innbyggerne</text>");
        }

        @Test
        void fundingOfTheYearShownWithItsSources() {
            String html = page("/?dato=2019-12-31");

            assertThat(Html.row(html, "Budsjett")).containsExactly("Budsjett", "2 000 000 kr");
            assertThat(Html.row(html, "herav skjønnsmidler fra Statsforvalteren"))
                    .containsExactly("herav skjønnsmidler fra Statsforvalteren", "1 000 000 kr");
            assertThat(Html.row(html, "Lovet av medlemmene")).containsExactly("Lovet av medlemmene", "50 000 kr");
            assertThat(Html.row(html, "Mangler (budsjett minus tildelt)"))
                    .containsExactly("Mangler (budsjett minus tildelt)", "1 000 000 kr");
            assertThat(Html.row(html, "Under 2 årsverk")).containsExactly("Under 2 årsverk", "Nei");
            assertThat(html).doesNotContain("class=\"varsel\"");
        }

        @Test
        void aBudgetBelowTwoFteIsFlagged() {
            String html = page("/?dato=2020-06-30&aar=2020");

            assertThat(Html.row(html, "Under 2 årsverk")).containsExactly("Under 2 årsverk", "Ja");
            assertThat(Html.text(html)).contains("Under 2 årsverk: budsjettet for 2020 dekker 1,5 årsverk");
            assertThat(Html.row(html, "herav Trøndelag fylkeskommune"))
                    .containsExactly("herav Trøndelag fylkeskommune", "400 000 kr");
        }

        @Test
        void aYearWithoutFundingSaysSo() {
            assertThat(Html.text(page("/?dato=2019-12-31&aar=2031")))
                    .contains("Ingen finansiering er registrert for 2031 per 31.12.2019.");
        }

        @Test
        void theGoalMatrixHasOneRowPerRegionAndOneColumnPerIndicator() {
            String html = page("/?dato=2019-12-31");
            String matrix = html.substring(html.indexOf("class=\"matrise\""));

            assertThat(Html.row(matrix, "Fosen regionråd")).containsExactly("Fosen regionråd", "100,0 %",
                    "3,2 av 5", "0,0 %", "–ingen data", "100,0 %", "39,6 %", "Ja", "Ja", "0 av 3");
        }

        @Test
        void linksKeepTheChosenDateAndCsvLinksNameIt() {
            String html = page("/?dato=2019-12-31");

            assertThat(html).contains("href=\"/vedtak?dato=2019-12-31\"")
                    .contains("href=\"/kommuner?dato=2019-12-31\"")
                    .contains("href=\"/kommuner?dato=2019-12-31&amp;region=fosen\"")
                    .contains("href=\"/api/reports/participation?format=csv&amp;asOf=2019-12-31\"")
                    .contains("href=\"/api/reports/funding?format=csv&amp;asOf=2019-12-31&amp;year=2019\"")
                    .contains("href=\"/api/reports/goals?format=csv&amp;asOf=2019-12-31\"")
                    .contains("value=\"2019-12-31\"");
        }

        @Test
        void withoutADateTheLinksCarryNone() {
            String html = page("/");

            assertThat(html).contains("href=\"/vedtak\"").doesNotContain("?dato=");
            assertThat(Html.text(html)).contains("Viser dagens status");
        }

        @Test
        void theCsvBehindTheTableAnswers() {
            Response csv = http.get("/api/reports/participation?format=csv&asOf=2019-12-31");

            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body()).contains("trondheimsregionen,Trondheimsregionen,5,1,");
        }
    }

    @Nested
    class Decisions {

        @Test
        void theLogListsEachDecisionOnceItsMeetingHasTakenPlace() {
            assertThat(Html.row(page("/vedtak"), "02.05.2018")).containsExactly("02.05.2018", "18/7",
                    "Samhandlingsstrategi for digitalisering i Trøndelag 2018–2021", "9", "0", "5");
            assertThat(Html.text(page("/vedtak?dato=2018-12-31"))).doesNotContain("Sekretariatets budsjett for 2020");
            assertThat(Html.text(page("/vedtak?dato=2018-05-01")))
                    .contains("Ingen vedtak er registrert per 01.05.2018");
        }

        @Test
        void aDecisionShowsItsPointsAndWhatFollowedFromIt() {
            String html = page("/vedtak/sg-2018-05-02-07?dato=2019-12-31");
            String text = Html.text(html);

            assertThat(text).contains("Møte i styringsgruppen 02.05.2018", "Saksnummer 18/7", "Vedtakspunkter",
                    "Strategien vedtas.", "Dette fulgte av vedtaket");
            assertThat(Html.row(html, "01.09.2018")).startsWith("01.09.2018", "eFagråd etablert",
                    "Fosen regionråd etablerte sitt eFagråd.");
            assertThat(text).contains("Felles satsing «Felles sak- og arkivsystem» ble godkjent.",
                    "1 000 000 kr ble tildelt sekretariatet for 2019 fra skjønnsmidler fra Statsforvalteren.",
                    "Indre Fosen ble representant for Fosen regionråd i strategigruppen.");
            assertThat(html).contains("href=\"/kommune/5054?dato=2019-12-31\"")
                    .contains("href=\"/api/audit/decisions/sg-2018-05-02-07?format=csv&amp;asOf=2019-12-31\"");
        }

        @Test
        void aDecisionSaysItsEventsAreInTheSignedCheckpointAndLinksItsProofBundle() {
            String checkpoint = http.get("/api/ledger/checkpoint").body();
            String size = checkpoint.split("\n")[1];
            int citations = http.get("/api/audit/decisions/sg-2018-05-02-07").json().path("decision")
                    .path("citedBy").size();

            String html = page("/vedtak/sg-2018-05-02-07");

            assertThat(Html.text(html)).contains("Kontroll av registeret", "Vedtaket og de " + citations
                    + " hendelsene som viser til det, er med i registerets signerte kontrollpunkt fra",
                    "som omfatter " + size.replaceAll("(\\d)(?=(\\d{3})+$)", "$1 ") + " hendelser i alt",
                    "Last ned beviset for vedtaket (JSON)");
            assertThat(html).contains("href=\"/api/ledger/proofs/decisions/sg-2018-05-02-07\"");
        }

        @Test
        void aCorrectedDecisionShowsTheCorrectionAndTheOriginal() {
            String text = Html.text(page("/vedtak/sg-2019-02-06-03"));

            assertThat(text).contains("Vedtaket slik det lyder etter rettelse",
                    "Budsjettet for 2020 settes til 1 400 000 kroner, tilsvarende 1,5 årsverk.", "Rettelser",
                    "Antall årsverk manglet i punkt 1.", "Vedtaket slik det først ble registrert",
                    "Budsjettet for 2020 settes til 1 400 000 kroner.");
        }

        @Test
        void aDecisionBeforeItsMeetingIsNotFound() {
            Response response = http.get("/vedtak/sg-2019-02-06-03?dato=2018-12-31");

            assertThat(response.status()).isEqualTo(404);
            assertThat(Html.text(response.body())).contains("Fant ikke siden",
                    "Styringsgruppen hadde ikke noe vedtak med id «sg-2019-02-06-03» per 31.12.2018.");
        }
    }

    @Nested
    class Participants {

        @Test
        void theListFindsKlaebuAndSaysItWasMergedIntoTrondheim() {
            String html = page("/kommuner?q=Kl%C3%A6bu");

            assertThat(Html.row(html, "5030")).containsExactly("5030", "Klæbu", "Kommune", "Trondheimsregionen",
                    "6 094", "Nei", "Slått sammen til Trondheim");
            assertThat(Html.text(html)).contains("Viser 1 av 47 deltakere.");
        }

        @Test
        void theListFiltersByRegion() {
            assertThat(Html.text(page("/kommuner?region=fosen")))
                    .contains("Viser 6 av 47 deltakere i Fosen regionråd.");
        }

        @Test
        void trondheimsTimelineReachesKlaebusWithTheAuthorityBehindEachEvent() {
            String text = Html.text(page("/kommune/5001"));

            assertThat(text).contains("Trondheim", "Kommunenummer 5001",
                    "Tidligere kommuner slått sammen hit Klæbu",
                    "01.10.2018: Sluttet seg til samarbeidet (Klæbu)",
                    "Hjemmel Klæbu kommunestyre, sak 18/55, 01.10.2018",
                    "Hjemmel Stortinget, sak Innst. 386 S (2016-2017), 08.06.2017",
                    "01.01.2020: Kommunesammenslåing");
        }

        @Test
        void aSteeringGroupAuthorityLinksToTheDecision() {
            String html = page("/kommune/5054?dato=2019-12-31");

            assertThat(Html.text(html)).contains("Hjemmel Indre Fosen kommunestyre, sak 18/1234, 14.06.2018",
                    "Hjemmel Styringsgruppens vedtak 02.05.2018, sak 18/7: Samhandlingsstrategi");
            assertThat(html).contains("href=\"/vedtak/sg-2018-05-02-07?dato=2019-12-31\"");
        }

        @Test
        void klaebuBeforeTheMergeIsAMemberOfItsOwn() {
            String text = Html.text(page("/kommune/5030?dato=2019-12-31"));

            assertThat(text).contains("Klæbu", "Medlem av samarbeidet Ja, siden 01.10.2018")
                    .doesNotContain("Slått sammen til");
        }

        @Test
        void anUnknownParticipantIsNotFound() {
            Response response = http.get("/kommune/9999");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(response.body()).contains("<html lang=\"nb\">");
            assertThat(Html.text(response.body())).contains("Fant ikke siden", "nummer «9999»");
        }
    }

    @Nested
    class InvalidParameters {

        @ParameterizedTest
        @ValueSource(strings = {"/?dato=31.12.2019", "/?dato=2019-02-30", "/?dato=1899-12-31", "/vedtak?dato=x",
                "/kommune/5001?dato=2019-1-1", "/kommuner?dato=%3Cscript%3E"})
        void anInvalidDateIsA400PageInNorwegian(String path) {
            Response response = http.get(path);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(response.body()).contains("<html lang=\"nb\">").doesNotContain("<script>");
            assertThat(Html.text(response.body())).contains("Ugyldig dato", "kan ikke leses. Datoen må");
        }

        @Test
        void anInvalidYearIsA400PageInNorwegian() {
            Response response = http.get("/?aar=tjuetjue");

            assertThat(response.status()).isEqualTo(400);
            assertThat(Html.text(response.body())).contains("Ugyldig år", "«tjuetjue»");
        }
    }

    @Test
    void textFromTheLedgerIsEscaped() {
        DashboardStory.send(new LedgerHttp(port).as("secretariat"), "RecordSteeringGroupDecision", """
                {"decisionId":"sg-2019-09-01-01","meetingDate":"2019-09-01","caseNumber":"19/9",
                 "title":"<script>alert(1)</script> & co","text":"Tekst <b>uten</b> markup.","points":[]}""");
        ReadSide.awaitCaughtUp(processing, eventStore);

        String html = page("/vedtak/sg-2019-09-01-01");

        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>uten</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
    }

    @Test
    void thePagesAreNotPartOfTheApiDocument() {
        Response document = http.get("/v3/api-docs");

        assertThat(document.json().path("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));
    }

    @Test
    void theStylesheetIsServedByTheApp() {
        Response css = http.get("/dashboard/dashboard.css");

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
    }
}
