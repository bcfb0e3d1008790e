package no.trondelag.samhandling.query.ledger;

import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.KLAEBU;
import static no.trondelag.samhandling.query.ledger.Trondelag.MALVIK;
import static no.trondelag.samhandling.query.ledger.Trondelag.OSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIM;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIMSREGIONEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.Money;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.funding.FundingSource;
import no.trondelag.samhandling.api.funding.SecretariatBudgetSet;
import no.trondelag.samhandling.api.funding.SecretariatFundingAllocated;
import no.trondelag.samhandling.api.funding.SecretariatFundingPledged;
import no.trondelag.samhandling.api.goals.CompetenceProgrammeCompleted;
import no.trondelag.samhandling.api.goals.DigitalMaturityAssessed;
import no.trondelag.samhandling.api.goals.NationalComponentAdopted;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import no.trondelag.samhandling.api.initiative.InitiativeApproved;
import no.trondelag.samhandling.api.initiative.InitiativeJoined;
import no.trondelag.samhandling.api.initiative.InitiativeMilestoneReached;
import no.trondelag.samhandling.api.initiative.InitiativeProposed;
import no.trondelag.samhandling.api.initiative.Pillar;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.query.ledger.LedgerReader.Read;
import no.trondelag.samhandling.query.ledger.Trondelag.Merger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LedgerReaderTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final Instant NOW = Instant.parse("2024-06-14T10:00:00Z");

    private final ObservedFactLog log = new ObservedFactLog();
    private final SettableClock clock = new SettableClock(NOW);
    private final LedgerReader reader = new LedgerReader(log, clock);
    private final Facts facts = new Facts(log);

    /**
     * Trondheimsregionen in 2018: Trondheim and Klæbu members, Malvik not; Klæbu merged into Trondheim on 1 January
     * 2020 (positions 0 to 7).
     */
    private void trondheimsregionen() {
        facts.recordAll(TRONDHEIMSREGIONEN.registered(), TRONDHEIM.registered(), KLAEBU.registered(),
                MALVIK.registered(), TRONDHEIM.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                KLAEBU.joinedByCouncil(LocalDate.of(2018, 9, 20)));
        facts.recordAll(Merger.reform("5001", "Trondheim", "trondheimsregionen", 199595, TRONDHEIM, KLAEBU)
                .events(false));
    }

    private Read<List<ParticipantView>> activeInTrondheimsregionen(ReadPoint readPoint) {
        return reader.read(readPoint, views -> views.participation().activeIn("trondheimsregionen"));
    }

    private Read<List<String>> memberIds(ReadPoint readPoint) {
        return reader.read(readPoint, views -> ids(views.participation().activeMembers()));
    }

    private static List<String> ids(List<ParticipantView> participants) {
        return participants.stream().map(ParticipantView::participantId).toList();
    }

    private static ReadPoint asOf(LocalDate date) {
        return new ReadPoint(date, null);
    }

    @Test
    void nowIsTodayInOsloWithEverythingRecorded() {
        // 22:30 UTC on 14 June is already 15 June in Oslo
        clock.set(Instant.parse("2024-06-14T22:30:00Z"));

        assertThat(reader.now()).isEqualTo(new ReadPoint(LocalDate.of(2024, 6, 15), null));
    }

    @Nested
    class AsOfReads {

        @BeforeEach
        void history() {
            trondheimsregionen();
        }

        @Test
        void theDayBeforeTheMergeKlaebuCountsInTrondheimsregionen() {
            // when
            Read<List<ParticipantView>> read = activeInTrondheimsregionen(asOf(LocalDate.of(2019, 12, 31)));

            // then
            assertThat(ids(read.result())).containsExactly("5001", "5030", "5031");
            assertThat(read.result().get(0).population()).isEqualTo(193501);
            assertThat(read.result().get(1).member()).isTrue();
            assertThat(read.meta()).isEqualTo(new ReportMeta(LocalDate.of(2019, 12, 31), null, 7, 8));
        }

        @Test
        void fromTheMergeTrondheimCountsWithTheMergedPopulationAndKlaebuNoLonger() {
            // when
            Read<List<ParticipantView>> read = activeInTrondheimsregionen(asOf(LocalDate.of(2020, 1, 1)));

            // then
            assertThat(ids(read.result())).containsExactly("5001", "5031");
            assertThat(read.result().get(0).population()).isEqualTo(199595);
            assertThat(read.result().get(0).predecessors()).containsExactly("5030");
            assertThat(read.meta()).isEqualTo(new ReportMeta(LocalDate.of(2020, 1, 1), null, 7, 8));
        }

        @Test
        void beforeTheFirstJoinNobodyIsAMember() {
            assertThat(memberIds(asOf(LocalDate.of(2018, 6, 13))).result()).isEmpty();
            assertThat(memberIds(asOf(LocalDate.of(2018, 6, 14))).result()).containsExactly("5001");
            assertThat(memberIds(asOf(LocalDate.of(2018, 9, 20))).result()).containsExactly("5001", "5030");
        }

        @Test
        void aPastReadPointIsKeptAndBroughtUpToDateWithTheFactsAddedSince() {
            memberIds(asOf(LocalDate.of(2019, 1, 1)));
            memberIds(asOf(LocalDate.of(2019, 1, 1)));
            facts.record(MALVIK.joinedByCouncil(LocalDate.of(2018, 10, 25)));

            Read<List<String>> read = memberIds(asOf(LocalDate.of(2019, 1, 1)));

            assertThat(read.result()).containsExactly("5001", "5030", "5031");
            assertThat(read.meta()).isEqualTo(new ReportMeta(LocalDate.of(2019, 1, 1), null, 8, 9));
            assertThat(log.foldsAfter).containsExactly(-1L, 7L);
        }

        @Test
        void theLeastRecentlyReadPointIsLetGoWhenMoreAreReadThanTheReaderKeeps() {
            LedgerReader keepingTwo = new LedgerReader(log, clock, 2, () -> Long.MAX_VALUE);
            ReadPoint first = asOf(LocalDate.of(2018, 1, 1));
            keepingTwo.read(first, views -> null);
            keepingTwo.read(asOf(LocalDate.of(2019, 1, 1)), views -> null);
            keepingTwo.read(first, views -> null);
            keepingTwo.read(asOf(LocalDate.of(2020, 1, 1)), views -> null);
            assertThat(log.foldsAfter).as("three read points folded once each").containsExactly(-1L, -1L, -1L);

            keepingTwo.read(first, views -> null);
            keepingTwo.read(asOf(LocalDate.of(2019, 1, 1)), views -> null);

            assertThat(log.foldsAfter).as("2019 was let go, 2018 kept").containsExactly(-1L, -1L, -1L, -1L);
            assertThatThrownBy(() -> new LedgerReader(log, clock, 0, () -> Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class KnownAtReads {

        private LedgerFact malvikJoined;

        @BeforeEach
        void history() {
            trondheimsregionen();
            malvikJoined = facts.record(MALVIK.joinedByCouncil(LocalDate.of(2018, 10, 25)));
        }

        @Test
        void aFactRecordedAfterKnownAtIsNotApplied() {
            // given
            Instant knownAt = malvikJoined.recordedAt().minusSeconds(30);

            // when
            Read<List<String>> read = memberIds(new ReadPoint(TODAY, knownAt));

            // then
            assertThat(read.result()).containsExactly("5001");
            assertThat(read.meta()).isEqualTo(new ReportMeta(TODAY, knownAt, 7, 8));
        }

        @Test
        void aFactRecordedExactlyAtKnownAtIsApplied() {
            Read<List<String>> read = memberIds(new ReadPoint(TODAY, malvikJoined.recordedAt()));

            assertThat(read.result()).containsExactly("5001", "5031");
            assertThat(read.meta().position()).isEqualTo(8);
        }

        @Test
        void knownAtAndAsOfCombine() {
            // given what was known before the merge was recorded, read as of after the merge
            Instant beforeMerge = facts.all().get(6).recordedAt().minusSeconds(1);

            // when
            Read<List<ParticipantView>> read = activeInTrondheimsregionen(
                    new ReadPoint(LocalDate.of(2020, 1, 1), beforeMerge));

            // then
            assertThat(ids(read.result())).containsExactly("5001", "5030", "5031");
            assertThat(read.meta().position()).isEqualTo(5);
        }

        @Test
        void beforeAnythingWasRecordedTheReportIsEmptyAtPositionMinusOne() {
            Instant knownAt = Facts.FIRST_RECORDING.minusSeconds(1);

            Read<List<String>> read = memberIds(new ReadPoint(TODAY, knownAt));

            assertThat(read.result()).isEmpty();
            assertThat(read.meta().position()).isEqualTo(-1);
        }
    }

    @Nested
    class LiveView {

        @BeforeEach
        void history() {
            trondheimsregionen();
        }

        @Test
        void theLiveViewShowsTodayWithEverythingKnown() {
            Read<List<String>> read = memberIds(reader.now());

            assertThat(read.result()).containsExactly("5001");
            assertThat(read.meta()).isEqualTo(new ReportMeta(TODAY, null, 7, 8));
            assertThat(log.foldsAfter).containsExactly(-1L);
        }

        @Test
        void anUnchangedLogIsNotReadAgain() {
            memberIds(reader.now());
            memberIds(reader.now());

            assertThat(log.foldsAfter).containsExactly(-1L);
        }

        @Test
        void appendedFactsAreFoldedInIncrementally() {
            // given
            memberIds(reader.now());
            facts.recordAll(MALVIK.joinedByCouncil(LocalDate.of(2018, 10, 25)), FOSEN.registered(),
                    OSEN.registered());

            // when
            Read<List<String>> read = memberIds(reader.now());

            // then
            assertThat(read.result()).containsExactly("5001", "5031");
            assertThat(read.meta().position()).isEqualTo(10);
            assertThat(log.foldsAfter).containsExactly(-1L, 7L);
        }

        @Test
        void anAppendedFactNotYetInEffectAdvancesThePositionOnly() {
            // given
            memberIds(reader.now());
            facts.record(MALVIK.joinedByCouncil(TODAY.plusDays(1)));

            // when
            Read<List<String>> read = memberIds(reader.now());

            // then
            assertThat(read.result()).containsExactly("5001");
            assertThat(read.meta().position()).isEqualTo(8);
        }

        @Test
        void aLateFactFillingAGapRebuildsTheView() {
            // given position 8 is left open and filled after position 9 was read
            long gap = facts.skipPosition();
            facts.record(FOSEN.registered());
            assertThat(memberIds(reader.now()).meta().position()).isEqualTo(9);

            // when
            facts.recordAtPosition(gap, MALVIK.joinedByCouncil(LocalDate.of(2018, 10, 25)));
            Read<List<String>> read = memberIds(reader.now());

            // then
            assertThat(read.result()).containsExactly("5001", "5031");
            assertThat(read.meta().position()).isEqualTo(9);
            assertThat(log.foldsAfter).as("the gap is noticed by counting, and the views folded again")
                    .containsExactly(-1L, -1L);
        }

        @Test
        void aClearedLogRebuildsTheView() {
            // given
            memberIds(reader.now());

            // when
            log.clear();
            Read<List<String>> read = memberIds(reader.now());

            // then
            assertThat(read.result()).isEmpty();
            assertThat(read.meta().position()).isEqualTo(-1);
            assertThat(log.foldsAfter).containsExactly(-1L, -1L);
        }

        @Test
        void aReplayAfterClearingIsReadFromTheStart() {
            // given
            memberIds(reader.now());
            log.clear();
            memberIds(reader.now());

            // when the replay has put the facts back
            facts.all().forEach(log::append);
            Read<List<String>> read = memberIds(reader.now());

            // then
            assertThat(read.result()).containsExactly("5001");
            assertThat(read.meta().position()).isEqualTo(7);
        }

        @Test
        void aNewDayRebuildsTheViewWithTheFactsThatTookEffectOvernight() {
            // given Malvik joins with effect from tomorrow
            facts.record(MALVIK.joinedByCouncil(TODAY.plusDays(1)));
            assertThat(memberIds(reader.now()).result()).containsExactly("5001");

            // when midnight passes in Oslo
            clock.set(Instant.parse("2024-06-14T22:00:00Z"));
            Read<List<String>> read = memberIds(reader.now());

            // then
            assertThat(read.result()).containsExactly("5001", "5031");
            assertThat(read.meta().asOf()).isEqualTo(TODAY.plusDays(1));
            assertThat(log.foldsAfter).containsExactly(-1L, -1L);
        }
    }

    @Nested
    class SettledPosition {

        private long settled = 7;
        private final LedgerReader settling = new LedgerReader(log, clock, 4, () -> settled);

        @BeforeEach
        void history() {
            trondheimsregionen();
        }

        @Test
        void factsAboveTheSettledPositionWaitUntilEverySegmentHasPassedThem() {
            // given segments ahead of one another: Malvik's join at 9 is in, position 8 not yet
            long lagging = facts.skipPosition();
            facts.record(MALVIK.joinedByCouncil(LocalDate.of(2018, 10, 25)));
            Read<List<String>> before = settling.read(settling.now(), views -> ids(views.participation()
                    .activeMembers()));
            assertThat(before.result()).containsExactly("5001");
            assertThat(before.meta().position()).isEqualTo(7);

            // when the lagging segment records position 8 and every segment has passed 9
            facts.recordAtPosition(lagging, FOSEN.registered());
            settled = 9;
            Read<List<String>> after = settling.read(settling.now(), views -> ids(views.participation()
                    .activeMembers()));

            // then both are applied after what was folded, with no fold from the start
            assertThat(after.result()).containsExactly("5001", "5031");
            assertThat(after.meta()).isEqualTo(new ReportMeta(TODAY, null, 9, 10));
            assertThat(log.foldsAfter).containsExactly(-1L, 7L);
        }
    }

    /**
     * Defects of {@link LedgerReader} found while writing these tests; enable each when it is fixed.
     */
    @Nested
    class ConcurrentChanges {

        @Test
        void aFactAppendedWhileTheLiveViewIsFoldedIsAppliedOnce() {
            // given a fact the processor appends while a read is folding the live view
            facts.record(decision("sg-2018-05-02-07", LocalDate.of(2018, 5, 2), "Samhandlingsstrategi"));
            log.afterNextWatermark = () -> facts.record(new SecretariatFundingAllocated(2019, FundingSource.OTHER,
                    new BigDecimal("100000.00"), "sg-2018-05-02-07"));
            reader.read(reader.now(), views -> views);

            // when another fact arrives and the live view is read again
            facts.record(FOSEN.registered());
            BigDecimal allocated = reader.read(reader.now(),
                    views -> views.funding().years().get(0).allocated().get(FundingSource.OTHER)).result();

            // then
            assertThat(allocated).isEqualTo(new BigDecimal("100000.00"));
        }

        @Test
        void aLogClearedAndRefilledBeforeTheNextReadIsReadFromTheStart() {
            // given
            facts.recordAll(FOSEN.registered(), OSEN.registered(), OSEN.joinedByCouncil(LocalDate.of(2018, 10, 18)));
            memberIds(reader.now());

            // when the log is cleared and refilled with other facts before the next read
            log.clear();
            new Facts(log).recordAll(FOSEN.registered(), OSEN.registered(), INDRE_FOSEN.registered(),
                    INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)));
            Read<List<String>> read = memberIds(reader.now());

            // then
            assertThat(read.result()).containsExactly("5054");
        }
    }

    @Nested
    class OneTruth {

        /**
         * Every kind of view, with facts in effect today, in the past and only in the future.
         */
        private void richHistory(Facts history) {
            history.recordAll(TRONDHEIMSREGIONEN.registered(), TRONDHEIM.registered(), KLAEBU.registered(),
                    MALVIK.registered(), TRONDHEIM.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                    KLAEBU.joinedByCouncil(LocalDate.of(2018, 9, 20)));
            history.recordAll(Merger.reform("5001", "Trondheim", "trondheimsregionen", 199595, TRONDHEIM, KLAEBU)
                    .events(false));
            history.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(), OSEN.registered(),
                    decision("sg-2018-05-02-07", LocalDate.of(2018, 5, 2), "Samhandlingsstrategi"),
                    INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                    new EFagraadEstablished("fosen", LocalDate.of(2019, 2, 1),
                            Authority.ofDecision("sg-2018-05-02-07")),
                    new SecretariatBudgetSet(2019, new BigDecimal("2.0"), new BigDecimal("2400000.00"),
                            "sg-2018-05-02-07"),
                    new SecretariatFundingAllocated(2019, FundingSource.DISCRETIONARY_GRANT,
                            new BigDecimal("1000000.00"), "sg-2018-05-02-07"),
                    new SecretariatFundingPledged(2019, "5054", new BigDecimal("300000.00"),
                            INDRE_FOSEN.council(LocalDate.of(2018, 12, 13))),
                    new InitiativeProposed("felles-sak-arkiv", "Felles sak/arkiv", "", Pillar.PRIORITISED_INITIATIVES,
                            List.of(3), "5054"),
                    new InitiativeApproved("felles-sak-arkiv", "sg-2018-05-02-07",
                            Money.nok(new BigDecimal("1500000.00"))),
                    new InitiativeJoined("felles-sak-arkiv", "5054", LocalDate.of(2018, 9, 1)),
                    new InitiativeMilestoneReached("felles-sak-arkiv", "Anskaffelse", LocalDate.of(2019, 6, 1), 60),
                    new DigitalMaturityAssessed("5054", LocalDate.of(2019, 3, 1), new BigDecimal("3.1"), "KS"),
                    new NationalComponentAdopted("5054", "SvarUt", LocalDate.of(2018, 4, 1)),
                    new CompetenceProgrammeCompleted("5054", "2019-1", 11),
                    new SteeringGroupDecisionCorrected("sg-2018-05-02-07", "Rettet", List.of("1."), "Skrivefeil"),
                    OSEN.joinedByCouncil(TODAY.plusDays(30)));
        }

        private LedgerViews live() {
            return reader.read(reader.now(), views -> views).result();
        }

        private LedgerViews foldedAfresh() {
            return reader.read(new ReadPoint(TODAY, clock.instant()), views -> views).result();
        }

        @Test
        void theLiveViewEqualsAFreshFoldForToday() {
            richHistory(facts);

            assertThat(live()).usingRecursiveComparison().isEqualTo(foldedAfresh());
            assertThat(live().participation().findParticipant("5020").orElseThrow().member()).isFalse();
            assertThat(live().funding().years()).hasSize(1);
        }

        @Test
        void theLiveViewKeptCurrentFactByFactEqualsAFreshFold() {
            // given a live view read after every fact appended
            Facts history = new Facts();
            richHistory(history);
            for (LedgerFact fact : history.all()) {
                log.append(fact);
                live();
            }

            List<Long> liveFolds = List.copyOf(log.foldsAfter);

            // then
            assertThat(live()).usingRecursiveComparison().isEqualTo(foldedAfresh());
            assertThat(liveFolds).hasSize(history.all().size()).startsWith(-1L, 0L, 1L).containsOnlyOnce(-1L);
        }
    }

    @Test
    void theFactsConcerningParticipantsAreFilteredByTheReadPoint() {
        // given
        trondheimsregionen();
        LedgerFact malvikJoined = facts.record(MALVIK.joinedByCouncil(LocalDate.of(2018, 10, 25)));

        // then
        assertThat(reader.concerning(asOf(LocalDate.of(2019, 12, 31)), List.of("5030")))
                .extracting(LedgerFact::position).containsExactly(2L, 5L);
        assertThat(reader.concerning(asOf(LocalDate.of(2020, 1, 1)), List.of("5030")))
                .extracting(LedgerFact::position).containsExactly(2L, 5L, 6L, 7L);
        assertThat(reader.concerning(new ReadPoint(TODAY, malvikJoined.recordedAt().minusNanos(1)), List.of("5031")))
                .extracting(LedgerFact::position).containsExactly(3L);
        assertThat(reader.concerning(reader.now(), List.of("5031"))).extracting(LedgerFact::position)
                .containsExactly(3L, 8L);
    }

    /**
     * The in-memory log, noting from which position each fold reads.
     */
    private static final class ObservedFactLog implements FactLog {

        private final InMemoryFactLog delegate = new InMemoryFactLog();
        private final List<Long> foldsAfter = new ArrayList<>();
        private Runnable afterNextWatermark;

        @Override
        public void append(LedgerFact fact) {
            delegate.append(fact);
        }

        @Override
        public void clear() {
            delegate.clear();
        }

        @Override
        public Watermark watermark() {
            Watermark watermark = delegate.watermark();
            Runnable concurrently = afterNextWatermark;
            afterNextWatermark = null;
            if (concurrently != null) {
                concurrently.run();
            }
            return watermark;
        }

        @Override
        public long countUpTo(long position) {
            return delegate.countUpTo(position);
        }


        @Override

        public long countAfter(long position) {

            return delegate.countAfter(position);

        }

        @Override
        public void forEach(long afterPosition, Consumer<LedgerFact> consumer) {
            foldsAfter.add(afterPosition);
            delegate.forEach(afterPosition, consumer);
        }

        @Override
        public List<LedgerFact> concerning(Collection<String> participantIds) {
            return delegate.concerning(participantIds);
        }
    }

    /**
     * A clock in Oslo that tests move by hand.
     */
    private static final class SettableClock extends Clock {

        private Instant instant;

        private SettableClock(Instant instant) {
            this.instant = instant;
        }

        void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public ZoneId getZone() {
            return OSLO;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant, zone);
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }
}
