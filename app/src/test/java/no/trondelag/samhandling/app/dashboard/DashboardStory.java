package no.trondelag.samhandling.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import no.trondelag.samhandling.app.ReadSide;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The history the dashboard tests read, sent through the command API as the secretariat onto the seeded ledger:
 * the steering group's decision of 2 May 2018 and what followed from it (Indre Fosen joining, the joint case and
 * records system, the 2019 budget funded partly by discretionary grants, Fosen's eFagråd and representative),
 * Klæbu joining in 2018 and merging into Trondheim on 1 January 2020, and a 2020 budget below 2 FTE set by a
 * decision that was later corrected.
 */
public final class DashboardStory {

    /** The steering group's decision adopting the strategy. */
    public static final String STRATEGY_DECISION = "sg-2018-05-02-07";

    /** The decision on the 2020 budget, corrected after it was recorded. */
    public static final String BUDGET_DECISION = "sg-2019-02-06-03";

    private DashboardStory() {
    }

    /**
     * Sends the history and waits until every projection has processed it.
     *
     * @param port       the ledger's port
     * @param processing the ledger's event processors
     * @param store      the event store, to learn the last event's position
     */
    public static void tell(int port, EventProcessingConfiguration processing, EventStore store) {
        LedgerHttp http = new LedgerHttp(port).as("secretariat");
        ReadSide.awaitCaughtUp(processing, store);
        send(http, "RecordSteeringGroupDecision", """
                {"decisionId":"sg-2018-05-02-07","meetingDate":"2018-05-02","caseNumber":"18/7",
                 "title":"Samhandlingsstrategi for digitalisering i Trøndelag 2018–2021",
                 "text":"Rådmannsutvalget vedtar samhandlingsstrategien for digitalisering i Trøndelag 2018–2021.",
                 "points":["Strategien vedtas.","Det utarbeides en samarbeidsavtale for kommunene.",
                  "Rådmannsutvalget er styringsgruppe for samhandlingen.",
                  "Det etableres en strategigruppe med et sekretariat på minst 2 årsverk.",
                  "Regionene etablerer regionale eFagråd.","Et kompetanseprogram for ledere starter høsten 2018.",
                  "Felles sak-/arkivsystem er første felles satsing.","Oppstarten finansieres med skjønnsmidler.",
                  "Kommunene anbefales å slutte seg til samarbeidet."]}""");
        send(http, "JoinCollaboration", """
                {"participantId":"5054","effectiveDate":"2018-06-14",
                 "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"18/1234","date":"2018-06-14"}}""");
        send(http, "ProposeInitiative", """
                {"initiativeId":"felles-sak-arkiv","title":"Felles sak- og arkivsystem",
                 "description":"Felles anskaffelse og innføring av sak-/arkivsystem for kommunene i Trøndelag.",
                 "pillar":"PRIORITISED_INITIATIVES","goals":[1,3,4],"proposedBy":"Rådmannsutvalget"}""");
        send(http, "ApproveInitiative", """
                {"initiativeId":"felles-sak-arkiv","decisionId":"sg-2018-05-02-07","budgetNok":"1500000.00"}""");
        send(http, "JoinInitiative", """
                {"initiativeId":"felles-sak-arkiv","participantId":"5054","effectiveDate":"2018-09-01"}""");
        send(http, "SetSecretariatBudget", """
                {"year":2019,"requiredFte":2.0,"amountNok":"2000000.00","decisionId":"sg-2018-05-02-07"}""");
        send(http, "AllocateSecretariatFunding", """
                {"year":2019,"source":"DISCRETIONARY_GRANT","amountNok":"1000000.00",
                 "decisionId":"sg-2018-05-02-07"}""");
        send(http, "PledgeSecretariatFunding", """
                {"year":2019,"participantId":"5054","amountNok":"50000.00",
                 "authority":{"body":"Indre Fosen kommunestyre","caseNumber":"18/1234","date":"2018-06-14"}}""");
        send(http, "JoinCollaboration", """
                {"participantId":"5030","effectiveDate":"2018-10-01",
                 "authority":{"body":"Klæbu kommunestyre","caseNumber":"18/55","date":"2018-10-01"}}""");
        send(http, "EstablishEFagraad", """
                {"regionId":"fosen","effectiveDate":"2018-09-01","authority":{"decisionId":"sg-2018-05-02-07"}}""");
        send(http, "AppointStrategyGroupRepresentative", """
                {"regionId":"fosen","participantId":"5054","effectiveDate":"2018-09-15",
                 "authority":{"decisionId":"sg-2018-05-02-07"}}""");
        send(http, "RecordSteeringGroupDecision", """
                {"decisionId":"sg-2019-02-06-03","meetingDate":"2019-02-06","caseNumber":"19/3",
                 "title":"Sekretariatets budsjett for 2020",
                 "text":"Rådmannsutvalget fastsetter sekretariatets budsjett for 2020.",
                 "points":["Budsjettet for 2020 settes til 1 400 000 kroner.",
                  "Fylkeskommunen bes om å bidra med 400 000 kroner."]}""");
        send(http, "CorrectSteeringGroupDecision", """
                {"decisionId":"sg-2019-02-06-03",
                 "text":"Rådmannsutvalget fastsetter sekretariatets budsjett for 2020.",
                 "points":["Budsjettet for 2020 settes til 1 400 000 kroner, tilsvarende 1,5 årsverk.",
                  "Fylkeskommunen bes om å bidra med 400 000 kroner."],
                 "reason":"Antall årsverk manglet i punkt 1."}""");
        send(http, "SetSecretariatBudget", """
                {"year":2020,"requiredFte":1.5,"amountNok":"1400000.00","decisionId":"sg-2019-02-06-03"}""");
        send(http, "AllocateSecretariatFunding", """
                {"year":2020,"source":"COUNTY_AUTHORITY","amountNok":"400000.00","decisionId":"sg-2019-02-06-03"}""");
        send(http, "RecordMaturityAssessment", """
                {"participantId":"5054","assessedOn":"2019-03-01","score":3.2,"method":"Egenvurdering"}""");
        send(http, "MergeParticipants", """
                {"successorId":"5001","successorName":"Trondheim","predecessorIds":["5001","5030"],
                 "regionId":"trondheimsregionen","population":199595,"effectiveDate":"2020-01-01",
                 "authority":{"body":"Stortinget","caseNumber":"Innst. 386 S (2016-2017)","date":"2017-06-08"}}""");
        ReadSide.awaitCaughtUp(processing, store);
    }

    /**
     * Sends a command as the secretariat and requires it to be accepted.
     *
     * @param http    a client authenticated as the secretariat
     * @param command the command's name
     * @param json    its body
     */
    public static void send(LedgerHttp http, String command, String json) {
        Response response = http.command(command, json);
        assertThat(response.status()).as(command + ": " + response.body()).isEqualTo(200);
    }
}
