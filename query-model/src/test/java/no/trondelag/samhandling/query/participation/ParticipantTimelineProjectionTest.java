package no.trondelag.samhandling.query.participation;

import static no.trondelag.samhandling.query.ledger.Trondelag.ORLAND;
import static no.trondelag.samhandling.query.ledger.Trondelag.OSEN;
import static no.trondelag.samhandling.query.participation.Fosen.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.FindParticipantHistory;
import no.trondelag.samhandling.api.participation.ParticipantHistory;
import no.trondelag.samhandling.query.ledger.Subjects;
import no.trondelag.samhandling.query.projection.Projections;
import no.trondelag.samhandling.query.projection.RecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Participants' histories in Fosen (see {@link Fosen}).
 */
class ParticipantTimelineProjectionTest {

    private final Projections facts = new Projections();
    private final ParticipantTimelineProjection timeline = facts.timeline();
    private Fosen fosen;

    @BeforeEach
    void fosen() {
        fosen = new Fosen(facts);
    }

    private static ReadPoint now() {
        return new ReadPoint(TODAY, null);
    }

    private static ReadPoint asOf(int year, int month, int day) {
        return new ReadPoint(LocalDate.of(year, month, day), null);
    }

    @Test
    void aSuccessorsHistoryCoversItsPredecessorsInLedgerOrder() {
        // when
        ParticipantHistory history = timeline.handle(new FindParticipantHistory(now(), "5057"));

        // then
        assertThat(history.known()).isTrue();
        assertThat(history.participantId()).isEqualTo("5057");
        assertThat(history.covers()).containsExactly("5057", "5015", "5017");
        assertThat(history.entries()).extracting(HistoryEntry::type).containsExactly(
                "ParticipantRegistered", "ParticipantRegistered", "CollaborationJoined", "CollaborationJoined",
                "ParticipantMergedInto", "ParticipantMergedInto", "ParticipantRegistered", "CollaborationJoined");
        assertThat(history.entries()).extracting(HistoryEntry::position).isSorted().doesNotHaveDuplicates();
        assertThat(history.entries().get(4)).isEqualTo(fosen.firstMergeFact.toEntry());
        assertThat(history.entries().get(2).authority())
                .isEqualTo(ORLAND.council(LocalDate.of(2018, 9, 6)));
        assertThat(history.meta()).isEqualTo(new ReportMeta(TODAY, null, facts.last().position(),
                facts.last().position() + 1));
    }

    @Test
    void everyEntryIsTheEventAsRecorded() {
        ParticipantHistory history = timeline.handle(new FindParticipantHistory(now(), "5020"));

        List<RecordedEvent> osen = facts.all().stream()
                .filter(fact -> Subjects.participantsOf(fact.event()).contains("5020"))
                .toList();
        assertThat(history.entries()).containsExactlyElementsOf(osen.stream().map(RecordedEvent::toEntry).toList());
    }

    @Test
    void aPredecessorsHistoryEndsWithTheMergeItTookPartIn() {
        ParticipantHistory history = timeline.handle(new FindParticipantHistory(now(), "5015"));

        assertThat(history.covers()).containsExactly("5015");
        assertThat(history.entries()).extracting(entry -> entry.type() + " " + entry.effectiveOn())
                .containsExactly("ParticipantRegistered 2018-01-01", "CollaborationJoined 2018-09-06",
                        "ParticipantMergedInto 2020-01-01", "ParticipantMergedInto 2020-01-01");
    }

    @Test
    void theHistoryAsOfADateLeavesOutWhatTookEffectLater() {
        ParticipantHistory history = timeline.handle(new FindParticipantHistory(asOf(2018, 10, 1), "5020"));

        assertThat(history.entries()).extracting(HistoryEntry::type).containsExactly("ParticipantRegistered");
        assertThat(timeline.handle(new FindParticipantHistory(asOf(2018, 10, 18), "5020")).entries())
                .extracting(HistoryEntry::type).containsExactly("ParticipantRegistered", "CollaborationJoined");
    }

