package no.trondelag.samhandling.query.projection;

import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.JANUARY_2018;
import static no.trondelag.samhandling.query.ledger.Trondelag.OSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.decision;
import static no.trondelag.samhandling.query.projection.Projections.SECRETARIAT;
import static no.trondelag.samhandling.query.projection.Projections.dispatch;
import static no.trondelag.samhandling.query.projection.Projections.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.query.initiative.InitiativeProjection;
import no.trondelag.samhandling.query.participation.ParticipationProjection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every projection shares: its position and the events it covers at a read point, rows that count only from
 * their recording, events kept apart until their handler succeeds, and a reset before a replay.
 */
class LedgerProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final String STRATEGY = "sg-2018-05-02-07";

    private final Projections facts = new Projections();
    private final ParticipationProjection participation = facts.participation();

    private static ReadPoint now() {
        return new ReadPoint(TODAY, null);
    }

    private static ReadPoint knownAt(Instant instant) {
        return new ReadPoint(TODAY, instant);
    }

    private static ReportMeta meta(LedgerProjection projection, ReadPoint readPoint) {
        return projection.meta(projection.readAt(readPoint));
    }

    private List<String> participants(ReadPoint readPoint) {
        return participation.at(participation.readAt(readPoint)).participants().stream()
                .map(ParticipantView::participantId).toList();
    }

    /** The rows in every one of the projections' tables, by table. */
    private Map<String, Integer> rowsByTable() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : facts.jdbc().queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'RM%' AND TABLE_NAME <> 'RM_PROJECTION_VERSION' "
                + "ORDER BY TABLE_NAME", String.class)) {
            rows.put(table, facts.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
        }
        return rows;
    }

    private long count(String table) {
        return facts.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Nested
    class Position {

        @Test
        void beforeTheFirstEventEveryProjectionIsAtMinusOneWithNoEvents() {
            for (LedgerProjection projection : facts.projections()) {
                assertThat(meta(projection, now())).as(projection.getClass().getSimpleName())
                        .isEqualTo(new ReportMeta(TODAY, null, -1, 0));
            }
        }

        @Test
        void everyProjectionNotesEveryEventIncludingThoseItWritesNothingFor() {
            // given events only the participation and initiatives projections write rows for
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(),
                    new InitiativeProposed("felles-sak-arkiv", "Sak/arkiv", "", Pillar.PRIORITISED_INITIATIVES,
                            List.of(3), "5054"));

            // then every projection is at the last position, with all three events
            for (LedgerProjection projection : facts.projections()) {
                assertThat(meta(projection, now())).as(projection.getClass().getSimpleName())
                        .isEqualTo(new ReportMeta(TODAY, null, 2, 3));
            }
        }

        @Test
        void anEventCommittedLateIntoAGapCountsButLeavesThePositionWhereItWas() {
            // given position 2 left open by a transaction that commits after position 3
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered());
            long gap = facts.skipPosition();
            RecordedEvent afterTheGap = facts.record(decision(STRATEGY, LocalDate.of(2018, 5, 2), "Strategi"));
            for (LedgerProjection projection : facts.projections()) {
                assertThat(meta(projection, now())).isEqualTo(new ReportMeta(TODAY, null, 3, 3));
            }

            // when the event at the gap arrives
            RecordedEvent late = facts.recordAtPosition(gap, OSEN.registered());

            // then every projection counts it, and its position stays the highest handled
            assertThat(late.position()).isEqualTo(2);
            assertThat(late.recordedAt()).isAfter(afterTheGap.recordedAt());
            for (LedgerProjection projection : facts.projections()) {
                assertThat(meta(projection, now())).as(projection.getClass().getSimpleName())
                        .isEqualTo(new ReportMeta(TODAY, null, 3, 4));
            }
            assertThat(participants(now())).containsExactly("5020", "5054");
            // and the next event continues above the highest position
            assertThat(facts.record(INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14))).position())
                    .isEqualTo(4);
            assertThat(meta(participation, now())).isEqualTo(new ReportMeta(TODAY, null, 4, 5));
        }

        @Test
        void aReportOverSeveralProjectionsCoversOnlyWhatAllOfThemReached() {
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered());
            facts.recordFor(List.of(facts.initiatives()), OSEN.registered());

            InitiativeProjection initiatives = facts.initiatives();
            assertThat(initiatives.readAt(now()).position()).isEqualTo(2);
            assertThat(initiatives.readAt(now(), participation).position()).isEqualTo(1);
            assertThat(initiatives.meta(initiatives.readAt(now(), participation)))
                    .isEqualTo(new ReportMeta(TODAY, null, 1, 2));
        }
    }

    @Nested
    class RecordingTime {

        @Test
        void aRowRecordedLateChangesAnswersOnlyKnownAtItsRecordingOrLater() {
            // given Osen's registration committed late into a gap, a day after the event above the gap
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered());
            long gap = facts.skipPosition();
            RecordedEvent aboveTheGap = facts.record(decision(STRATEGY, LocalDate.of(2018, 5, 2), "Strategi"));
            Instant lateAt = facts.pause(Duration.ofDays(1));
            RecordedEvent late = facts.recordAtPosition(gap, OSEN.registered());
            assertThat(late.recordedAt()).isEqualTo(lateAt);

            // then known before its recording it is not there, though its position is below others known
            ReadPoint before = knownAt(lateAt.minusNanos(1000));
            assertThat(participants(before)).containsExactly("5054");
            assertThat(meta(participation, before)).isEqualTo(new ReportMeta(TODAY, before.knownAt(),
                    aboveTheGap.position(), 3));
            // and known at its recording and later it is
            assertThat(participants(knownAt(lateAt))).containsExactly("5020", "5054");
            assertThat(meta(participation, knownAt(lateAt))).isEqualTo(new ReportMeta(TODAY, lateAt,
                    aboveTheGap.position(), 4));
            assertThat(participants(now())).containsExactly("5020", "5054");
            // and known before the event above the gap, neither counts
            ReadPoint beforeAboveTheGap = knownAt(aboveTheGap.recordedAt().minusSeconds(1));
            assertThat(meta(participation, beforeAboveTheGap)).isEqualTo(new ReportMeta(TODAY,
                    beforeAboveTheGap.knownAt(), 1, 2));
        }

        @Test
        void recordingTimesAreKeptToTheMicrosecondAndReadPointsCompareAtThatResolution() throws Exception {
            // given an event recorded at an instant with nanoseconds
            Instant recordedAt = Instant.parse("2024-01-08T08:00:00.123456789Z");
            for (LedgerProjection projection : List.of(participation, facts.ledgerLog())) {
                dispatch(projection, message(0, Projections.FIRST_RECORDING, SECRETARIAT, FOSEN.registered()));
                dispatch(projection, message(1, recordedAt, SECRETARIAT, OSEN.registered()));
            }

            // then it counts from its microsecond on
            assertThat(participants(knownAt(Instant.parse("2024-01-08T08:00:00.123455999Z")))).isEmpty();
            assertThat(participants(knownAt(Instant.parse("2024-01-08T08:00:00.123456Z")))).containsExactly("5020");
            assertThat(participants(knownAt(recordedAt))).containsExactly("5020");
            assertThat(facts.jdbc().queryForObject("SELECT recorded_at FROM rm_ledger_log_v1_event "
                    + "WHERE position = 1", Long.class)).isEqualTo(Recorded.micros(recordedAt))
                    .isEqualTo(1704700800123456L);
        }

        @Test
        void theMetaKnownAtAnInstantCountsTheEventsRecordedByThen() {
            List<RecordedEvent> recorded = facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(),
                    OSEN.registered());

            assertThat(meta(participation, knownAt(Projections.FIRST_RECORDING.minusSeconds(1))))
                    .isEqualTo(new ReportMeta(TODAY, Projections.FIRST_RECORDING.minusSeconds(1), -1, 0));
            assertThat(meta(participation, knownAt(recorded.get(0).recordedAt())))
                    .isEqualTo(new ReportMeta(TODAY, recorded.get(0).recordedAt(), 0, 1));
            assertThat(meta(participation, knownAt(recorded.get(2).recordedAt().minusNanos(1000))))
                    .isEqualTo(new ReportMeta(TODAY, recorded.get(2).recordedAt().minusNanos(1000), 1, 2));
            assertThat(meta(participation, knownAt(recorded.get(2).recordedAt())))
                    .isEqualTo(new ReportMeta(TODAY, recorded.get(2).recordedAt(), 2, 3));
            assertThat(meta(participation, new ReadPoint(LocalDate.of(2017, 1, 1), null)))
                    .as("the as-of date does not bound the events covered")
                    .isEqualTo(new ReportMeta(LocalDate.of(2017, 1, 1), null, 2, 3));
        }
    }

    @Nested
    class InATransaction {

        private final String head = "rm_participation_v1_head";
        private final String registrations = "rm_participation_v1_participant";

        private String head() {
            return facts.jdbc().queryForObject("SELECT position || ':' || events FROM " + head, String.class);
        }

        @Test
        void anEventWhoseHandlerFailsLeavesNoRowsAndNoPlaceInTheLog() {
            // given Indre Fosen's registration without a kind, which the projection's handler fails on
            ParticipantRegistered broken = new ParticipantRegistered("5054", "Indre Fosen", null, "fosen", 10090,
                    JANUARY_2018, null);
            Instant at = Projections.FIRST_RECORDING;

            // when the processor handles three events in one transaction, the second failing (and set aside)
            facts.transactions().executeWithoutResult(status -> {
                try {
                    dispatch(participation, message(0, at, SECRETARIAT, FOSEN.registered()));
                    assertThatThrownBy(() -> dispatch(participation, message(1, at.plusSeconds(60), SECRETARIAT,
                            broken))).isInstanceOf(NullPointerException.class);
                    dispatch(participation, message(2, at.plusSeconds(120), SECRETARIAT, OSEN.registered()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                // nothing is written before the transaction commits
                assertThat(head()).isEqualTo("-1:0");
                assertThat(count(registrations)).isZero();
            });

            // then the failed event left nothing, and the others are numbered as handled one after the other
            assertThat(head()).as("position and events handled").isEqualTo("2:2");
            assertThat(facts.jdbc().queryForList("SELECT participant_id FROM " + registrations, String.class))
                    .containsExactly("5020");
            assertThat(count("rm_participation_v1_participant_name")).isEqualTo(1);
            assertThat(meta(participation, now())).isEqualTo(new ReportMeta(TODAY, null, 2, 2));
            assertThat(participants(now())).containsExactly("5020");
        }

        @Test
        void aRetriedEventIsHandledAsIfItHadNeverFailed() {
            ParticipantRegistered broken = new ParticipantRegistered("5054", "Indre Fosen", null, "fosen", 10090,
                    JANUARY_2018, null);
            Instant at = Projections.FIRST_RECORDING;
            facts.transactions().executeWithoutResult(status -> {
                try {
                    dispatch(participation, message(0, at, SECRETARIAT, FOSEN.registered()));
                    assertThatThrownBy(() -> dispatch(participation, message(1, at.plusSeconds(60), SECRETARIAT,
                            broken))).isInstanceOf(NullPointerException.class);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // when the event, fixed, is retried from the dead-letter queue in a transaction of its own
            facts.transactions().executeWithoutResult(status -> {
                try {
                    dispatch(participation, message(1, at.plusSeconds(60), SECRETARIAT, INDRE_FOSEN.registered()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // then
            assertThat(meta(participation, now())).isEqualTo(new ReportMeta(TODAY, null, 1, 2));
            assertThat(participants(now())).containsExactly("5054");
        }

        @Test
        void aTransactionThatRollsBackLeavesNothingAndTheNextStartsTheCountAfresh() {
            Instant at = Projections.FIRST_RECORDING;
            assertThatThrownBy(() -> facts.transactions().executeWithoutResult(status -> {
                try {
                    dispatch(participation, message(0, at, SECRETARIAT, FOSEN.registered()));
                    dispatch(participation, message(1, at.plusSeconds(60), SECRETARIAT, OSEN.registered()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("The token could not be stored");
            })).hasMessage("The token could not be stored");

            assertThat(rowsByTable()).allSatisfy((table, rows) -> assertThat(rows).as(table)
                    .isEqualTo(table.endsWith("_HEAD") ? 1 : 0));
            assertThat(meta(participation, now())).isEqualTo(new ReportMeta(TODAY, null, -1, 0));

            facts.transactions().executeWithoutResult(status -> {
                try {
                    dispatch(participation, message(0, at, SECRETARIAT, FOSEN.registered()));
                    dispatch(participation, message(1, at.plusSeconds(60), SECRETARIAT, OSEN.registered()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(head()).as("position and events handled").isEqualTo("1:2");
            assertThat(participants(now())).containsExactly("5020");
        }

        @Test
        void aDecisionsMeetingDateDatesWhatCitesItInTheSameTransaction() {
            // given
            InitiativeProjection initiatives = facts.initiatives();
            Instant at = Projections.FIRST_RECORDING;

            // when the decision and the approval citing it are handled before either is written
            facts.transactions().executeWithoutResult(status -> {
                try {
                    dispatch(initiatives, message(0, at, SECRETARIAT, decision(STRATEGY, LocalDate.of(2018, 5, 2),
                            "Strategi")));
                    dispatch(initiatives, message(1, at.plusSeconds(60), SECRETARIAT, new InitiativeProposed(
                            "felles-sak-arkiv", "Sak/arkiv", "", Pillar.PRIORITISED_INITIATIVES, List.of(3),
                            "5054")));
                    dispatch(initiatives, message(2, at.plusSeconds(120), SECRETARIAT, new InitiativeApproved(
                            "felles-sak-arkiv", STRATEGY, Money.nok(new BigDecimal("1500000.00")))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            // then the approval took effect on the meeting date
            assertThat(initiatives.at(initiatives.readAt(new ReadPoint(LocalDate.of(2018, 5, 1), null))))
                    .singleElement().extracting(InitiativeProjection.Initiative::status)
                    .isEqualTo(InitiativeProjection.Status.PROPOSED);
            assertThat(initiatives.at(initiatives.readAt(new ReadPoint(LocalDate.of(2018, 5, 2), null))))
                    .singleElement().extracting(InitiativeProjection.Initiative::status)
                    .isEqualTo(InitiativeProjection.Status.APPROVED);
        }
    }

    @Nested
    class Reset {

        @Test
        void aResetStartsTheNextVersionWhileTheCurrentOneKeepsAnswering() {
            // given
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(),
                    decision(STRATEGY, LocalDate.of(2018, 5, 2), "Strategi"),
                    INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)));
            Map<String, Integer> before = rowsByTable();
            assertThat(before).containsKey("RM_PARTICIPATION_V1_HEAD").containsKey("RM_LEDGER_LOG_V1_EVENT")
                    .containsKey("RM_DECISION_LOG_V1_MEETING");
            assertThat(before.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
            ReportMeta meta = meta(participation, now());
            List<String> participants = participants(now());

            // when
            facts.reset();

            // then every projection has an empty next version, and the current one answers as before
            Map<String, Integer> after = rowsByTable();
            before.forEach((table, rows) -> assertThat(after).containsEntry(table, rows));
            assertThat(after).allSatisfy((table, rows) -> {
                if (table.contains("_V2_")) {
                    assertThat(rows).as(table).isEqualTo(table.endsWith("_HEAD") ? 1 : 0);
                }
            });
            assertThat(after.keySet().stream().filter(table -> table.contains("_V2_")))
                    .hasSameSizeAs(before.keySet());
            for (LedgerProjection projection : facts.projections()) {
                assertThat(projection.versions().active()).as(projection.name()).isEqualTo(1);
                assertThat(projection.versions().building()).as(projection.name()).isEqualTo(2);
            }
            assertThat(meta(participation, now())).isEqualTo(meta);
            assertThat(participants(now())).isEqualTo(participants);
        }

        @Test
        void aReplayAfterAResetBuildsTheNextVersionWhichTakesOverWithTheSameAnswers() {
            // given
            List<RecordedEvent> history = facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(),
                    new ParticipantRegistered("999000111", "Fosen IKT", ParticipantKind.OTHER, "fosen", null,
                            JANUARY_2018, null),
                    decision(STRATEGY, LocalDate.of(2018, 5, 2), "Strategi"),
                    new InitiativeProposed("felles-sak-arkiv", "Sak/arkiv", "", Pillar.PRIORITISED_INITIATIVES,
                            List.of(3), "5054"),
                    new InitiativeApproved("felles-sak-arkiv", STRATEGY, Money.nok(new BigDecimal("1500000.00"))),
                    INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)));
            Map<String, Integer> rows = rowsByTable();
            List<ParticipantView> participants = participation.at(participation.readAt(now())).participants();
            List<InitiativeProjection.Initiative> initiatives =
                    facts.initiatives().at(facts.initiatives().readAt(new ReadPoint(LocalDate.of(2018, 5, 2), null)));

            // when every projection is reset and handles the ledger again, replayed
            facts.reset();
            facts.replay(history, facts.projections().toArray(LedgerProjection[]::new));

            // then the next version took over, with the same rows and answers
            for (LedgerProjection projection : facts.projections()) {
                assertThat(projection.versions().active()).as(projection.name()).isEqualTo(2);
                assertThat(projection.versions().building()).as(projection.name()).isNull();
            }
            Map<String, Integer> rebuilt = rowsByTable();
            rows.forEach((table, count) -> assertThat(rebuilt).containsEntry(table.replace("_V1_", "_V2_"), count));
            assertThat(participation.at(participation.readAt(now())).participants()).isEqualTo(participants);
            assertThat(facts.initiatives().at(facts.initiatives().readAt(new ReadPoint(LocalDate.of(2018, 5, 2),
                    null)))).isEqualTo(initiatives).singleElement()
                    .extracting(InitiativeProjection.Initiative::status)
                    .isEqualTo(InitiativeProjection.Status.APPROVED);
            assertThat(meta(participation, now())).isEqualTo(new ReportMeta(TODAY, null, 6, 7));
        }
    }
}
