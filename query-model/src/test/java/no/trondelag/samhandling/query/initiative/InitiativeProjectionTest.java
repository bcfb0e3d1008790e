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
import java.time.Instant;
import java.time.LocalDate;
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
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.query.funding.FundingProjection;
import no.trondelag.samhandling.query.initiative.InitiativeProjection.Initiative;
import no.trondelag.samhandling.query.initiative.InitiativeProjection.Status;
import no.trondelag.samhandling.query.projection.Projections;
import no.trondelag.samhandling.query.projection.RecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The initiatives projection: three joint initiatives at several read points, and single facts one after another.
 */
class InitiativeProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final String SAK_ARKIV = "felles-sak-arkiv";
    private static final String VELFERD = "velferdsteknologi";
    private static final String LEDERE = "eleder";
    private static final String STRATEGY = "sg-2018-05-02-07";
    private static final String CANCELLATION = "sg-2019-03-14-04";
    private static final String COMPLETION = "sg-2020-06-11-05";

    private final Projections facts = new Projections();
    private final InitiativeProjection queries = facts.initiatives();

    /**
     * Three joint initiatives: the joint case and records system (approved in May 2018, completed June 2020), a
     * welfare technology initiative (approved, then cancelled in March 2019) and a leadership programme still only
     * proposed.
     */
    private void initiatives() {
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

    /** The three initiatives (see {@link #initiatives()}) at several read points. */
    @Nested
    class ThreeInitiatives {

        @BeforeEach
        void history() {
            initiatives();
        }

        @Test
        void everyInitiativeIsReportedById() {
            InitiativesReport report = queries.handle(new FindInitiatives(now()));

            assertThat(report.initiatives()).extracting(InitiativeView::initiativeId)
                    .containsExactly(LEDERE, SAK_ARKIV, VELFERD);
            assertThat(report.meta()).isEqualTo(new ReportMeta(TODAY, null, facts.last().position(),
                    facts.last().position() + 1));
        }

        @Test
        void theCompletedCaseAndRecordsInitiativeToday() {
            assertThat(initiative(now(), SAK_ARKIV)).isEqualTo(new InitiativeView(SAK_ARKIV,
                    "Felles sak- og arkivsystem", "COMPLETED", Pillar.PRIORITISED_INITIATIVES, List.of(3, 4), STRATEGY,
                    new BigDecimal("1500000.00"), Map.of(
                            "fosen", List.of("5054"),
                            FundingProjection.NO_REGION, List.of("817920632"),
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
                assertThat(cancelled.participantsByRegion())
                        .containsExactly(entry("trondheimsregionen", List.of("5001")));
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
                        entry(FundingProjection.NO_REGION, List.of("817920632")),
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
                Instant beforeOrlandLeft = facts.first(InitiativeLeft.class).recordedAt().minusSeconds(1);

                InitiativeView initiative = initiative(new ReadPoint(TODAY, beforeOrlandLeft), SAK_ARKIV);

                assertThat(initiative.participantsByRegion().get("fosen")).containsExactly("5054", "5015");
                assertThat(initiative.status()).isEqualTo("APPROVED");
                assertThat(initiative.lastMilestone().milestone()).isEqualTo("Anskaffelse");
            }
        }

        @Test
        void knownBeforeTheCompletionWasRecordedTheInitiativeIsStillApprovedToday() {
            RecordedEvent completed = facts.first(InitiativeCompleted.class);

            InitiativeView before = initiative(new ReadPoint(TODAY, completed.recordedAt().minusSeconds(1)), SAK_ARKIV);
            InitiativeView at = initiative(new ReadPoint(TODAY, completed.recordedAt()), SAK_ARKIV);

            assertThat(before.status()).isEqualTo("APPROVED");
            assertThat(before.closedOn()).isNull();
            assertThat(at.status()).isEqualTo("COMPLETED");
            assertThat(at.closedOn()).isEqualTo(LocalDate.of(2020, 6, 30));
        }

        @Test
        void participantsArePlacedInTheirRegionOnTheDateRead() {
            // given Indre Fosen moves to Trondheimsregionen in 2021
            facts.record(new ParticipantMovedToRegion("5054", "fosen", "trondheimsregionen",
                    LocalDate.of(2021, 1, 1), INDRE_FOSEN.council(LocalDate.of(2020, 11, 5))));

            assertThat(initiative(asOf(2020, 12, 31), SAK_ARKIV).participantsByRegion())
                    .containsEntry("fosen", List.of("5054"))
                    .containsEntry("trondheimsregionen", List.of("5001"));
            assertThat(initiative(now(), SAK_ARKIV).participantsByRegion())
                    .doesNotContainKey("fosen")
                    .containsEntry("trondheimsregionen", List.of("5054", "5001"));
        }
    }

    /** One fact after another, as the old fold of the initiatives view applied them. */
    @Nested
    class OneFactAfterAnother {

        private static final InitiativeProposed PROPOSED = new InitiativeProposed(SAK_ARKIV,
                "Felles sak- og arkivsystem", "Ett sak- og arkivsystem for kommunene i Trøndelag",
                Pillar.PRIORITISED_INITIATIVES, List.of(3, 4), "5054");

        private Initiative only() {
            List<Initiative> initiatives = queries.at(queries.readAt(now()));
            assertThat(initiatives).hasSize(1);
            return initiatives.get(0);
        }

        @Nested
        class Lifecycle {

            @Test
            void aProposedInitiativeIsNotYetActive() {
                facts.record(PROPOSED);

                Initiative initiative = only();

                assertThat(initiative.initiativeId()).isEqualTo(SAK_ARKIV);
                assertThat(initiative.title()).isEqualTo("Felles sak- og arkivsystem");
                assertThat(initiative.pillar()).isEqualTo(Pillar.PRIORITISED_INITIATIVES);
                assertThat(initiative.goals()).containsExactly(3, 4);
                assertThat(initiative.status()).isEqualTo(Status.PROPOSED);
                assertThat(initiative.active()).isFalse();
                assertThat(initiative.approvedBy()).isNull();
                assertThat(initiative.budget()).isNull();
                assertThat(initiative(now(), SAK_ARKIV)).isEqualTo(new InitiativeView(SAK_ARKIV,
                        "Felles sak- og arkivsystem", "PROPOSED", Pillar.PRIORITISED_INITIATIVES, List.of(3, 4), null,
                        null, Map.of(), 0, null, null));
            }

            @Test
            void anApprovedInitiativeIsActiveWithItsDecisionAndBudget() {
                facts.recordAll(PROPOSED, new InitiativeApproved(SAK_ARKIV, "sg-2018-05-02-07",
                        Money.nok(new BigDecimal("1500000.00"))));

                Initiative initiative = only();

                assertThat(initiative.status()).isEqualTo(Status.APPROVED);
                assertThat(initiative.active()).isTrue();
                assertThat(initiative.approvedBy()).isEqualTo("sg-2018-05-02-07");
                assertThat(initiative.budget()).isEqualTo(Money.nok(new BigDecimal("1500000.00")));
                assertThat(initiative(now(), SAK_ARKIV).budgetNok()).isEqualTo(new BigDecimal("1500000.00"));
            }

            @Test
            void aCompletedInitiativeIsClosedOnItsEffectiveDate() {
                facts.recordAll(PROPOSED, new InitiativeApproved(SAK_ARKIV, "sg-1", Money.nok(BigDecimal.TEN)),
                        new InitiativeCompleted(SAK_ARKIV, LocalDate.of(2020, 6, 30), "sg-2"));

                Initiative initiative = only();

                assertThat(initiative.status()).isEqualTo(Status.COMPLETED);
                assertThat(initiative.active()).isFalse();
                assertThat(initiative.closedOn()).isEqualTo(LocalDate.of(2020, 6, 30));
                assertThat(initiative.approvedBy()).isEqualTo("sg-1");
                Initiative before = queries.at(queries.readAt(asOf(2020, 6, 29))).get(0);
                assertThat(before.active()).isTrue();
                assertThat(before.closedOn()).isNull();
            }

            @Test
            void aCancelledInitiativeIsNeitherActiveNorClosedOnADate() {
                facts.recordAll(PROPOSED, new InitiativeApproved(SAK_ARKIV, "sg-1", Money.nok(BigDecimal.TEN)),
                        new InitiativeCancelled(SAK_ARKIV, "sg-2", "Erstattet av nasjonal løsning"));

                Initiative initiative = only();

                assertThat(initiative.status()).isEqualTo(Status.CANCELLED);
                assertThat(initiative.active()).isFalse();
                assertThat(initiative.closedOn()).isNull();
            }
        }

        @Nested
        class Participants {

            @Test
            void participantsAreKeptInTheOrderTheyJoinedAndLeaveWhenTheyLeave() {
                facts.recordAll(PROPOSED,
                        new InitiativeJoined(SAK_ARKIV, "5054", LocalDate.of(2018, 9, 1)),
                        new InitiativeJoined(SAK_ARKIV, "5015", LocalDate.of(2018, 9, 3)),
                        new InitiativeJoined(SAK_ARKIV, "5001", LocalDate.of(2018, 10, 1)),
                        new InitiativeLeft(SAK_ARKIV, "5015", LocalDate.of(2019, 6, 30)));

                assertThat(only().participants()).containsExactly("5054", "5001");
                assertThat(queries.at(queries.readAt(asOf(2019, 6, 29))).get(0).participants())
                        .containsExactly("5054", "5015", "5001");
            }

            @Test
            void aParticipantWhoRejoinsIsListedOnce() {
                facts.recordAll(PROPOSED,
                        new InitiativeJoined(SAK_ARKIV, "5054", LocalDate.of(2018, 9, 1)),
                        new InitiativeLeft(SAK_ARKIV, "5054", LocalDate.of(2019, 1, 1)),
                        new InitiativeJoined(SAK_ARKIV, "5020", LocalDate.of(2019, 2, 1)),
                        new InitiativeJoined(SAK_ARKIV, "5054", LocalDate.of(2019, 3, 1)));

                assertThat(only().participants()).containsExactly("5020", "5054");
                assertThat(initiative(now(), SAK_ARKIV).participantCount()).isEqualTo(2);
                assertThat(queries.at(queries.readAt(asOf(2019, 2, 1))).get(0).participants())
                        .containsExactly("5020");
            }

            @Test
            void aJoinWhileTakingPartChangesNothing() {
                facts.recordAll(PROPOSED,
                        new InitiativeJoined(SAK_ARKIV, "5054", LocalDate.of(2018, 9, 1)),
                        new InitiativeJoined(SAK_ARKIV, "5020", LocalDate.of(2018, 10, 1)),
                        new InitiativeJoined(SAK_ARKIV, "5054", LocalDate.of(2018, 11, 1)));

                assertThat(only().participants()).containsExactly("5054", "5020");
            }
        }

        @Test
        void theLastMilestoneRecordedIsKept() {
            facts.recordAll(PROPOSED,
                    new InitiativeMilestoneReached(SAK_ARKIV, "Kravspesifikasjon", LocalDate.of(2018, 12, 1), 30),
                    new InitiativeMilestoneReached(SAK_ARKIV, "Anskaffelse", LocalDate.of(2019, 6, 1), 60));

            assertThat(only().lastMilestone()).isEqualTo(new Milestone("Anskaffelse", LocalDate.of(2019, 6, 1), 60));
        }

        @Test
        void factsAboutAnInitiativeNotProposedAreLeftOut() {
            facts.recordAll(new InitiativeApproved("ukjent", "sg-1", Money.nok(BigDecimal.TEN)),
                    new InitiativeJoined("ukjent", "5054", LocalDate.of(2018, 9, 1)),
                    new InitiativeCompleted("ukjent", LocalDate.of(2019, 1, 1), "sg-2"));

            assertThat(queries.at(queries.readAt(now()))).isEmpty();
            assertThat(queries.handle(new FindInitiatives(now())).initiatives()).isEmpty();
        }

        @Test
        void initiativesAreListedById() {
            facts.recordAll(PROPOSED, new InitiativeProposed("digitale-innbyggertjenester", "Innbyggertjenester", "",
                    Pillar.PRIORITISED_INITIATIVES, List.of(1, 4), "5001"), new InitiativeProposed("eleder",
                    "Kompetanseprogram for ledere", "", Pillar.COMPETENCE, List.of(2), "5054"));

            assertThat(queries.at(queries.readAt(now()))).extracting(Initiative::initiativeId)
                    .containsExactly("digitale-innbyggertjenester", "eleder", SAK_ARKIV);
        }
    }

}
