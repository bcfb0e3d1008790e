package no.trondelag.samhandling.command.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.COLLECTION;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.LedgerIds;
import no.trondelag.samhandling.api.goals.CompleteCompetenceProgramme;
import no.trondelag.samhandling.api.goals.EnrolInCompetenceProgramme;
import no.trondelag.samhandling.api.goals.RecordMaturityAssessment;
import no.trondelag.samhandling.api.goals.RecordNationalComponentAdoption;
import no.trondelag.samhandling.api.participation.JoinCollaboration;
import no.trondelag.samhandling.api.participation.MergeParticipants;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.RegisterParticipant;
import no.trondelag.samhandling.api.region.RegisterRegion;
import no.trondelag.samhandling.command.common.CommandModelHarness;
import no.trondelag.samhandling.command.common.TrondelagReferenceData;
import no.trondelag.samhandling.command.common.TrondelagReferenceData.Municipality;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A participant's history grows with every assessment and adoption, so it is loaded from a snapshot. The same long
 * history is sent to a ledger that snapshots every 10 events and to one that never does; the participant loaded from
 * the latest snapshot and the events after it must be the participant folded from all its events.
 */
class ParticipantSnapshotTest {

    private static final TrondelagReferenceData DATA = TrondelagReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-03-01T09:00:00Z"), ZoneId.of("Europe/Oslo"));
    private static final int THRESHOLD = 10;
    private static final int ASSESSMENTS = 60;
    private static final int ADOPTIONS = 60;
    private static final LocalDate JAN_1_2018 = LocalDate.of(2018, 1, 1);
    private static final LocalDate REFORM_DATE = LocalDate.of(2020, 1, 1);
    private static final Authority REFORM =
            Authority.external("Stortinget", "Innst. 386 S (2016–2017)", LocalDate.of(2017, 6, 8));

    private static final String TRONDHEIM = "5001";
    private static final String KLAEBU = "5030";

    private CommandModelHarness withSnapshots;
    private CommandModelHarness withoutSnapshots;

    @BeforeEach
    void startTwoLedgers() {
        withSnapshots = CommandModelHarness.startWithSnapshots(CLOCK, THRESHOLD);
        withoutSnapshots = CommandModelHarness.start(CLOCK);
    }

    @AfterEach
    void stopLedgers() {
        withSnapshots.close();
        withoutSnapshots.close();
    }

    private void sendToBoth(Object command) {
        withSnapshots.send(command);
        withoutSnapshots.send(command);
    }

    /**
     * Klæbu's life in the ledger: registered, a member, two competence cohorts, 60 maturity assessments and 60
     * national components, all before the 2020 reform merges it into Trondheim.
     */
    private void klaebusHistory(Consumer<Object> send) {
        DATA.regions().forEach(region -> send.accept(new RegisterRegion(region.id(), region.name())));
        for (String number : List.of(TRONDHEIM, KLAEBU)) {
            Municipality municipality = DATA.municipality(number);
            send.accept(new RegisterParticipant(number, municipality.name(), ParticipantKind.MUNICIPALITY,
                    municipality.primaryRegion(), municipality.population2018(), JAN_1_2018));
        }
        send.accept(new JoinCollaboration(KLAEBU, LocalDate.of(2018, 6, 14),
                Authority.external("Klæbu kommunestyre", "PS 18/30", LocalDate.of(2018, 6, 7))));
        send.accept(new EnrolInCompetenceProgramme(KLAEBU, "2018-høst", 4));
        send.accept(new EnrolInCompetenceProgramme(KLAEBU, "2019-vår", 2));
        send.accept(new CompleteCompetenceProgramme(KLAEBU, "2018-høst", 3));
        for (int i = 0; i < ASSESSMENTS; i++) {
            send.accept(new RecordMaturityAssessment(KLAEBU, JAN_1_2018.plusDays(7L * i),
                    new BigDecimal("2.0").add(new BigDecimal("0.05").multiply(BigDecimal.valueOf(i % 20))),
                    "KS modenhetsmåling"));
        }
        for (int i = 0; i < ADOPTIONS; i++) {
            send.accept(new RecordNationalComponentAdoption(KLAEBU, "Komponent " + i, JAN_1_2018.plusDays(i)));
        }
    }

    private static MergeParticipants trondheimMerge() {
        return new MergeParticipants(TRONDHEIM, "Trondheim", List.of(TRONDHEIM, KLAEBU), "trondheimsregionen",
                DATA.municipality(TRONDHEIM).population2018() + DATA.municipality(KLAEBU).population2018(),
                REFORM_DATE, REFORM);
    }

