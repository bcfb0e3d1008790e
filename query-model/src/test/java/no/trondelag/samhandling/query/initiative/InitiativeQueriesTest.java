package no.trondelag.samhandling.query.initiative;

import static no.trondelag.samhandling.query.ledger.Trondelag.COUNTY_AUTHORITY;
import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.ORLAND;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIM;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIMSREGIONEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.initiative.FindInitiatives;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.InitiativeView;
import no.trondelag.samhandling.api.initiative.InitiativeView.Milestone;
import no.trondelag.samhandling.api.initiative.InitiativesReport;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.query.funding.FundingQueries;
import no.trondelag.samhandling.query.ledger.Facts;
import no.trondelag.samhandling.query.ledger.InMemoryFactLog;
import no.trondelag.samhandling.query.ledger.LedgerReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Three joint initiatives: the joint case and records system (approved in May 2018, completed June 2020), a welfare
 * technology initiative (approved, then cancelled in March 2019) and a leadership programme still only proposed.
 */
class InitiativeQueriesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final String SAK_ARKIV = "felles-sak-arkiv";
    private static final String VELFERD = "velferdsteknologi";
    private static final String LEDERE = "eleder";
    private static final String STRATEGY = "sg-2018-05-02-07";
    private static final String CANCELLATION = "sg-2019-03-14-04";
    private static final String COMPLETION = "sg-2020-06-11-05";

    private final InMemoryFactLog log = new InMemoryFactLog();
    private final Facts facts = new Facts(log);
    private final InitiativeQueries queries = new InitiativeQueries(
            new LedgerReader(log, Clock.fixed(Instant.parse("2024-06-14T10:00:00Z"), ZoneId.of("Europe/Oslo"))));

    @BeforeEach
    void initiatives() {
        facts.recordAll(FOSEN.registered(), TRONDHEIMSREGIONEN.registered(), INDRE_FOSEN.registered(),
                ORLAND.registered(), TRONDHEIM.registered(), COUNTY_AUTHORITY.registered(),
                decision(STRATEGY, LocalDate.of(2018, 5, 2), "Samhandlingsstrategi og felles satsinger"),
                decision(CANCELLATION, LocalDate.of(2019, 3, 14), "Velferdsteknologi avsluttes"),
                decision(COMPLETION, LocalDate.of(2020, 6, 11), "Felles sak/arkiv fullført"),
                INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                ORLAND.joinedByCouncil(LocalDate.of(2018, 9, 1)),
                TRONDHEIM.joinedByCouncil(LocalDate.of(2018, 6, 21)),
                COUNTY_AUTHORITY.joinedOnDecision(LocalDate.of(2018, 5, 2), STRATEGY),
                new InitiativeProposed(SAK_ARKIV, "Felles sak- og arkivsystem", "Ett system for alle",
                        Pillar.PRIORITISED_INITIATIVES, List.of(3, 4), "5054"),
                new InitiativeProposed(VELFERD, "Velferdsteknologi", "Felles anskaffelse",
                        Pillar.PRIORITISED_INITIATIVES, List.of(1, 4), "5001"),
                new InitiativeProposed(LEDERE, "Kompetanseprogram for ledere", "eLeder", Pillar.COMPETENCE,
                        List.of(2), null),
                new InitiativeApproved(SAK_ARKIV, STRATEGY, Money.nok(new BigDecimal("1500000.00"))),
                new InitiativeApproved(VELFERD, STRATEGY, Money.nok(new BigDecimal("500000.00"))),
                new InitiativeJoined(SAK_ARKIV, "5054", LocalDate.of(2018, 9, 1)),
                new InitiativeJoined(SAK_ARKIV, "5015", LocalDate.of(2018, 9, 3)),
                new InitiativeJoined(SAK_ARKIV, "5001", LocalDate.of(2018, 10, 1)),
                new InitiativeJoined(SAK_ARKIV, "817920632", LocalDate.of(2018, 10, 15)),
                new InitiativeJoined(VELFERD, "5001", LocalDate.of(2018, 11, 1)),
                new InitiativeMilestoneReached(SAK_ARKIV, "Kravspesifikasjon", LocalDate.of(2018, 12, 1), 30),
                new InitiativeCancelled(VELFERD, CANCELLATION, "Overført til nasjonal satsing"),
                new InitiativeMilestoneReached(SAK_ARKIV, "Anskaffelse", LocalDate.of(2019, 6, 1), 60),
                new InitiativeLeft(SAK_ARKIV, "5015", LocalDate.of(2019, 6, 30)),
                new InitiativeMilestoneReached(SAK_ARKIV, "Innføring", LocalDate.of(2020, 5, 15), 100),
                new InitiativeCompleted(SAK_ARKIV, LocalDate.of(2020, 6, 30), COMPLETION));
    }

    private InitiativeView initiative(ReadPoint readPoint, String initiativeId) {
        return queries.handle(new FindInitiatives(readPoint)).initiatives().stream()
                .filter(initiative -> initiative.initiativeId().equals(initiativeId))
                .findFirst()
                .orElseThrow();
    }

    private static ReadPoint now() {
        return new ReadPoint(TODAY, null);
    }

    private static ReadPoint asOf(int year, int month, int day) {
        return new ReadPoint(LocalDate.of(year, month, day), null);
    }

    @Test
    void everyInitiativeIsReportedById() {
        InitiativesReport report = queries.handle(new FindInitiatives(now()));

        assertThat(report.initiatives()).extracting(InitiativeView::initiativeId)
                .containsExactly(LEDERE, SAK_ARKIV, VELFERD);
        assertThat(report.meta()).isEqualTo(new ReportMeta(TODAY, null, facts.last().position(), facts.last().position() + 1));
    }

    @Test
    void theCompletedCaseAndRecordsInitiativeToday() {
        assertThat(initiative(now(), SAK_ARKIV)).isEqualTo(new InitiativeView(SAK_ARKIV,
                "Felles sak- og arkivsystem", "COMPLETED", Pillar.PRIORITISED_INITIATIVES, List.of(3, 4), STRATEGY,
                new BigDecimal("1500000.00"), Map.of(
                        "fosen", List.of("5054"),
                        FundingQueries.NO_REGION, List.of("817920632"),
                        "trondheimsregionen", List.of("5001")),
                3, new Milestone("Innføring", LocalDate.of(2020, 5, 15), 100), LocalDate.of(2020, 6, 30)));
    }

    @Test
    void theBudgetIsReportedInKronerAndOnlyInKroner() {
        // given: an approval in another currency, which no command of the ledger can make
        facts.recordAll(new InitiativeProposed("eu-prosjekt", "EU-prosjekt", null, Pillar.COMPETENCE, List.of(2),
                        null),
                new InitiativeApproved("eu-prosjekt", STRATEGY, new Money(new BigDecimal("10000.00"), "EUR")));

        // when
        Throwable thrown = catchThrowable(() -> queries.handle(new FindInitiatives(now())));

        // then
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("EUR");
    }

    @Nested
    class StatusOverTime {

        @Test
        void beforeTheApprovingMeetingTheInitiativeWasOnlyProposed() {
            InitiativeView initiative = initiative(asOf(2018, 5, 1), SAK_ARKIV);

            assertThat(initiative.status()).isEqualTo("PROPOSED");
            assertThat(initiative.approvedByDecisionId()).isNull();
            assertThat(initiative.budgetNok()).isNull();
            assertThat(initiative.participantCount()).isZero();
        }

        @Test
        void fromTheApprovingMeetingItWasApproved() {
            InitiativeView initiative = initiative(asOf(2018, 5, 2), SAK_ARKIV);

            assertThat(initiative.status()).isEqualTo("APPROVED");
            assertThat(initiative.approvedByDecisionId()).isEqualTo(STRATEGY);
        }

        @Test
        void theDayBeforeCompletionItWasStillApprovedAndNotClosed() {
            InitiativeView initiative = initiative(asOf(2020, 6, 29), SAK_ARKIV);

            assertThat(initiative.status()).isEqualTo("APPROVED");
            assertThat(initiative.closedOn()).isNull();
            assertThat(initiative.lastMilestone()).isEqualTo(new Milestone("Innføring", LocalDate.of(2020, 5, 15),
                    100));
        }

        @Test
        void aCancelledInitiativeIsCancelledFromTheCancellingMeetingAndHasNoClosingDate() {
            assertThat(initiative(asOf(2019, 3, 13), VELFERD).status()).isEqualTo("APPROVED");
            InitiativeView cancelled = initiative(asOf(2019, 3, 14), VELFERD);
            assertThat(cancelled.status()).isEqualTo("CANCELLED");
            assertThat(cancelled.closedOn()).isNull();
            assertThat(cancelled.participantsByRegion()).containsExactly(entry("trondheimsregionen", List.of("5001")));
        }

        @Test
        void aProposalNeverDecidedStaysProposedWithoutParticipants() {
            InitiativeView proposal = initiative(now(), LEDERE);

            assertThat(proposal.status()).isEqualTo("PROPOSED");
            assertThat(proposal.pillar()).isEqualTo(Pillar.COMPETENCE);
            assertThat(proposal.goals()).containsExactly(2);
            assertThat(proposal.participantsByRegion()).isEmpty();
            assertThat(proposal.participantCount()).isZero();
            assertThat(proposal.lastMilestone()).isNull();
        }
    }

    @Nested
    class ParticipantsAndMilestones {

        @Test
        void atTheEndOf2018OrlandTookPartAndTheFirstMilestoneWasReached() {
            // when
            InitiativeView initiative = initiative(asOf(2018, 12, 31), SAK_ARKIV);

            // then
            assertThat(initiative.participantsByRegion()).containsExactly(
                    entry("fosen", List.of("5054", "5015")),
                    entry(FundingQueries.NO_REGION, List.of("817920632")),
                    entry("trondheimsregionen", List.of("5001")));
            assertThat(initiative.participantCount()).isEqualTo(4);
            assertThat(initiative.lastMilestone())
                    .isEqualTo(new Milestone("Kravspesifikasjon", LocalDate.of(2018, 12, 1), 30));
        }

        @Test
        void participantsAreCountedOnlyFromTheDateTheyJoined() {
            InitiativeView initiative = initiative(asOf(2018, 9, 2), SAK_ARKIV);

            assertThat(initiative.participantsByRegion()).containsExactly(entry("fosen", List.of("5054")));
            assertThat(initiative.participantCount()).isEqualTo(1);
            assertThat(initiative.lastMilestone()).isNull();
        }

        @Test
        void whatWasKnownBeforeOrlandLeftWasRecordedStillListsOrland() {
            Instant beforeOrlandLeft = facts.all().stream()
                    .filter(fact -> fact.event() instanceof InitiativeLeft)
                    .findFirst().orElseThrow()
                    .recordedAt().minusSeconds(1);

            InitiativeView initiative = initiative(new ReadPoint(TODAY, beforeOrlandLeft), SAK_ARKIV);

            assertThat(initiative.participantsByRegion().get("fosen")).containsExactly("5054", "5015");
            assertThat(initiative.status()).isEqualTo("APPROVED");
            assertThat(initiative.lastMilestone().milestone()).isEqualTo("Anskaffelse");
        }
    }
}
