package no.trondelag.samhandling.query.governance;

import static no.trondelag.samhandling.query.ledger.Trondelag.COUNTY_AUTHORITY;
import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.governance.DecisionLog;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.governance.FindDecisions;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.query.ledger.Facts;
import no.trondelag.samhandling.query.ledger.InMemoryFactLog;
import no.trondelag.samhandling.query.ledger.LedgerFact;
import no.trondelag.samhandling.query.ledger.LedgerReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The decision log of the steering group's meetings of 2 May 2018 (items 3 and 7), 8 November 2018 and 14 March
 * 2019, recorded out of meeting order, item 7 corrected afterwards, and the events that rest on them.
 */
class DecisionQueriesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final LocalDate MAY_2 = LocalDate.of(2018, 5, 2);
    private static final String SECRETARIAT = "sg-2018-05-02-03";
    private static final String STRATEGY = "sg-2018-05-02-07";
    private static final String BUDGET_2020 = "sg-2019-03-14-04";
    /** A decision whose id does not follow the sg-YYYY-MM-DD-NN convention. */
    private static final String ARCHIVE_PLAN = "arkivplan-2018";

    private final InMemoryFactLog log = new InMemoryFactLog();
    private final Facts facts = new Facts(log);
    private final DecisionQueries queries = new DecisionQueries(
            new LedgerReader(log, Clock.fixed(Instant.parse("2024-06-14T10:00:00Z"), ZoneId.of("Europe/Oslo"))));

    private final SteeringGroupDecisionRecorded strategy = new SteeringGroupDecisionRecorded(STRATEGY, MAY_2, "7/18",
            "Samhandlingsstrategi for digitalisering i Trøndelag 2018-2021", "Strategien vedtas.",
            List.of("1. Strategien vedtas"));
    private LedgerFact strategyRecorded;
    private LedgerFact countyJoined;
    private LedgerFact approved;
    private LedgerFact eFagraad;
    private LedgerFact correction;

    @BeforeEach
    void decisions() {
        facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(), COUNTY_AUTHORITY.registered(),
                new SteeringGroupDecisionRecorded(BUDGET_2020, LocalDate.of(2019, 3, 14), "4/19", "Budsjett 2020",
                        "Sekretariatet videreføres.", List.of("1. Budsjett 2020 vedtas")));
        strategyRecorded = facts.record(strategy);
        facts.recordAll(new SteeringGroupDecisionRecorded(SECRETARIAT, MAY_2, "3/18", "Sekretariat",
                        "Et sekretariat på to årsverk opprettes.", List.of("1. Sekretariat opprettes")),
                INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                new SteeringGroupDecisionRecorded(ARCHIVE_PLAN, LocalDate.of(2018, 11, 8), null, "Arkivplan",
                        "Felles arkivplan vedtas.", List.of()));
        countyJoined = facts.record(COUNTY_AUTHORITY.joinedOnDecision(MAY_2, STRATEGY));
        approved = facts.record(new InitiativeApproved("felles-sak-arkiv", STRATEGY,
                Money.nok(new BigDecimal("1500000.00"))));
        facts.recordAll(new SecretariatBudgetSet(2019, new BigDecimal("2.0"), new BigDecimal("2400000.00"),
                SECRETARIAT), new SecretariatBudgetSet(2020, new BigDecimal("2.0"), new BigDecimal("2000000.00"),
                BUDGET_2020));
        eFagraad = facts.record(new EFagraadEstablished("fosen", LocalDate.of(2019, 2, 1),
                Authority.ofDecision(STRATEGY)));
        correction = facts.record("secretariat-2", new SteeringGroupDecisionCorrected(STRATEGY,
                "Strategien vedtas. Regionene etablerer eFagråd.",
                List.of("1. Strategien vedtas", "2. Regionene etablerer eFagråd"), "Punkt 2 falt ut ved registrering"));
    }

    private DecisionView strategyAt(ReadPoint readPoint) {
        DecisionLog decisionLog = queries.handle(new FindDecisions(readPoint, STRATEGY));
        assertThat(decisionLog.decisions()).hasSize(1);
        return decisionLog.decisions().get(0);
    }

    private static ReadPoint now() {
        return new ReadPoint(TODAY, null);
    }

    @Nested
    class TheLog {

        @Test
        void everyDecisionIsListedByMeetingDateThenId() {
            DecisionLog decisionLog = queries.handle(new FindDecisions(now(), null));

            assertThat(decisionLog.decisions()).extracting(DecisionView::decisionId)
                    .containsExactly(SECRETARIAT, STRATEGY, ARCHIVE_PLAN, BUDGET_2020);
            assertThat(decisionLog.meta()).isEqualTo(new ReportMeta(TODAY, null, correction.position(), correction.position() + 1));
        }

        @Test
        void beforeTheMarch2019MeetingOnlyTheMay2018DecisionsAreListed() {
            DecisionLog decisionLog = queries.handle(new FindDecisions(new ReadPoint(LocalDate.of(2019, 3, 13),
                    null), null));

            assertThat(decisionLog.decisions()).extracting(DecisionView::decisionId)
                    .containsExactly(SECRETARIAT, STRATEGY, ARCHIVE_PLAN);
        }

        @Test
        void beforeTheFirstMeetingTheLogIsEmpty() {
            assertThat(queries.handle(new FindDecisions(new ReadPoint(LocalDate.of(2018, 5, 1), null), null))
                    .decisions()).isEmpty();
        }
    }

    @Nested
    class OneDecision {

        @Test
        void theDecisionAsCorrectedWithItsOriginalItsCorrectionAndWhatCitesIt() {
            // when
            DecisionView view = strategyAt(now());

            // then
            assertThat(view.decisionId()).isEqualTo(STRATEGY);
            assertThat(view.meetingDate()).isEqualTo(MAY_2);
            assertThat(view.caseNumber()).isEqualTo("7/18");
            assertThat(view.title()).isEqualTo("Samhandlingsstrategi for digitalisering i Trøndelag 2018-2021");
            assertThat(view.text()).isEqualTo("Strategien vedtas. Regionene etablerer eFagråd.");
            assertThat(view.points()).containsExactly("1. Strategien vedtas", "2. Regionene etablerer eFagråd");
            assertThat(view.recorded()).isEqualTo(strategyRecorded.toEntry());
            assertThat(view.recorded().event()).isEqualTo(strategy);
            assertThat(view.corrections()).containsExactly(correction.toEntry());
            assertThat(view.corrections().get(0).actor()).isEqualTo("secretariat-2");
            assertThat(view.citedBy()).containsExactly(countyJoined.toEntry(), approved.toEntry(), eFagraad.toEntry());
        }

        @Test
        void citationsCarryTheirAuthorityAndEffectiveDate() {
            assertThat(strategyAt(now()).citedBy())
                    .extracting(HistoryEntry::type, HistoryEntry::effectiveOn, HistoryEntry::authority)
                    .containsExactly(
                            tuple("CollaborationJoined", MAY_2,
                                    Authority.ofDecision(STRATEGY)),
                            tuple("InitiativeApproved", MAY_2,
                                    Authority.ofDecision(STRATEGY)),
                            tuple("EFagraadEstablished", LocalDate.of(2019, 2, 1),
                                    Authority.ofDecision(STRATEGY)));
        }

        @Test
        void asOfTheEndOf2018TheEFagraadDoesNotYetCiteTheDecision() {
            DecisionView view = strategyAt(new ReadPoint(LocalDate.of(2018, 12, 31), null));

            assertThat(view.citedBy()).containsExactly(countyJoined.toEntry(), approved.toEntry());
            assertThat(view.corrections()).containsExactly(correction.toEntry());
        }

        @Test
        void knownBeforeTheCorrectionWasRecordedTheDecisionReadsAsFirstRecorded() {
            // when
            DecisionView view = strategyAt(new ReadPoint(TODAY, correction.recordedAt().minusSeconds(1)));

            // then
            assertThat(view.text()).isEqualTo("Strategien vedtas.");
            assertThat(view.points()).containsExactly("1. Strategien vedtas");
            assertThat(view.corrections()).isEmpty();
            assertThat(view.citedBy()).hasSize(3);
        }

        @Test
        void anotherDecisionIsCitedOnlyByWhatRestsOnIt() {
            DecisionLog decisionLog = queries.handle(new FindDecisions(now(), SECRETARIAT));

            assertThat(decisionLog.decisions()).singleElement().satisfies(view -> {
                assertThat(view.citedBy()).extracting(HistoryEntry::type).containsExactly("SecretariatBudgetSet");
                assertThat(view.corrections()).isEmpty();
            });
        }

        @Test
        void anUnknownDecisionGivesAnEmptyList() {
            DecisionLog decisionLog = queries.handle(new FindDecisions(now(), "sg-2018-05-02-99"));

            assertThat(decisionLog.decisions()).isEmpty();
            assertThat(decisionLog.meta()).isEqualTo(new ReportMeta(TODAY, null, correction.position(), correction.position() + 1));
        }
    }
}
