package no.trondelag.samhandling.query.participation;

import static no.trondelag.samhandling.query.ledger.Trondelag.AFJORD;
import static no.trondelag.samhandling.query.ledger.Trondelag.BJUGN;
import static no.trondelag.samhandling.query.ledger.Trondelag.COUNTY_AUTHORITY;
import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.JANUARY_2018;
import static no.trondelag.samhandling.query.ledger.Trondelag.ORLAND;
import static no.trondelag.samhandling.query.ledger.Trondelag.OSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.REFORM_2020;
import static no.trondelag.samhandling.query.ledger.Trondelag.ROAN;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIMSREGIONEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.FindParticipant;
import no.trondelag.samhandling.api.participation.FindParticipantHistory;
import no.trondelag.samhandling.api.participation.FindParticipants;
import no.trondelag.samhandling.api.participation.FindParticipation;
import no.trondelag.samhandling.api.participation.ParticipantHistory;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.participation.ParticipationReport;
import no.trondelag.samhandling.api.participation.RegionParticipation;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.FindRegions;
import no.trondelag.samhandling.api.region.RegionView;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
import no.trondelag.samhandling.query.ledger.FactLog;
import no.trondelag.samhandling.query.ledger.Facts;
import no.trondelag.samhandling.query.ledger.InMemoryFactLog;
import no.trondelag.samhandling.query.ledger.LedgerFact;
import no.trondelag.samhandling.query.ledger.LedgerReader;
import no.trondelag.samhandling.query.ledger.Trondelag.Merger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Participation in Fosen: six municipalities in 2018 (population 25 502 on 1 January 2018), four of them members
 * by the end of 2019 after Roan joined and withdrew; Ørland and Bjugn merged into the new Ørland (5057), Åfjord and
 * Roan into the new Åfjord (5058) on 1 January 2020.
 */
class ParticipationQueriesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final String STRATEGY = "sg-2018-05-02-07";
    private static final String FOSEN_IKT = "999000111";

    private final InMemoryFactLog log = new InMemoryFactLog();
    private final Facts facts = new Facts(log);
    private final ParticipationQueries queries = new ParticipationQueries(
            new LedgerReader(log, Clock.fixed(Instant.parse("2024-06-14T10:00:00Z"), ZoneId.of("Europe/Oslo"))));

    private LedgerFact osenJoined;
    private LedgerFact roanWithdrawn;
    private LedgerFact firstMergeFact;

    @BeforeEach
    void fosen() {
        facts.recordAll(FOSEN.registered(), TRONDHEIMSREGIONEN.registered(), ORLAND.registered(), BJUGN.registered(),
                AFJORD.registered(), ROAN.registered(), OSEN.registered(), INDRE_FOSEN.registered(),
                new ParticipantRegistered(FOSEN_IKT, "Fosen IKT", ParticipantKind.OTHER, "fosen", 0, JANUARY_2018,
                        null),
                COUNTY_AUTHORITY.registered(),
                decision(STRATEGY, LocalDate.of(2018, 5, 2), "Samhandlingsstrategi for digitalisering"),
                INDRE_FOSEN.joinedByCouncil(LocalDate.of(2018, 6, 14)),
                new CollaborationJoined(FOSEN_IKT, LocalDate.of(2018, 6, 20), Authority.ofDecision(STRATEGY)),
                COUNTY_AUTHORITY.joinedOnDecision(LocalDate.of(2018, 5, 2), STRATEGY),
                ORLAND.joinedByCouncil(LocalDate.of(2018, 9, 6)),
                BJUGN.joinedByCouncil(LocalDate.of(2018, 9, 13)));
        osenJoined = facts.record(OSEN.joinedByCouncil(LocalDate.of(2018, 10, 18)));
        facts.recordAll(ROAN.joinedByCouncil(LocalDate.of(2018, 11, 1)),
                new EFagraadEstablished("fosen", LocalDate.of(2019, 2, 1), Authority.ofDecision(STRATEGY)),
                new StrategyGroupRepresentativeAppointed("fosen", "5054", LocalDate.of(2019, 3, 1),
                        Authority.ofDecision(STRATEGY)));
        roanWithdrawn = facts.record(ROAN.withdrawnByCouncil(LocalDate.of(2019, 6, 30), "Venter på sammenslåing"));
        firstMergeFact = facts.recordAll(Merger.reform("5057", "Ørland", "fosen", 10215, ORLAND, BJUGN).events(true))
                .get(0);
        facts.recordAll(Merger.reform("5058", "Åfjord", "fosen", 4230, AFJORD, ROAN).events(false));
    }

    private static ReadPoint now() {
        return new ReadPoint(TODAY, null);
    }

    private static ReadPoint asOf(int year, int month, int day) {
        return new ReadPoint(LocalDate.of(year, month, day), null);
    }

    private RegionParticipation fosenAt(ReadPoint readPoint) {
        ParticipationReport report = queries.handle(new FindParticipation(readPoint, "fosen"));
        assertThat(report.regions()).hasSize(1);
        return report.regions().get(0);
    }

    private static List<String> ids(List<ParticipantView> participants) {
        return participants.stream().map(ParticipantView::participantId).toList();
    }

    @Nested
    class ParticipationByRegion {

        @Test
        void todayFosenCountsTheMergedMunicipalities() {
            // when
            RegionParticipation fosen = fosenAt(now());

            // then 5020, 5054, 5057, 5058 registered; Åfjord (5058) took over no membership
            assertThat(fosen.regionId()).isEqualTo("fosen");
            assertThat(fosen.name()).isEqualTo("Fosen regionråd");
            assertThat(fosen.municipalitiesRegistered()).isEqualTo(4);
            assertThat(fosen.memberMunicipalities()).isEqualTo(3);
            assertThat(fosen.participationRate()).isEqualTo(new BigDecimal("0.7500"));
            assertThat(fosen.populationTotal()).isEqualTo(967 + 10090 + 10215 + 4230);
            assertThat(fosen.populationCovered()).isEqualTo(967 + 10090 + 10215);
            assertThat(ids(fosen.members())).containsExactly("5020", "5054", "5057", FOSEN_IKT);
            assertThat(fosen.eFagraadEstablishedOn()).isEqualTo(LocalDate.of(2019, 2, 1));
            assertThat(fosen.strategyGroupRepresentativeId()).isEqualTo("5054");
        }

        @Test
        void atTheEndOf2019FosenHadSixMunicipalitiesAndFourMembers() {
            RegionParticipation fosen = fosenAt(asOf(2019, 12, 31));

            assertThat(fosen.municipalitiesRegistered()).isEqualTo(6);
            assertThat(fosen.memberMunicipalities()).isEqualTo(4);
            assertThat(fosen.participationRate()).isEqualTo(new BigDecimal("0.6667"));
            assertThat(fosen.populationTotal()).isEqualTo(25502);
            assertThat(fosen.populationCovered()).isEqualTo(5351 + 4864 + 967 + 10090);
            assertThat(ids(fosen.members())).containsExactly("5015", "5017", "5020", "5054", FOSEN_IKT);
        }

        @Test
        void atTheEndOf2018RoanWasStillAMemberAndNoEFagraadExisted() {
            RegionParticipation fosen = fosenAt(asOf(2018, 12, 31));

            assertThat(fosen.memberMunicipalities()).isEqualTo(5);
            assertThat(fosen.participationRate()).isEqualTo(new BigDecimal("0.8333"));
            assertThat(fosen.populationCovered()).isEqualTo(5351 + 4864 + 953 + 967 + 10090);
            assertThat(fosen.eFagraadEstablishedOn()).isNull();
            assertThat(fosen.strategyGroupRepresentativeId()).isNull();
        }

        @Test
        void whatWasKnownBeforeRoansWithdrawalWasRecordedStillCountsRoan() {
            // given
            Instant knownAt = roanWithdrawn.recordedAt().minusSeconds(1);

            // when
            ParticipationReport report = queries.handle(new FindParticipation(new ReadPoint(TODAY, knownAt), "fosen"));

            // then
            RegionParticipation fosen = report.regions().get(0);
            assertThat(fosen.municipalitiesRegistered()).isEqualTo(6);
            assertThat(fosen.memberMunicipalities()).isEqualTo(5);
            assertThat(report.meta()).isEqualTo(new ReportMeta(TODAY, knownAt, roanWithdrawn.position() - 1,
                    roanWithdrawn.position()));
        }

        @Test
        void everyRegionIsReportedByIdAndOneWithoutMunicipalitiesHasNoRate() {
            // when
            ParticipationReport report = queries.handle(new FindParticipation(now(), null));

            // then
            assertThat(report.regions()).extracting(RegionParticipation::regionId)
                    .containsExactly("fosen", "trondheimsregionen");
            RegionParticipation trondheimsregionen = report.regions().get(1);
            assertThat(trondheimsregionen.municipalitiesRegistered()).isZero();
            assertThat(trondheimsregionen.participationRate()).isNull();
            assertThat(trondheimsregionen.populationTotal()).isZero();
            assertThat(trondheimsregionen.members()).isEmpty();
            assertThat(report.meta()).isEqualTo(new ReportMeta(TODAY, null, facts.last().position(), facts.last().position() + 1));
        }

        @Test
        void anUnknownRegionGivesNoRows() {
            assertThat(queries.handle(new FindParticipation(now(), "namdal")).regions()).isEmpty();
        }
    }

    @Nested
    class RegionsAndParticipants {

        @Test
        void regionsAreListedWithTheirEFagraadAndRepresentative() {
            assertThat(queries.handle(new FindRegions(now())).regions()).containsExactly(
                    new RegionView("fosen", "Fosen regionråd", LocalDate.of(2019, 2, 1), "5054"),
                    new RegionView("trondheimsregionen", "Trondheimsregionen", null, null));
        }

        @Test
        void everyParticipantIsListedIncludingThoseMergedAway() {
            assertThat(ids(queries.handle(new FindParticipants(now())).participants())).containsExactly("5015", "5017",
                    "5018", "5019", "5020", "5054", "5057", "5058", "817920632", FOSEN_IKT);
            assertThat(ids(queries.handle(new FindParticipants(asOf(2019, 12, 31))).participants()))
                    .doesNotContain("5057", "5058").hasSize(8);
        }

        @Test
        void theNewOrlandCarriesOnTheMembershipOfItsPredecessors() {
            assertThat(queries.handle(new FindParticipant(now(), "5057")).participant()).isEqualTo(
                    new ParticipantView("5057", "Ørland", ParticipantKind.MUNICIPALITY, "fosen", 10215, REFORM_2020,
                            true, REFORM_2020, List.of(), List.of("5015", "5017")));
        }

        @Test
        void aParticipantNotYetRegisteredAtTheReadPointIsNull() {
            assertThat(queries.handle(new FindParticipant(asOf(2019, 12, 31), "5057")).participant()).isNull();
            assertThat(queries.handle(new FindParticipant(now(), "5099")).participant()).isNull();
        }
    }

    @Nested
    class History {

        @Test
        void aSuccessorsHistoryCoversItsPredecessorsInLedgerOrder() {
            // when
            ParticipantHistory history = queries.handle(new FindParticipantHistory(now(), "5057"));

            // then
            assertThat(history.known()).isTrue();
            assertThat(history.participantId()).isEqualTo("5057");
            assertThat(history.covers()).containsExactly("5057", "5015", "5017");
            assertThat(history.entries()).extracting(HistoryEntry::type).containsExactly(
                    "ParticipantRegistered", "ParticipantRegistered", "CollaborationJoined", "CollaborationJoined",
                    "ParticipantMergedInto", "ParticipantMergedInto", "ParticipantRegistered", "CollaborationJoined");
            assertThat(history.entries()).extracting(HistoryEntry::position).isSorted();
            assertThat(history.entries().get(4)).isEqualTo(firstMergeFact.toEntry());
            assertThat(history.entries().get(2).authority())
                    .isEqualTo(ORLAND.council(LocalDate.of(2018, 9, 6)));
            assertThat(history.meta()).isEqualTo(new ReportMeta(TODAY, null, facts.last().position(), facts.last().position() + 1));
        }

        @Test
        void aPredecessorsHistoryEndsWithTheMergeItTookPartIn() {
            ParticipantHistory history = queries.handle(new FindParticipantHistory(now(), "5015"));

            assertThat(history.covers()).containsExactly("5015");
            assertThat(history.entries()).extracting(entry -> entry.type() + " " + entry.effectiveOn())
                    .containsExactly("ParticipantRegistered 2018-01-01", "CollaborationJoined 2018-09-06",
                            "ParticipantMergedInto 2020-01-01", "ParticipantMergedInto 2020-01-01");
        }

        @Test
        void theHistoryAsOfADateLeavesOutWhatTookEffectLater() {
            ParticipantHistory history = queries.handle(new FindParticipantHistory(asOf(2018, 10, 1), "5020"));

            assertThat(history.entries()).extracting(HistoryEntry::type).containsExactly("ParticipantRegistered");
        }

        @Test
        void theHistoryKnownAtAnInstantLeavesOutWhatWasRecordedLater() {
            // when
            ParticipantHistory history = queries.handle(new FindParticipantHistory(
                    new ReadPoint(TODAY, osenJoined.recordedAt().minusNanos(1000)), "5020"));

            // then
            assertThat(history.entries()).extracting(HistoryEntry::type).containsExactly("ParticipantRegistered");
            assertThat(history.meta().position()).isEqualTo(osenJoined.position() - 1);
        }

        @Test
        void aSuccessorNotYetRegisteredAtTheReadPointHasNoHistory() {
            ParticipantHistory beforeTheReform = queries.handle(
                    new FindParticipantHistory(asOf(2019, 12, 31), "5057"));
            ParticipantHistory beforeTheMergeWasRecorded = queries.handle(new FindParticipantHistory(
                    new ReadPoint(TODAY, firstMergeFact.recordedAt().minusSeconds(1)), "5057"));

            assertThat(beforeTheReform.known()).isFalse();
            assertThat(beforeTheReform.covers()).isEmpty();
            assertThat(beforeTheReform.entries()).isEmpty();
            assertThat(beforeTheMergeWasRecorded.known()).isFalse();
            assertThat(beforeTheMergeWasRecorded.entries()).isEmpty();
        }

        @Test
        void aFactRecordedWhileTheHistoryIsReadIsLeftOutAsTheReportsPositionSays() {
            // given a log to which the processor appends Osen's withdrawal between the view and the history read
            FactLog racing = new FactLog() {
                @Override
                public void append(LedgerFact fact) {
                    log.append(fact);
                }

                @Override
                public void clear() {
                    log.clear();
                }

                @Override
                public Watermark watermark() {
                    return log.watermark();
                }

                @Override
                public long countUpTo(long position) {
                    return log.countUpTo(position);
                }


                @Override

                public long countAfter(long position) {

                    return log.countAfter(position);

                }

                @Override
                public void forEach(long afterPosition, Consumer<LedgerFact> consumer) {
                    log.forEach(afterPosition, consumer);
                }

                @Override
                public List<LedgerFact> concerning(Collection<String> participantIds) {
                    facts.record(OSEN.withdrawnByCouncil(LocalDate.of(2021, 1, 1), "Ny kommunestruktur"));
                    return log.concerning(participantIds);
                }
            };
            ParticipationQueries racingQueries = new ParticipationQueries(new LedgerReader(racing,
                    Clock.fixed(Instant.parse("2024-06-14T10:00:00Z"), ZoneId.of("Europe/Oslo"))));
            long lastBefore = facts.last().position();

            // when
            ParticipantHistory history = racingQueries.handle(new FindParticipantHistory(now(), "5020"));

            // then
            assertThat(history.meta().position()).isEqualTo(lastBefore);
            assertThat(history.entries()).extracting(HistoryEntry::type)
                    .containsExactly("ParticipantRegistered", "CollaborationJoined");
            assertThat(log.watermark().lastPosition()).isEqualTo(lastBefore + 1);
        }

        @Test
        void entriesCarryTheActorForTheCallerToShowOrHide() {
            ParticipantHistory history = queries.handle(new FindParticipantHistory(now(), "5020"));

            assertThat(history.entries()).extracting(HistoryEntry::actor).containsOnly(Facts.SECRETARIAT);
        }
    }
}
