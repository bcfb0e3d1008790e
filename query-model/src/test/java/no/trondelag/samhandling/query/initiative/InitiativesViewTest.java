package no.trondelag.samhandling.query.initiative;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeCancelled;
import no.trondelag.samhandling.api.initiative.InitiativeCompleted;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeLeft;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.InitiativeView.Milestone;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.query.initiative.InitiativesView.Initiative;
import no.trondelag.samhandling.query.initiative.InitiativesView.Status;
import no.trondelag.samhandling.query.ledger.Facts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InitiativesViewTest {

    private static final String SAK_ARKIV = "felles-sak-arkiv";
    private static final InitiativeProposed PROPOSED = new InitiativeProposed(SAK_ARKIV, "Felles sak- og arkivsystem",
            "Ett sak- og arkivsystem for kommunene i Trøndelag", Pillar.PRIORITISED_INITIATIVES, List.of(3, 4),
            "5054");

    private final Facts facts = new Facts();

    private Initiative initiative() {
        return facts.foldInto(new InitiativesView()).initiatives().get(0);
    }

    @Nested
    class Lifecycle {

        @Test
        void aProposedInitiativeIsNotYetActive() {
            facts.record(PROPOSED);

            Initiative initiative = initiative();

            assertThat(initiative.initiativeId()).isEqualTo(SAK_ARKIV);
            assertThat(initiative.title()).isEqualTo("Felles sak- og arkivsystem");
            assertThat(initiative.pillar()).isEqualTo(Pillar.PRIORITISED_INITIATIVES);
            assertThat(initiative.goals()).containsExactly(3, 4);
            assertThat(initiative.status()).isEqualTo(Status.PROPOSED);
            assertThat(initiative.active()).isFalse();
            assertThat(initiative.approvedBy()).isNull();
            assertThat(initiative.budget()).isNull();
        }

        @Test
        void anApprovedInitiativeIsActiveWithItsDecisionAndBudget() {
            facts.recordAll(PROPOSED, new InitiativeApproved(SAK_ARKIV, "sg-2018-05-02-07",
                    Money.nok(new BigDecimal("1500000.00"))));

            Initiative initiative = initiative();

            assertThat(initiative.status()).isEqualTo(Status.APPROVED);
            assertThat(initiative.active()).isTrue();
            assertThat(initiative.approvedBy()).isEqualTo("sg-2018-05-02-07");
            assertThat(initiative.budget()).isEqualTo(Money.nok(new BigDecimal("1500000.00")));
        }

        @Test
        void aCompletedInitiativeIsClosedOnItsEffectiveDate() {
            facts.recordAll(PROPOSED, new InitiativeApproved(SAK_ARKIV, "sg-1", Money.nok(BigDecimal.TEN)),
                    new InitiativeCompleted(SAK_ARKIV, LocalDate.of(2020, 6, 30), "sg-2"));

            Initiative initiative = initiative();

            assertThat(initiative.status()).isEqualTo(Status.COMPLETED);
            assertThat(initiative.active()).isFalse();
            assertThat(initiative.closedOn()).isEqualTo(LocalDate.of(2020, 6, 30));
            assertThat(initiative.approvedBy()).isEqualTo("sg-1");
        }

        @Test
        void aCancelledInitiativeIsNeitherActiveNorClosedOnADate() {
            facts.recordAll(PROPOSED, new InitiativeApproved(SAK_ARKIV, "sg-1", Money.nok(BigDecimal.TEN)),
                    new InitiativeCancelled(SAK_ARKIV, "sg-2", "Erstattet av nasjonal løsning"));

            Initiative initiative = initiative();

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

            assertThat(initiative().participants()).containsExactly("5054", "5001");
        }

        @Test
        void aParticipantWhoRejoinsIsListedOnce() {
            facts.recordAll(PROPOSED,
                    new InitiativeJoined(SAK_ARKIV, "5054", LocalDate.of(2018, 9, 1)),
                    new InitiativeLeft(SAK_ARKIV, "5054", LocalDate.of(2019, 1, 1)),
                    new InitiativeJoined(SAK_ARKIV, "5020", LocalDate.of(2019, 2, 1)),
                    new InitiativeJoined(SAK_ARKIV, "5054", LocalDate.of(2019, 3, 1)));

            assertThat(initiative().participants()).containsExactly("5020", "5054");
        }
    }

    @Test
    void theLastMilestoneRecordedIsKept() {
        facts.recordAll(PROPOSED,
                new InitiativeMilestoneReached(SAK_ARKIV, "Kravspesifikasjon", LocalDate.of(2018, 12, 1), 30),
                new InitiativeMilestoneReached(SAK_ARKIV, "Anskaffelse", LocalDate.of(2019, 6, 1), 60));

        assertThat(initiative().lastMilestone())
                .isEqualTo(new Milestone("Anskaffelse", LocalDate.of(2019, 6, 1), 60));
    }

    @Test
    void factsAboutAnInitiativeNotProposedAreLeftOut() {
        facts.recordAll(new InitiativeApproved("ukjent", "sg-1", Money.nok(BigDecimal.TEN)),
                new InitiativeJoined("ukjent", "5054", LocalDate.of(2018, 9, 1)),
                new InitiativeCompleted("ukjent", LocalDate.of(2019, 1, 1), "sg-2"));

        assertThat(facts.foldInto(new InitiativesView()).initiatives()).isEmpty();
    }

    @Test
    void initiativesAreListedById() {
        facts.recordAll(PROPOSED, new InitiativeProposed("digitale-innbyggertjenester", "Innbyggertjenester", "",
                Pillar.PRIORITISED_INITIATIVES, List.of(1, 4), "5001"), new InitiativeProposed("eleder",
                "Kompetanseprogram for ledere", "", Pillar.COMPETENCE, List.of(2), "5054"));

        assertThat(facts.foldInto(new InitiativesView()).initiatives()).extracting(Initiative::initiativeId)
                .containsExactly("digitale-innbyggertjenester", "eleder", SAK_ARKIV);
    }
}
