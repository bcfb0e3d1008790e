package no.trondelag.samhandling.command.region;

import static no.trondelag.samhandling.command.common.ExpectedRejections.conflict;

import java.time.LocalDate;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.region.AppointStrategyGroupRepresentative;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.EstablishEFagraad;
import no.trondelag.samhandling.api.region.RegionRegistered;
import no.trondelag.samhandling.api.region.RegisterRegion;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
import no.trondelag.samhandling.command.common.InMemoryCommandLookups;
import no.trondelag.samhandling.command.common.Rule;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegionTest {

    private static final String FOSEN = "fosen";
    private static final RegionRegistered FOSEN_REGISTERED = new RegionRegistered(FOSEN, "Fosen regionråd");
    private static final String STEERING_DECISION = "sg-2018-05-02-07";
    private static final Authority BY_STEERING_DECISION = Authority.ofDecision(STEERING_DECISION);
    private static final Authority BY_REGIONAL_COUNCIL =
            Authority.external("Fosen regionråd", "18/12", LocalDate.of(2018, 9, 14));
    private static final LocalDate SEPTEMBER_2018 = LocalDate.of(2018, 9, 14);
    private static final String INDRE_FOSEN = "5054";

    private AggregateTestFixture<Region> fixture;
    private InMemoryCommandLookups lookups;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Region.class);
        lookups = new InMemoryCommandLookups();
        fixture.registerInjectableResource(lookups);
    }

    @Nested
    class RegisterRegionCommand {

        @Test
        void registersRegionUnderItsSlug() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterRegion(FOSEN, "Fosen regionråd"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(FOSEN_REGISTERED);
        }

        @Test
        void regionIdIsRegisteredOnlyOnce() {
            // given
            lookups.withRegions(FOSEN);

            // when / then
            fixture.givenNoPriorActivity()
                    .when(new RegisterRegion(FOSEN, "Fosen regionråd igjen"))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.REGION_ALREADY_REGISTERED,
                            "Region fosen is already registered"))
                    .expectNoEvents();
        }

        @Test
        void anotherRegionDoesNotBlockRegistration() {
            lookups.withRegions("namdal");

            fixture.givenNoPriorActivity()
                    .when(new RegisterRegion(FOSEN, "Fosen regionråd"))
                    .expectEvents(FOSEN_REGISTERED);
        }
    }

    @Nested
    class EstablishEFagraadCommand {

        @Test
        void regionEstablishesEFagraadOnItsCouncilsDecision() {
            fixture.given(FOSEN_REGISTERED)
                    .when(new EstablishEFagraad(FOSEN, SEPTEMBER_2018, BY_REGIONAL_COUNCIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new EFagraadEstablished(FOSEN, SEPTEMBER_2018, BY_REGIONAL_COUNCIL));
        }

        @Test
        void regionEstablishesEFagraadOnRecordedSteeringGroupDecision() {
            lookups.withDecisions(STEERING_DECISION);

            fixture.given(FOSEN_REGISTERED)
                    .when(new EstablishEFagraad(FOSEN, SEPTEMBER_2018, BY_STEERING_DECISION))
                    .expectEvents(new EFagraadEstablished(FOSEN, SEPTEMBER_2018, BY_STEERING_DECISION));
        }

        @Test
        void regionEstablishesEFagraadOnlyOnce() {
            // given
            fixture.given(FOSEN_REGISTERED, new EFagraadEstablished(FOSEN, SEPTEMBER_2018, BY_REGIONAL_COUNCIL))
                    // when
                    .when(new EstablishEFagraad(FOSEN, LocalDate.of(2019, 1, 10), BY_REGIONAL_COUNCIL))
                    // then
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.EFAGRAAD_ALREADY_ESTABLISHED,
                            "Region fosen has already established its eFagråd"))
                    .expectNoEvents();
        }

        @Test
        void cannotCiteUnrecordedSteeringGroupDecision() {
            fixture.given(FOSEN_REGISTERED)
                    .when(new EstablishEFagraad(FOSEN, SEPTEMBER_2018, BY_STEERING_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2018-05-02-07 is not recorded"))
                    .expectNoEvents();
        }

        @Test
        void unknownRegionCannotEstablishEFagraad() {
            fixture.givenNoPriorActivity()
                    .when(new EstablishEFagraad(FOSEN, SEPTEMBER_2018, BY_REGIONAL_COUNCIL))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class AppointStrategyGroupRepresentativeCommand {

        @Test
        void memberIsAppointedRepresentative() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(FOSEN_REGISTERED)
                    .when(new AppointStrategyGroupRepresentative(FOSEN, INDRE_FOSEN, SEPTEMBER_2018,
                            BY_REGIONAL_COUNCIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StrategyGroupRepresentativeAppointed(FOSEN, INDRE_FOSEN, SEPTEMBER_2018,
                            BY_REGIONAL_COUNCIL));
        }

        @Test
        void aLaterAppointmentReplacesTheRepresentative() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY)
                    .withMember("5020", ParticipantKind.MUNICIPALITY)
                    .withDecisions(STEERING_DECISION);

            fixture.given(FOSEN_REGISTERED, new StrategyGroupRepresentativeAppointed(FOSEN, INDRE_FOSEN,
                            SEPTEMBER_2018, BY_REGIONAL_COUNCIL))
                    .when(new AppointStrategyGroupRepresentative(FOSEN, "5020", LocalDate.of(2019, 9, 1),
                            BY_STEERING_DECISION))
                    .expectEvents(new StrategyGroupRepresentativeAppointed(FOSEN, "5020", LocalDate.of(2019, 9, 1),
                            BY_STEERING_DECISION));
        }

        @Test
        void unregisteredParticipantCannotBeAppointed() {
            fixture.given(FOSEN_REGISTERED)
                    .when(new AppointStrategyGroupRepresentative(FOSEN, INDRE_FOSEN, SEPTEMBER_2018,
                            BY_REGIONAL_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_NOT_REGISTERED,
                            "Participant 5054 is not registered"))
                    .expectNoEvents();
        }

        @Test
        void nonMemberCannotBeAppointed() {
            lookups.withNonMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(FOSEN_REGISTERED)
                    .when(new AppointStrategyGroupRepresentative(FOSEN, INDRE_FOSEN, SEPTEMBER_2018,
                            BY_REGIONAL_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.NOT_MEMBER, "Participant 5054 is not a member"))
                    .expectNoEvents();
        }

        @Test
        void participantMergedAwayCannotBeAppointedEvenThoughItWasMember() {
            lookups.withMergedAway("5030", ParticipantKind.MUNICIPALITY, true);

            fixture.given(FOSEN_REGISTERED)
                    .when(new AppointStrategyGroupRepresentative(FOSEN, "5030", SEPTEMBER_2018,
                            BY_REGIONAL_COUNCIL))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.PARTICIPANT_MERGED_AWAY,
                            "Participant 5030 was merged away"))
                    .expectNoEvents();
        }

        @Test
        void cannotCiteUnrecordedSteeringGroupDecision() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.given(FOSEN_REGISTERED)
                    .when(new AppointStrategyGroupRepresentative(FOSEN, INDRE_FOSEN, SEPTEMBER_2018,
                            BY_STEERING_DECISION))
                    .expectException(CommandExecutionException.class)
                    .expectExceptionDetails(conflict(Rule.DECISION_NOT_RECORDED,
                            "Steering-group decision sg-2018-05-02-07 is not recorded"))
                    .expectNoEvents();
        }

        @Test
        void unknownRegionCannotAppointRepresentative() {
            lookups.withMember(INDRE_FOSEN, ParticipantKind.MUNICIPALITY);

            fixture.givenNoPriorActivity()
                    .when(new AppointStrategyGroupRepresentative(FOSEN, INDRE_FOSEN, SEPTEMBER_2018,
                            BY_REGIONAL_COUNCIL))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }
}
