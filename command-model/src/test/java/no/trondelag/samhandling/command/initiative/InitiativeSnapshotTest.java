package no.trondelag.samhandling.command.initiative;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.LedgerIds;
import no.trondelag.samhandling.api.governance.RecordSteeringGroupDecision;
import no.trondelag.samhandling.api.initiative.ApproveInitiative;
import no.trondelag.samhandling.api.initiative.JoinInitiative;
import no.trondelag.samhandling.api.initiative.LeaveInitiative;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.initiative.ProposeInitiative;
import no.trondelag.samhandling.api.initiative.RecordInitiativeMilestone;
import no.trondelag.samhandling.api.participation.JoinCollaboration;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.RegisterParticipant;
import no.trondelag.samhandling.api.region.RegisterRegion;
import no.trondelag.samhandling.command.common.CommandModelHarness;
import no.trondelag.samhandling.command.common.TrondelagReferenceData;
import no.trondelag.samhandling.command.common.TrondelagReferenceData.Municipality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An initiative's members join and leave and its milestones follow one another for years, so it is loaded from a
 * snapshot; loaded so, it must be the initiative folded from all its events.
 */
class InitiativeSnapshotTest {

    private static final TrondelagReferenceData DATA = TrondelagReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-03-01T09:00:00Z"), ZoneId.of("Europe/Oslo"));
    private static final int THRESHOLD = 10;
    private static final LocalDate JAN_1_2018 = LocalDate.of(2018, 1, 1);
    private static final String DECISION = "sg-2018-05-02-07";
    private static final String SAK_ARKIV = "felles-sak-arkiv";
    private static final String INITIATIVE = LedgerIds.initiative(SAK_ARKIV);

    private CommandModelHarness withSnapshots;
    private CommandModelHarness withoutSnapshots;

    @BeforeEach
    void sendTheSameHistoryToTwoLedgers() {
        withSnapshots = CommandModelHarness.startWithSnapshots(CLOCK, THRESHOLD);
        withoutSnapshots = CommandModelHarness.start(CLOCK);
        List<Municipality> members = DATA.municipalities().subList(0, 12);
        DATA.regions().forEach(region -> sendToBoth(new RegisterRegion(region.id(), region.name())));
        for (Municipality municipality : members) {
            sendToBoth(new RegisterParticipant(municipality.number(), municipality.name(),
                    ParticipantKind.MUNICIPALITY, municipality.primaryRegion(), municipality.population2018(),
                    JAN_1_2018));
            sendToBoth(new JoinCollaboration(municipality.number(), LocalDate.of(2018, 6, 14), Authority.external(
                    municipality.name() + " kommunestyre", "PS 18/" + municipality.number(),
                    LocalDate.of(2018, 6, 7))));
        }
        sendToBoth(new RecordSteeringGroupDecision(DECISION, LocalDate.of(2018, 5, 2), "18/7",
                "Samhandlingsstrategi", "Felles sak-/arkivsystem er første felles satsing.", List.of()));
        sendToBoth(new ProposeInitiative(SAK_ARKIV, "Felles sak- og arkivsystem", null,
                Pillar.PRIORITISED_INITIATIVES, List.of(1, 3), null));
        sendToBoth(new ApproveInitiative(SAK_ARKIV, DECISION, new BigDecimal("1500000.00")));
        LocalDate day = LocalDate.of(2018, 9, 1);
        for (Municipality member : members) {
            sendToBoth(new JoinInitiative(SAK_ARKIV, member.number(), day));
        }
        for (int progress = 5; progress <= 60; progress += 5) {
            day = day.plusMonths(1);
            sendToBoth(new RecordInitiativeMilestone(SAK_ARKIV, "Milepæl " + progress, day, progress));
        }
        for (Municipality member : members.subList(0, 6)) {
            sendToBoth(new LeaveInitiative(SAK_ARKIV, member.number(), day));
        }
        sendToBoth(new JoinInitiative(SAK_ARKIV, members.get(0).number(), day.plusMonths(1)));
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

    @Test
    void initiativeLoadsIdenticallyWithAndWithoutSnapshots() {
        // when
        Initiative fromSnapshot = withSnapshots.load(Initiative.class, INITIATIVE);
        Initiative fromEvents = withoutSnapshots.load(Initiative.class, INITIATIVE);

        // then
        assertThat(fromSnapshot).isNotSameAs(fromEvents).usingRecursiveComparison().isEqualTo(fromEvents);
        assertThat(fromEvents).extracting("lastProgressPercent").isEqualTo(60);
        assertThat(withSnapshots.snapshot(INITIATIVE)).hasValueSatisfying(snapshot ->
                assertThat(snapshot.getPayloadType()).isEqualTo(Initiative.class));
        assertThat(withSnapshots.eventsToLoad(INITIATIVE).get(0).getPayloadType()).isEqualTo(Initiative.class);
    }

    @Test
    void snapshottedInitiativeStillFollowsItsRules() {
        // when
        withSnapshots.send(new RecordInitiativeMilestone(SAK_ARKIV, "Innføring", LocalDate.of(2020, 1, 1), 80));

        // then
        assertThat(withSnapshots.payloads(INITIATIVE)).last().extracting("progressPercent").isEqualTo(80);
        assertThat(withSnapshots.load(Initiative.class, INITIATIVE)).extracting("status").asString()
                .isEqualTo("APPROVED");
    }
}
