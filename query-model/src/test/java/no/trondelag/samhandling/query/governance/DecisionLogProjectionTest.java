package no.trondelag.samhandling.query.governance;

import static no.trondelag.samhandling.query.ledger.Trondelag.COUNTY_AUTHORITY;
import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.query.projection.Projections;
import no.trondelag.samhandling.query.projection.RecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The decision-log projection: the log of four meetings at several read points, and single facts one after another.
 */
class DecisionLogProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final LocalDate MAY_2 = LocalDate.of(2018, 5, 2);
    private static final String SECRETARIAT = "sg-2018-05-02-03";
    private static final String STRATEGY = "sg-2018-05-02-07";
    private static final String BUDGET_2020 = "sg-2019-03-14-04";
    /** A decision whose id does not follow the sg-YYYY-MM-DD-NN convention. */
    private static final String ARCHIVE_PLAN = "arkivplan-2018";

    private final Projections facts = new Projections();
    private final DecisionLogProjection queries = facts.decisions();

    private final SteeringGroupDecisionRecorded strategy = new SteeringGroupDecisionRecorded(STRATEGY, MAY_2, "7/18",
            "Samhandlingsstrategi for digitalisering i Trøndelag 2018-2021", "Strategien vedtas.",
            List.of("1. Strategien vedtas"));
    private RecordedEvent strategyRecorded;
    private RecordedEvent countyJoined;
    private RecordedEvent approved;
    private RecordedEvent eFagraad;
    private RecordedEvent correction;

    /**
     * The decision log of the steering group's meetings of 2 May 2018 (items 3 and 7), 8 November 2018 and 14 March
     * 2019, recorded out of meeting order, item 7 corrected afterwards, and the events that rest on them.
     */
    private void decisions() {
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
                List.of("1. Strategien vedtas", "2. Regionene etablerer eFagråd"),
                "Punkt 2 falt ut ved registrering"));
    }

    private DecisionView strategyAt(ReadPoint readPoint) {
        DecisionLog decisionLog = queries.handle(new FindDecisions(readPoint, STRATEGY));
        assertThat(decisionLog.decisions()).hasSize(1);
        return decisionLog.decisions().get(0);
    }

    private static ReadPoint now() {
        return new ReadPoint(TODAY, null);
    }

    /** The log of four meetings (see {@link #decisions()}) at several read points. */
    @Nested
    class FourMeetings {

        @BeforeEach
        void history() {
            decisions();
        }

        @Nested
        class TheLog {

            @Test
            void everyDecisionIsListedByMeetingDateThenId() {
                DecisionLog decisionLog = queries.handle(new FindDecisions(now(), null));

                assertThat(decisionLog.decisions()).extracting(DecisionView::decisionId)
                        .containsExactly(SECRETARIAT, STRATEGY, ARCHIVE_PLAN, BUDGET_2020);
                assertThat(decisionLog.meta()).isEqualTo(new ReportMeta(TODAY, null, correction.position(),
                        correction.position() + 1));
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
                assertThat(view.citedBy()).containsExactly(countyJoined.toEntry(), approved.toEntry(),
                        eFagraad.toEntry());
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
                assertThat(decisionLog.meta()).isEqualTo(new ReportMeta(TODAY, null, correction.position(),
                        correction.position() + 1));
            }

            @Test
            void knownBeforeTheStrategyWasRecordedOnlyTheBudgetDecisionIsListed() {
                DecisionLog decisionLog = queries.handle(new FindDecisions(new ReadPoint(TODAY,
                        strategyRecorded.recordedAt().minusSeconds(1)), null));

                assertThat(decisionLog.decisions()).extracting(DecisionView::decisionId).containsExactly(BUDGET_2020);
                assertThat(decisionLog.meta()).isEqualTo(new ReportMeta(TODAY,
                        strategyRecorded.recordedAt().minusSeconds(1), strategyRecorded.position() - 1,
                        strategyRecorded.position()));
            }

            @Test
            void knownBeforeTheEFagraadWasRecordedOnlyTheFirstTwoCitationsAreThere() {
                DecisionView view = strategyAt(new ReadPoint(TODAY, eFagraad.recordedAt().minusSeconds(1)));

                assertThat(view.citedBy()).containsExactly(countyJoined.toEntry(), approved.toEntry());
            }
        }
    }

    /** One fact after another, as the old fold of the decisions view applied them. */
    @Nested
    class OneFactAfterAnother {

        private DecisionView decisionView(String decisionId) {
            DecisionLog decisionLog = queries.handle(new FindDecisions(now(), decisionId));
            assertThat(decisionLog.decisions()).hasSize(1);
            return decisionLog.decisions().get(0);
        }

        private List<DecisionView> decisions() {
            return queries.handle(new FindDecisions(now(), null)).decisions();
        }

        @Nested
        class Recording {

            @Test
            void aRecordedDecisionShowsItsFieldsAndTheEventThatRecordedIt() {
                // given
                RecordedEvent recorded = facts.record(decision(STRATEGY, MAY_2,
                        "Samhandlingsstrategi for digitalisering"));

                // when
                DecisionView view = decisionView(STRATEGY);

                // then
                assertThat(view.decisionId()).isEqualTo(STRATEGY);
                assertThat(view.meetingDate()).isEqualTo(MAY_2);
                assertThat(view.caseNumber()).isEqualTo("RU-2018-05-02-07");
                assertThat(view.title()).isEqualTo("Samhandlingsstrategi for digitalisering");
                assertThat(view.recorded()).isEqualTo(new HistoryEntry(recorded.position(), recorded.recordedAt(),
                        MAY_2, "SteeringGroupDecisionRecorded", Projections.SECRETARIAT, null, recorded.event()));
                assertThat(view.corrections()).isEmpty();
                assertThat(view.citedBy()).isEmpty();
            }

            @Test
            void decisionsAreListedByMeetingDateThenId() {
                // given decisions recorded out of meeting order, one with an id outside the sg-YYYY-MM-DD-NN convention
                facts.recordAll(decision("sg-2019-03-14-04", LocalDate.of(2019, 3, 14), "Budsjett 2020"),
                        decision("arkivplan-2018", LocalDate.of(2018, 11, 8), "Arkivplan"),
                        decision(STRATEGY, MAY_2, "Samhandlingsstrategi"),
                        decision("sg-2018-05-02-03", MAY_2, "Sekretariat"));

                // then
                assertThat(decisions()).extracting(DecisionView::decisionId)
                        .containsExactly("sg-2018-05-02-03", STRATEGY, "arkivplan-2018", "sg-2019-03-14-04");
            }

            @Test
            void anUnknownDecisionIsNotFound() {
                facts.record(decision(STRATEGY, MAY_2, "Samhandlingsstrategi"));

                assertThat(queries.handle(new FindDecisions(now(), "sg-2018-05-02-08")).decisions()).isEmpty();
            }
        }

        @Nested
        class Corrections {

            @Test
            void aCorrectionReplacesTextAndPointsWhileTheOriginalStaysInRecorded() {
                // given
                SteeringGroupDecisionRecorded original = new SteeringGroupDecisionRecorded(STRATEGY, MAY_2, "7/18",
                        "Samhandlingsstrategi", "Strategien vedtas.", List.of("1. Strategien vedtas"));
                facts.record(original);
                RecordedEvent correction = facts.record("auditor", new SteeringGroupDecisionCorrected(STRATEGY,
                        "Strategien vedtas for 2018-2021.", List.of("1. Strategien vedtas", "2. Sekretariat opprettes"),
                        "Punkt 2 manglet"));

                // when
                DecisionView view = decisionView(STRATEGY);

                // then
                assertThat(view.text()).isEqualTo("Strategien vedtas for 2018-2021.");
                assertThat(view.points()).containsExactly("1. Strategien vedtas", "2. Sekretariat opprettes");
                assertThat(view.recorded().event()).isEqualTo(original);
                assertThat(view.corrections()).containsExactly(correction.toEntry());
                assertThat(view.corrections().get(0).actor()).isEqualTo("auditor");
            }

            @Test
            void correctionsAreKeptInOrderAndTheLastOneHolds() {
                facts.record(decision(STRATEGY, MAY_2, "Samhandlingsstrategi"));
                RecordedEvent first = facts.record(new SteeringGroupDecisionCorrected(STRATEGY, "A", List.of("a"),
                        "1"));
                RecordedEvent second = facts.record(new SteeringGroupDecisionCorrected(STRATEGY, "B", List.of("b"),
                        "2"));

                DecisionView view = decisionView(STRATEGY);

                assertThat(view.text()).isEqualTo("B");
                assertThat(view.points()).containsExactly("b");
                assertThat(view.corrections()).containsExactly(first.toEntry(), second.toEntry());
            }

            @Test
            void aCorrectionOfAnUnrecordedDecisionIsLeftOut() {
                facts.record(new SteeringGroupDecisionCorrected(STRATEGY, "A", List.of(), "1"));

                assertThat(decisions()).isEmpty();
            }

            @Test
            void aCorrectionRecordedBeforeTheDecisionIsLeftOutOnceTheDecisionIsRecorded() {
                facts.recordAll(new SteeringGroupDecisionCorrected(STRATEGY, "A", List.of("a"), "1"),
                        decision(STRATEGY, MAY_2, "Samhandlingsstrategi"));

                DecisionView view = decisionView(STRATEGY);

                assertThat(view.corrections()).isEmpty();
                assertThat(view.text()).isEqualTo("Rådmannsutvalget vedtok: Samhandlingsstrategi.");
            }

            @Test
            void aCorrectionHoldsFromItsRecordingAtEveryDateTheDecisionIsInEffect() {
                facts.record(decision(STRATEGY, MAY_2, "Samhandlingsstrategi"));
                RecordedEvent correction = facts.record(new SteeringGroupDecisionCorrected(STRATEGY, "A",
                        List.of("a"), "1"));

                assertThat(strategyAt(new ReadPoint(MAY_2, null)).corrections()).containsExactly(correction.toEntry());
                assertThat(strategyAt(new ReadPoint(MAY_2, correction.recordedAt().minusSeconds(1))).text())
                        .isEqualTo("Rådmannsutvalget vedtok: Samhandlingsstrategi.");
                assertThat(queries.handle(new FindDecisions(new ReadPoint(MAY_2.minusDays(1), null), STRATEGY))
                        .decisions()).isEmpty();
            }
        }

        @Nested
        class Citations {

            @Test
            void eventsCitingTheDecisionThroughADecisionIdFieldOrAnAuthorityAreListedInLedgerOrder() {
                // given
                facts.record(decision(STRATEGY, MAY_2, "Samhandlingsstrategi"));
                RecordedEvent approved = facts.record(new InitiativeApproved("felles-sak-arkiv", STRATEGY,
                        Money.nok(new BigDecimal("1500000.00"))));
                RecordedEvent budget = facts.record(new SecretariatBudgetSet(2019, new BigDecimal("2.0"),
                        new BigDecimal("2400000.00"), STRATEGY));
                RecordedEvent eFagraad = facts.record(new EFagraadEstablished("fosen", LocalDate.of(2018, 9, 1),
                        Authority.ofDecision(STRATEGY)));

                // when
                DecisionView view = decisionView(STRATEGY);

                // then
                assertThat(view.citedBy()).containsExactly(approved.toEntry(), budget.toEntry(), eFagraad.toEntry());
                assertThat(view.citedBy()).extracting(HistoryEntry::type)
                        .containsExactly("InitiativeApproved", "SecretariatBudgetSet", "EFagraadEstablished");
                assertThat(view.citedBy().get(0).effectiveOn()).isEqualTo(MAY_2);
            }

            @Test
            void anEventCitingAnExternalDecisionCitesNoSteeringGroupDecision() {
                facts.recordAll(decision(STRATEGY, MAY_2, "Samhandlingsstrategi"),
                        INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                        new CollaborationJoined("5001", LocalDate.of(2018, 6, 1), null));

                assertThat(decisionView(STRATEGY).citedBy()).isEmpty();
            }

            @Test
            void citationsAreListedUnderTheDecisionTheyCiteOnly() {
                facts.recordAll(decision(STRATEGY, MAY_2, "Samhandlingsstrategi"),
                        decision("sg-2019-03-14-04", LocalDate.of(2019, 3, 14), "Budsjett 2020"));
                RecordedEvent budget = facts.record(new SecretariatBudgetSet(2020, new BigDecimal("2.0"),
                        new BigDecimal("2000000.00"), "sg-2019-03-14-04"));

                assertThat(decisionView(STRATEGY).citedBy()).isEmpty();
                assertThat(decisionView("sg-2019-03-14-04").citedBy()).containsExactly(budget.toEntry());
            }

            @Test
            void aCitationOfAnUnrecordedDecisionIsLeftOut() {
                facts.recordAll(new InitiativeApproved("felles-sak-arkiv", STRATEGY, Money.nok(BigDecimal.TEN)),
                        decision(STRATEGY, MAY_2, "Samhandlingsstrategi"));

                assertThat(decisionView(STRATEGY).citedBy()).isEmpty();
            }
        }
    }
}
