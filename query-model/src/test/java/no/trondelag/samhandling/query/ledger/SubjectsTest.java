package no.trondelag.samhandling.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
import org.junit.jupiter.api.Test;

class SubjectsTest {

    private static final LocalDate DATE = LocalDate.of(2019, 3, 1);

    @Test
    void anEventAboutOneParticipantConcernsThatParticipant() {
        assertThat(Subjects.participantsOf(new CollaborationJoined("5054", DATE, null))).containsExactly("5054");
        assertThat(Subjects.participantsOf(new DigitalMaturityAssessed("5015", DATE, BigDecimal.ONE, "KS")))
                .containsExactly("5015");
    }

    @Test
    void eventsOfOtherAggregatesConcernTheParticipantsTheyName() {
        assertThat(Subjects.participantsOf(new InitiativeJoined("felles-sak-arkiv", "5020", DATE)))
                .containsExactly("5020");
        assertThat(Subjects.participantsOf(new StrategyGroupRepresentativeAppointed("fosen", "5054", DATE, null)))
                .containsExactly("5054");
        assertThat(Subjects.participantsOf(new SecretariatFundingPledged(2019, "5001", BigDecimal.TEN, null)))
                .containsExactly("5001");
    }

    @Test
    void aMergeConcernsThePredecessorTheSuccessorAndEveryOtherPredecessorSorted() {
        // given Agdenes merged into the new Orkland with Meldal, Orkdal and part of Snillfjord
        ParticipantMergedInto merged = new ParticipantMergedInto("5016", "5059", "Orkland",
                List.of("5016", "5023", "5024", "5012"), "orkdalsregionen", 18500, DATE,
                Authority.external("Stortinget", "Prop. 96 S", DATE));

        // then
        assertThat(Subjects.participantsOf(merged)).containsExactly("5012", "5016", "5023", "5024", "5059");
    }

    @Test
    void eventsNamingNoParticipantConcernNobody() {
        assertThat(Subjects.participantsOf(new RegionRegistered("fosen", "Fosen regionråd"))).isEmpty();
        assertThat(Subjects.participantsOf(new SteeringGroupDecisionRecorded("sg-2018-05-02-07", DATE, "7/18",
                "Samhandlingsstrategi", "Vedtatt", List.of()))).isEmpty();
        assertThat(Subjects.participantsOf(new SecretariatBudgetSet(2019, BigDecimal.ONE, BigDecimal.TEN,
                "sg-2018-05-02-07"))).isEmpty();
    }
}
