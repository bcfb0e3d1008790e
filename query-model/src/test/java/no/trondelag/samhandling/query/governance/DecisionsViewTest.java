package no.trondelag.samhandling.query.governance;

import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.query.ledger.Facts;
import no.trondelag.samhandling.query.ledger.LedgerFact;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DecisionsViewTest {

    private static final String STRATEGY = "sg-2018-05-02-07";
    private static final LocalDate MAY_2 = LocalDate.of(2018, 5, 2);

    private final Facts facts = new Facts();

    private DecisionView decisionView(String decisionId) {
        return facts.foldInto(new DecisionsView()).decision(decisionId).orElseThrow();
    }

    @Nested
    class Recording {

        @Test
        void aRecordedDecisionShowsItsFieldsAndTheEventThatRecordedIt() {
            // given
            LedgerFact recorded = facts.record(decision(STRATEGY, MAY_2, "Samhandlingsstrategi for digitalisering"));

            // when
            DecisionView view = decisionView(STRATEGY);

            // then
            assertThat(view.decisionId()).isEqualTo(STRATEGY);
            assertThat(view.meetingDate()).isEqualTo(MAY_2);
            assertThat(view.caseNumber()).isEqualTo("RU-2018-05-02-07");
            assertThat(view.title()).isEqualTo("Samhandlingsstrategi for digitalisering");
            assertThat(view.recorded()).isEqualTo(new HistoryEntry(recorded.position(), recorded.recordedAt(), MAY_2,
                    "SteeringGroupDecisionRecorded", Facts.SECRETARIAT, null, recorded.event()));
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
            assertThat(facts.foldInto(new DecisionsView()).decisions()).extracting(DecisionView::decisionId)
                    .containsExactly("sg-2018-05-02-03", STRATEGY, "arkivplan-2018", "sg-2019-03-14-04");
        }

        @Test
        void anUnknownDecisionIsNotFound() {
            facts.record(decision(STRATEGY, MAY_2, "Samhandlingsstrategi"));

            assertThat(facts.foldInto(new DecisionsView()).decision("sg-2018-05-02-08")).isEmpty();
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
            LedgerFact correction = facts.record("auditor", new SteeringGroupDecisionCorrected(STRATEGY,
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
            LedgerFact first = facts.record(new SteeringGroupDecisionCorrected(STRATEGY, "A", List.of("a"), "1"));
            LedgerFact second = facts.record(new SteeringGroupDecisionCorrected(STRATEGY, "B", List.of("b"), "2"));

            DecisionView view = decisionView(STRATEGY);

            assertThat(view.text()).isEqualTo("B");
            assertThat(view.points()).containsExactly("b");
            assertThat(view.corrections()).containsExactly(first.toEntry(), second.toEntry());
        }

        @Test
        void aCorrectionOfAnUnrecordedDecisionIsLeftOut() {
            facts.record(new SteeringGroupDecisionCorrected(STRATEGY, "A", List.of(), "1"));

            assertThat(facts.foldInto(new DecisionsView()).decisions()).isEmpty();
        }
    }

    @Nested
    class Citations {

        @Test
        void eventsCitingTheDecisionThroughADecisionIdFieldOrAnAuthorityAreListedInLedgerOrder() {
            // given
            facts.record(decision(STRATEGY, MAY_2, "Samhandlingsstrategi"));
            LedgerFact approved = facts.record(new InitiativeApproved("felles-sak-arkiv", STRATEGY,
                    Money.nok(new BigDecimal("1500000.00"))));
            LedgerFact budget = facts.record(new SecretariatBudgetSet(2019, new BigDecimal("2.0"),
                    new BigDecimal("2400000.00"), STRATEGY));
            LedgerFact eFagraad = facts.record(new EFagraadEstablished("fosen", LocalDate.of(2018, 9, 1),
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
            LedgerFact budget = facts.record(new SecretariatBudgetSet(2020, new BigDecimal("2.0"),
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