    private static String participant(String number) {
        return LedgerIds.participant(number);
    }

    @Nested
    class LoadedFromASnapshot {

        @BeforeEach
        void sendTheSameHistoryToBoth() {
            klaebusHistory(ParticipantSnapshotTest.this::sendToBoth);
            sendToBoth(trondheimMerge());
        }

        @Test
        void participantLoadsIdenticallyWithAndWithoutSnapshots() {
            // when
            Participant fromSnapshot = withSnapshots.load(Participant.class, participant(KLAEBU));
            Participant fromEvents = withoutSnapshots.load(Participant.class, participant(KLAEBU));

            // then
            assertThat(fromSnapshot).isNotSameAs(fromEvents)
                    .usingRecursiveComparison()
                    .isEqualTo(fromEvents);
            assertThat(fromEvents.isMember()).isTrue();
            assertThat(fromEvents).extracting("adoptedComponents").asInstanceOf(COLLECTION).hasSize(ADOPTIONS);
        }

        @Test
        void successorLoadsIdenticallyToo() {
            Participant fromSnapshot = withSnapshots.load(Participant.class, participant(TRONDHEIM));
            Participant fromEvents = withoutSnapshots.load(Participant.class, participant(TRONDHEIM));

            assertThat(fromSnapshot).usingRecursiveComparison().isEqualTo(fromEvents);
        }

        @Test
        void snapshotsWereTakenAndLoadingStartsFromTheLatest() {
            // given
            List<DomainEventMessage<?>> stored = withSnapshots.events(participant(KLAEBU));

            // when
            List<DomainEventMessage<?>> toLoad = withSnapshots.eventsToLoad(participant(KLAEBU));

            // then
            assertThat(stored).hasSize(withoutSnapshots.events(participant(KLAEBU)).size())
                    .hasSizeGreaterThan(ASSESSMENTS + ADOPTIONS);
            DomainEventMessage<?> snapshot = withSnapshots.snapshot(participant(KLAEBU)).orElseThrow();
            assertThat(snapshot.getPayloadType()).isEqualTo(Participant.class);
            assertThat(snapshot.getSequenceNumber()).isGreaterThanOrEqualTo(stored.size() - 1 - THRESHOLD);
            assertThat(toLoad.get(0).getPayloadType()).isEqualTo(Participant.class);
            assertThat(toLoad.get(0).getSequenceNumber()).isEqualTo(snapshot.getSequenceNumber());
            assertThat(toLoad.subList(1, toLoad.size())).containsExactlyElementsOf(
                    stored.subList((int) snapshot.getSequenceNumber() + 1, stored.size()));
            assertThat(toLoad).hasSizeLessThanOrEqualTo(1 + THRESHOLD);
        }

        @Test
        void ledgerWithoutSnapshotsLoadsEveryEvent() {
            assertThat(withoutSnapshots.snapshot(participant(KLAEBU))).isEmpty();
            assertThat(withoutSnapshots.eventsToLoad(participant(KLAEBU)))
                    .hasSameSizeAs(withoutSnapshots.events(participant(KLAEBU)));
        }
    }

    @Nested
    class SnapshotSerializer {

        private final Serializer serializer = CommandModelHarness.snapshotSerializer();

        @Test
        void everyFieldOfAMergedAwayParticipantSurvivesTheRoundTrip() {
            // given
            klaebusHistory(withoutSnapshots::send);
            withoutSnapshots.send(trondheimMerge());
            Participant klaebu = withoutSnapshots.load(Participant.class, participant(KLAEBU));

            // when
            SerializedObject<String> json = serializer.serialize(klaebu, String.class);
            Participant readBack = serializer.deserialize(json);

            // then
            assertThat(readBack).usingRecursiveComparison().isEqualTo(klaebu);
            assertThat(json.getData()).contains("\"mergedAwayOn\":\"2020-01-01\"", "\"successors\":[\"5001\"]",
                    "\"enrolledLeaders\":{", "\"completedCohorts\":[\"2018-høst\"]", "\"member\":true");
        }

        @Test
        void snapshotCarriesTheAggregatesRevision() {
            klaebusHistory(withoutSnapshots::send);
            Participant klaebu = withoutSnapshots.load(Participant.class, participant(KLAEBU));

            SerializedObject<String> json = serializer.serialize(klaebu, String.class);

            assertThat(json.getType().getName()).isEqualTo(Participant.class.getName());
            assertThat(json.getType().getRevision()).isEqualTo("1");
        }
    }
}