    @Test
    void theHistoryKnownAtAnInstantLeavesOutWhatWasRecordedLater() {
        // when
        ParticipantHistory history = timeline.handle(new FindParticipantHistory(
                new ReadPoint(TODAY, fosen.osenJoined.recordedAt().minusNanos(1000)), "5020"));

        // then
        assertThat(history.entries()).extracting(HistoryEntry::type).containsExactly("ParticipantRegistered");
        assertThat(history.meta().position()).isEqualTo(fosen.osenJoined.position() - 1);
        assertThat(timeline.handle(new FindParticipantHistory(new ReadPoint(TODAY, fosen.osenJoined.recordedAt()),
                "5020")).entries()).extracting(HistoryEntry::type)
                .containsExactly("ParticipantRegistered", "CollaborationJoined");
    }

    @Test
    void aSuccessorNotYetRegisteredAtTheReadPointHasNoHistory() {
        ParticipantHistory beforeTheReform = timeline.handle(
                new FindParticipantHistory(asOf(2019, 12, 31), "5057"));
        ParticipantHistory beforeTheMergeWasRecorded = timeline.handle(new FindParticipantHistory(
                new ReadPoint(TODAY, fosen.firstMergeFact.recordedAt().minusSeconds(1)), "5057"));

        assertThat(beforeTheReform.known()).isFalse();
        assertThat(beforeTheReform.covers()).isEmpty();
        assertThat(beforeTheReform.entries()).isEmpty();
        assertThat(beforeTheMergeWasRecorded.known()).isFalse();
        assertThat(beforeTheMergeWasRecorded.entries()).isEmpty();
    }

    @Test
    void anUnknownParticipantHasNoHistory() {
        ParticipantHistory history = timeline.handle(new FindParticipantHistory(now(), "5099"));

        assertThat(history.known()).isFalse();
        assertThat(history.participantId()).isEqualTo("5099");
        assertThat(history.entries()).isEmpty();
    }

    @Test
    void anEventThatTheParticipationProjectionHasNotReachedIsLeftOutAsTheReportsPositionSays() {
        // given Osen's withdrawal, handled by the timeline but not yet by the participation projection
        long lastBefore = facts.last().position();
        RecordedEvent withdrawn = facts.recordFor(
                facts.projections().stream().filter(projection -> projection != facts.participation()).toList(),
                OSEN.withdrawnByCouncil(LocalDate.of(2021, 1, 1), "Ny kommunestruktur"));

        // when
        ParticipantHistory history = timeline.handle(new FindParticipantHistory(now(), "5020"));

        // then the report covers only what both projections have reached
        assertThat(history.meta()).isEqualTo(new ReportMeta(TODAY, null, lastBefore, lastBefore + 1));
        assertThat(history.entries()).extracting(HistoryEntry::type)
                .containsExactly("ParticipantRegistered", "CollaborationJoined");

        // and once the participation projection has it too, so does the report
        facts.deliver(withdrawn, facts.participation());
        ParticipantHistory caughtUp = timeline.handle(new FindParticipantHistory(now(), "5020"));
        assertThat(caughtUp.meta()).isEqualTo(new ReportMeta(TODAY, null, withdrawn.position(),
                withdrawn.position() + 1));
        assertThat(caughtUp.entries()).extracting(HistoryEntry::type)
                .containsExactly("ParticipantRegistered", "CollaborationJoined", "CollaborationWithdrawn");
        assertThat(caughtUp.entries().get(2).event()).isInstanceOf(CollaborationWithdrawn.class);
    }

    @Test
    void anEventWithoutAnActorIsKeptWithoutOne() {
        // given a withdrawal whose message names no actor
        RecordedEvent withdrawn = facts.record((String) null,
                OSEN.withdrawnByCouncil(LocalDate.of(2021, 1, 1), "Ny kommunestruktur"));

        // when
        ParticipantHistory history = timeline.handle(new FindParticipantHistory(now(), "5020"));

        // then
        assertThat(history.entries()).last().isEqualTo(withdrawn.toEntry());
        assertThat(history.entries().get(history.entries().size() - 1).actor()).isNull();
    }

    @Test
    void entriesCarryTheActorForTheCallerToShowOrHide() {
        facts.record("auditor", OSEN.withdrawnByCouncil(LocalDate.of(2021, 1, 1), "Ny kommunestruktur"));

        ParticipantHistory history = timeline.handle(new FindParticipantHistory(now(), "5020"));

        assertThat(history.entries()).extracting(HistoryEntry::actor)
                .containsExactly(Projections.SECRETARIAT, Projections.SECRETARIAT, "auditor");
    }
}
