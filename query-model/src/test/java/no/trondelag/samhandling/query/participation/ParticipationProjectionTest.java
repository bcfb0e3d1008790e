package no.trondelag.samhandling.query.participation;

import static no.trondelag.samhandling.query.ledger.Trondelag.AGDENES;
import static no.trondelag.samhandling.query.ledger.Trondelag.COUNTY_AUTHORITY;
import static no.trondelag.samhandling.query.ledger.Trondelag.FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.HEMNE;
import static no.trondelag.samhandling.query.ledger.Trondelag.HITRA;
import static no.trondelag.samhandling.query.ledger.Trondelag.INDRE_FOSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.JANUARY_2018;
import static no.trondelag.samhandling.query.ledger.Trondelag.KLAEBU;
import static no.trondelag.samhandling.query.ledger.Trondelag.MALVIK;
import static no.trondelag.samhandling.query.ledger.Trondelag.MELDAL;
import static no.trondelag.samhandling.query.ledger.Trondelag.ORKDAL;
import static no.trondelag.samhandling.query.ledger.Trondelag.ORKDALSREGIONEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.OSEN;
import static no.trondelag.samhandling.query.ledger.Trondelag.REFORM_2020;
import static no.trondelag.samhandling.query.ledger.Trondelag.SNILLFJORD;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIM;
import static no.trondelag.samhandling.query.ledger.Trondelag.TRONDHEIMSREGIONEN;
import static no.trondelag.samhandling.query.participation.Fosen.FOSEN_IKT;
import static no.trondelag.samhandling.query.participation.Fosen.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.api.common.ReportMeta;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.FindParticipant;
import no.trondelag.samhandling.api.participation.FindParticipants;
import no.trondelag.samhandling.api.participation.FindParticipation;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.participation.ParticipationReport;
import no.trondelag.samhandling.api.participation.RegionParticipation;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.FindRegions;
import no.trondelag.samhandling.api.region.RegionView;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
import no.trondelag.samhandling.query.ledger.Trondelag.Merger;
import no.trondelag.samhandling.query.projection.Projections;
import no.trondelag.samhandling.query.projection.RecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParticipationProjectionTest {

    private static final LocalDate COUNCIL_DATE = LocalDate.of(2018, 6, 14);

    private final Projections facts = new Projections();
    private final ParticipationProjection projection = facts.participation();

    private static ReadPoint now() {
        return new ReadPoint(TODAY, null);
    }

    private static ReadPoint asOf(int year, int month, int day) {
        return new ReadPoint(LocalDate.of(year, month, day), null);
    }

    private Participation at(ReadPoint readPoint) {
        return projection.at(projection.readAt(readPoint));
    }

    private Participation today() {
        return at(now());
    }

    private ParticipantView participant(String participantId) {
        ParticipantView participant = projection.handle(new FindParticipant(now(), participantId)).participant();
        assertThat(participant).as("participant %s", participantId).isNotNull();
        return participant;
    }

    private RegionView region(String regionId) {
        return projection.handle(new FindRegions(now())).regions().stream()
                .filter(region -> region.regionId().equals(regionId))
                .findFirst()
                .orElse(null);
    }

    private static List<String> ids(List<ParticipantView> participants) {
        return participants.stream().map(ParticipantView::participantId).toList();
    }

    /** Participation in Fosen (see {@link Fosen}) at several read points. */
    @Nested
    class InFosen {

        private Fosen fosen;

        @BeforeEach
        void fosen() {
            fosen = new Fosen(facts);
        }

        private RegionParticipation fosenAt(ReadPoint readPoint) {
            ParticipationReport report = projection.handle(new FindParticipation(readPoint, "fosen"));
            assertThat(report.regions()).hasSize(1);
            return report.regions().get(0);
        }

        @Nested
        class ParticipationByRegion {

            @Test
            void todayFosenCountsTheMergedMunicipalities() {
                // when
                RegionParticipation region = fosenAt(now());

                // then 5020, 5054, 5057, 5058 registered; Åfjord (5058) took over no membership
                assertThat(region.regionId()).isEqualTo("fosen");
                assertThat(region.name()).isEqualTo("Fosen regionråd");
                assertThat(region.municipalitiesRegistered()).isEqualTo(4);
                assertThat(region.memberMunicipalities()).isEqualTo(3);
                assertThat(region.participationRate()).isEqualTo(new BigDecimal("0.7500"));
                assertThat(region.populationTotal()).isEqualTo(967 + 10090 + 10215 + 4230);
                assertThat(region.populationCovered()).isEqualTo(967 + 10090 + 10215);
                assertThat(ids(region.members())).containsExactly("5020", "5054", "5057", FOSEN_IKT);
                assertThat(region.eFagraadEstablishedOn()).isEqualTo(LocalDate.of(2019, 2, 1));
                assertThat(region.strategyGroupRepresentativeId()).isEqualTo("5054");
            }

            @Test
            void atTheEndOf2019FosenHadSixMunicipalitiesAndFourMembers() {
                RegionParticipation region = fosenAt(asOf(2019, 12, 31));

                assertThat(region.municipalitiesRegistered()).isEqualTo(6);
                assertThat(region.memberMunicipalities()).isEqualTo(4);
                assertThat(region.participationRate()).isEqualTo(new BigDecimal("0.6667"));
                assertThat(region.populationTotal()).isEqualTo(25502);
                assertThat(region.populationCovered()).isEqualTo(5351 + 4864 + 967 + 10090);
                assertThat(ids(region.members())).containsExactly("5015", "5017", "5020", "5054", FOSEN_IKT);
            }

            @Test
            void atTheEndOf2018RoanWasStillAMemberAndNoEFagraadExisted() {
                RegionParticipation region = fosenAt(asOf(2018, 12, 31));

                assertThat(region.memberMunicipalities()).isEqualTo(5);
                assertThat(region.participationRate()).isEqualTo(new BigDecimal("0.8333"));
                assertThat(region.populationCovered()).isEqualTo(5351 + 4864 + 953 + 967 + 10090);
                assertThat(region.eFagraadEstablishedOn()).isNull();
                assertThat(region.strategyGroupRepresentativeId()).isNull();
            }

            @Test
            void whatWasKnownBeforeRoansWithdrawalWasRecordedStillCountsRoan() {
                // given
                Instant knownAt = fosen.roanWithdrawn.recordedAt().minusSeconds(1);

                // when
                ParticipationReport report = projection.handle(
                        new FindParticipation(new ReadPoint(TODAY, knownAt), "fosen"));

                // then
                RegionParticipation region = report.regions().get(0);
                assertThat(region.municipalitiesRegistered()).isEqualTo(6);
                assertThat(region.memberMunicipalities()).isEqualTo(5);
                assertThat(report.meta()).isEqualTo(new ReportMeta(TODAY, knownAt,
                        fosen.roanWithdrawn.position() - 1, fosen.roanWithdrawn.position()));
            }

            @Test
            void knownAtTheInstantRoansWithdrawalWasRecordedRoanIsNoLongerCounted() {
                // given
                Instant knownAt = fosen.roanWithdrawn.recordedAt();

                // when
                ParticipationReport report = projection.handle(
                        new FindParticipation(new ReadPoint(asOf(2019, 12, 31).asOf(), knownAt), "fosen"));

                // then
                assertThat(report.regions().get(0).memberMunicipalities()).isEqualTo(4);
                assertThat(report.meta()).isEqualTo(new ReportMeta(LocalDate.of(2019, 12, 31), knownAt,
                        fosen.roanWithdrawn.position(), fosen.roanWithdrawn.position() + 1));
            }

            @Test
            void knownBeforeTheMergesWereRecordedTodayStillShowsTheSixMunicipalities() {
                Instant knownAt = fosen.firstMergeFact.recordedAt().minusSeconds(1);

                RegionParticipation region = fosenAt(new ReadPoint(TODAY, knownAt));

                assertThat(region.municipalitiesRegistered()).isEqualTo(6);
                assertThat(region.memberMunicipalities()).isEqualTo(4);
                assertThat(ids(region.members())).containsExactly("5015", "5017", "5020", "5054", FOSEN_IKT);
            }

            @Test
            void everyRegionIsReportedByIdAndOneWithoutMunicipalitiesHasNoRate() {
                // when
                ParticipationReport report = projection.handle(new FindParticipation(now(), null));

                // then
                assertThat(report.regions()).extracting(RegionParticipation::regionId)
                        .containsExactly("fosen", "trondheimsregionen");
                RegionParticipation trondheimsregionen = report.regions().get(1);
                assertThat(trondheimsregionen.municipalitiesRegistered()).isZero();
                assertThat(trondheimsregionen.participationRate()).isNull();
                assertThat(trondheimsregionen.populationTotal()).isZero();
                assertThat(trondheimsregionen.members()).isEmpty();
                assertThat(report.meta()).isEqualTo(new ReportMeta(TODAY, null, facts.last().position(),
                        facts.last().position() + 1));
            }

            @Test
            void anUnknownRegionGivesNoRows() {
                assertThat(projection.handle(new FindParticipation(now(), "namdal")).regions()).isEmpty();
            }
        }

        @Nested
        class RegionsAndParticipants {

            @Test
            void regionsAreListedWithTheirEFagraadAndRepresentative() {
                assertThat(projection.handle(new FindRegions(now())).regions()).containsExactly(
                        new RegionView("fosen", "Fosen regionråd", LocalDate.of(2019, 2, 1), "5054"),
                        new RegionView("trondheimsregionen", "Trondheimsregionen", null, null));
            }

            @Test
            void beforeTheEFagraadWasEstablishedTheRegionHasNeitherItNorARepresentative() {
                assertThat(projection.handle(new FindRegions(asOf(2019, 1, 31))).regions()).containsExactly(
                        new RegionView("fosen", "Fosen regionråd", null, null),
                        new RegionView("trondheimsregionen", "Trondheimsregionen", null, null));
                assertThat(projection.handle(new FindRegions(asOf(2019, 2, 28))).regions()).first()
                        .isEqualTo(new RegionView("fosen", "Fosen regionråd", LocalDate.of(2019, 2, 1), null));
            }

            @Test
            void everyParticipantIsListedIncludingThoseMergedAway() {
                assertThat(ids(projection.handle(new FindParticipants(now())).participants())).containsExactly(
                        "5015", "5017", "5018", "5019", "5020", "5054", "5057", "5058", "817920632", FOSEN_IKT);
                assertThat(ids(projection.handle(new FindParticipants(asOf(2019, 12, 31))).participants()))
                        .doesNotContain("5057", "5058").hasSize(8);
            }

            @Test
            void beforeAnyoneWasRegisteredNoParticipantIsListed() {
                assertThat(projection.handle(new FindParticipants(asOf(2017, 12, 31))).participants()).isEmpty();
                assertThat(projection.handle(new FindParticipants(
                        new ReadPoint(TODAY, Projections.FIRST_RECORDING.minusSeconds(1)))).meta())
                        .isEqualTo(new ReportMeta(TODAY, Projections.FIRST_RECORDING.minusSeconds(1), -1, 0));
            }

            @Test
            void theNewOrlandCarriesOnTheMembershipOfItsPredecessors() {
                assertThat(projection.handle(new FindParticipant(now(), "5057")).participant()).isEqualTo(
                        new ParticipantView("5057", "Ørland", ParticipantKind.MUNICIPALITY, "fosen", 10215,
                                REFORM_2020, true, REFORM_2020, List.of(), List.of("5015", "5017")));
            }

            @Test
            void theOldOrlandIsMergedAwayTodayAndStoodOnItsOwnAtTheEndOf2019() {
                assertThat(projection.handle(new FindParticipant(now(), "5015")).participant().mergedInto())
                        .containsExactly("5057");
                assertThat(projection.handle(new FindParticipant(asOf(2019, 12, 31), "5015")).participant())
                        .isEqualTo(new ParticipantView("5015", "Ørland", ParticipantKind.MUNICIPALITY, "fosen", 5351,
                                JANUARY_2018, true, LocalDate.of(2018, 9, 6), List.of(), List.of()));
            }

            @Test
            void aParticipantNotYetRegisteredAtTheReadPointIsNull() {
                assertThat(projection.handle(new FindParticipant(asOf(2019, 12, 31), "5057")).participant())
                        .isNull();
                assertThat(projection.handle(new FindParticipant(
                        new ReadPoint(TODAY, fosen.firstMergeFact.recordedAt().minusSeconds(1)), "5057"))
                        .participant()).isNull();
                assertThat(projection.handle(new FindParticipant(now(), "5099")).participant()).isNull();
            }
        }
    }

    @Nested
    class Registration {

        @Test
        void aRegisteredMunicipalityStandsOnItsOwnAndIsNotYetAMember() {
            // given
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered());

            // when
            Participation view = today();

            // then
            assertThat(view.findParticipant("5054")).contains(new ParticipantView("5054", "Indre Fosen",
                    ParticipantKind.MUNICIPALITY, "fosen", 10090, JANUARY_2018, false, null, List.of(), List.of()));
            assertThat(view.activeMembers()).isEmpty();
        }

        @Test
        void aMunicipalityIsRegisteredFromItsEffectiveDate() {
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered());

            assertThat(at(asOf(2017, 12, 31)).participants()).isEmpty();
            assertThat(ids(at(asOf(2018, 1, 1)).participants())).containsExactly("5054");
        }

        @Test
        void participantsAreListedByIdIncludingPartnersWithoutRegion() {
            facts.recordAll(FOSEN.registered(), OSEN.registered(), COUNTY_AUTHORITY.registered(),
                    INDRE_FOSEN.registered());

            assertThat(ids(projection.handle(new FindParticipants(now())).participants()))
                    .containsExactly("5020", "5054", "817920632");
            assertThat(participant("817920632").regionId()).isNull();
        }

        @Test
        void anUnknownParticipantIsNotFound() {
            facts.record(INDRE_FOSEN.registered());

            assertThat(today().findParticipant("5020")).isEmpty();
            assertThat(projection.handle(new FindParticipant(now(), "5020")).participant()).isNull();
        }
    }

    @Nested
    class Regions {

        @Test
        void regionsAreListedByIdWithTheirEFagraadAndRepresentative() {
            // given
            facts.recordAll(TRONDHEIMSREGIONEN.registered(), FOSEN.registered(), INDRE_FOSEN.registered(),
                    new EFagraadEstablished("fosen", LocalDate.of(2019, 2, 1), Authority.ofDecision("sg-1")),
                    new StrategyGroupRepresentativeAppointed("fosen", "5054", LocalDate.of(2019, 3, 1), null));

            // when
            List<RegionView> regions = projection.handle(new FindRegions(now())).regions();

            // then
            assertThat(regions).containsExactly(
                    new RegionView("fosen", "Fosen regionråd", LocalDate.of(2019, 2, 1), "5054"),
                    new RegionView("trondheimsregionen", "Trondheimsregionen", null, null));
            assertThat(region("fosen").strategyGroupRepresentativeId()).isEqualTo("5054");
            assertThat(region("namdal")).isNull();
        }

        @Test
        void aNewRepresentativeReplacesTheFormerOne() {
            facts.recordAll(FOSEN.registered(),
                    new StrategyGroupRepresentativeAppointed("fosen", "5054", LocalDate.of(2019, 3, 1), null),
                    new StrategyGroupRepresentativeAppointed("fosen", "5020", LocalDate.of(2021, 3, 1), null));

            assertThat(region("fosen").strategyGroupRepresentativeId()).isEqualTo("5020");
            assertThat(projection.handle(new FindRegions(asOf(2021, 2, 28))).regions().get(0)
                    .strategyGroupRepresentativeId()).isEqualTo("5054");
        }
    }

    @Nested
    class Membership {

        @Test
        void joiningMakesAMemberSinceTheEffectiveDate() {
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(), INDRE_FOSEN.joinedByCouncil(COUNCIL_DATE));

            ParticipantView indreFosen = participant("5054");

            assertThat(indreFosen.member()).isTrue();
            assertThat(indreFosen.memberSince()).isEqualTo(COUNCIL_DATE);
            assertThat(ids(today().activeMembers())).containsExactly("5054");
            assertThat(at(new ReadPoint(COUNCIL_DATE.minusDays(1), null)).activeMembers()).isEmpty();
        }

        @Test
        void withdrawingEndsTheMembership() {
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(), INDRE_FOSEN.joinedByCouncil(COUNCIL_DATE),
                    INDRE_FOSEN.withdrawnByCouncil(LocalDate.of(2019, 12, 31), "Egen satsing"));

            ParticipantView indreFosen = participant("5054");

            assertThat(indreFosen.member()).isFalse();
            assertThat(indreFosen.memberSince()).isNull();
            assertThat(today().activeMembers()).isEmpty();
            assertThat(ids(at(asOf(2019, 12, 30)).activeMembers())).containsExactly("5054");
        }

        @Test
        void rejoiningStartsANewMembership() {
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(), INDRE_FOSEN.joinedByCouncil(COUNCIL_DATE),
                    INDRE_FOSEN.withdrawnByCouncil(LocalDate.of(2019, 12, 31), "Egen satsing"),
                    INDRE_FOSEN.joinedByCouncil(LocalDate.of(2021, 2, 11)));

            assertThat(participant("5054").memberSince()).isEqualTo(LocalDate.of(2021, 2, 11));
            assertThat(at(asOf(2020, 6, 1)).findParticipant("5054").orElseThrow().member()).isFalse();
            assertThat(at(asOf(2019, 6, 1)).findParticipant("5054").orElseThrow().memberSince())
                    .isEqualTo(COUNCIL_DATE);
        }
    }

    @Nested
    class Moves {

        @Test
        void aMovedParticipantCountsUnderItsNewRegionOnly() {
            // given Indre Fosen also sits in Trondheimsregionen and moves its primary region there
            facts.recordAll(FOSEN.registered(), TRONDHEIMSREGIONEN.registered(), INDRE_FOSEN.registered(),
                    OSEN.registered(), new ParticipantMovedToRegion("5054", "fosen", "trondheimsregionen",
                            LocalDate.of(2019, 1, 1), INDRE_FOSEN.council(LocalDate.of(2018, 11, 1))));

            // when
            Participation view = today();

            // then
            assertThat(participant("5054").regionId()).isEqualTo("trondheimsregionen");
            assertThat(ids(view.activeIn("trondheimsregionen"))).containsExactly("5054");
            assertThat(ids(view.activeIn("fosen"))).containsExactly("5020");
            assertThat(ids(at(asOf(2018, 12, 31)).activeIn("fosen"))).containsExactly("5020", "5054");
        }
    }

    @Nested
    class MergeIntoANewSuccessor {

        private final Merger orkland = Merger.reform("5059", "Orkland", "orkdalsregionen", 17547,
                AGDENES, MELDAL, ORKDAL);

        @Test
        void thePredecessorsAreMergedIntoOrklandWhichCountsInsteadOfThem() {
            // given Agdenes, Meldal and Orkdal, two of them members, merged into the new Orkland
            facts.recordAll(ORKDALSREGIONEN.registered(), AGDENES.registered(), MELDAL.registered(),
                    ORKDAL.registered(), HITRA.registered(), MELDAL.joinedByCouncil(COUNCIL_DATE),
                    ORKDAL.joinedByCouncil(COUNCIL_DATE));
            facts.recordAll(orkland.events(true));

            // when
            Participation view = today();

            // then
            assertThat(view.findParticipant("5059")).contains(new ParticipantView("5059", "Orkland",
                    ParticipantKind.MUNICIPALITY, "orkdalsregionen", 17547, REFORM_2020, true, REFORM_2020, List.of(),
                    List.of("5016", "5023", "5024")));
            assertThat(participant("5016").mergedInto()).containsExactly("5059");
            assertThat(participant("5024").mergedInto()).containsExactly("5059");
            assertThat(ids(view.activeIn("orkdalsregionen"))).containsExactly("5013", "5059");
            assertThat(ids(view.activeMembers())).containsExactly("5059");
            Participation before = at(asOf(2019, 12, 31));
            assertThat(ids(before.activeIn("orkdalsregionen"))).containsExactly("5013", "5016", "5023", "5024");
            assertThat(ids(before.activeMembers())).containsExactly("5023", "5024");
        }

        @Test
        void aMergedPredecessorKeepsItsOwnNamePopulationAndRegion() {
            facts.recordAll(ORKDALSREGIONEN.registered(), AGDENES.registered(), MELDAL.registered(),
                    ORKDAL.registered());
            facts.recordAll(orkland.events(false));

            ParticipantView orkdal = participant("5024");

            assertThat(orkdal.name()).isEqualTo("Orkdal");
            assertThat(orkdal.population()).isEqualTo(11933);
            assertThat(orkdal.regionId()).isEqualTo("orkdalsregionen");
        }

        @Test
        void aSuccessorThatTakesOverNoMembershipIsNotAMember() {
            facts.recordAll(ORKDALSREGIONEN.registered(), AGDENES.registered(), MELDAL.registered(),
                    ORKDAL.registered());
            facts.recordAll(orkland.events(false));

            assertThat(participant("5059").member()).isFalse();
        }
    }

    @Nested
    class MergeIntoAPredecessor {

        private final Merger trondheim = Merger.reform("5001", "Trondheim", "trondheimsregionen", 199595,
                TRONDHEIM, KLAEBU);

        @Test
        void trondheimAbsorbsKlaebuAndKeepsItsIdHistoryAndMembership() {
            // given
            facts.recordAll(TRONDHEIMSREGIONEN.registered(), TRONDHEIM.registered(), KLAEBU.registered(),
                    MALVIK.registered(), TRONDHEIM.joinedByCouncil(COUNCIL_DATE),
                    KLAEBU.joinedByCouncil(LocalDate.of(2018, 9, 20)));
            facts.recordAll(trondheim.events(false));

            // when
            Participation view = today();

            // then
            assertThat(view.findParticipant("5001")).contains(new ParticipantView("5001", "Trondheim",
                    ParticipantKind.MUNICIPALITY, "trondheimsregionen", 199595, JANUARY_2018, true, COUNCIL_DATE,
                    List.of(), List.of("5030")));
            assertThat(participant("5030").mergedInto()).containsExactly("5001");
            assertThat(ids(view.activeIn("trondheimsregionen"))).containsExactly("5001", "5031");
            assertThat(view.withPredecessors("5001")).containsExactly("5001", "5030");
            // before the reform Trondheim had its own population and no predecessor
            Participation before = at(asOf(2019, 12, 31));
            assertThat(before.findParticipant("5001").orElseThrow().population()).isEqualTo(193501);
            assertThat(before.withPredecessors("5001")).containsExactly("5001");
            assertThat(ids(before.activeIn("trondheimsregionen"))).containsExactly("5001", "5030", "5031");
        }

        @Test
        void aContinuingSuccessorJoinsWhenItTakesOverAMembership() {
            // given only Klæbu was a member
            facts.recordAll(TRONDHEIMSREGIONEN.registered(), TRONDHEIM.registered(), KLAEBU.registered(),
                    KLAEBU.joinedByCouncil(LocalDate.of(2018, 9, 20)));
            facts.recordAll(trondheim.events(true));

            ParticipantView trondheimView = participant("5001");

            assertThat(trondheimView.member()).isTrue();
            assertThat(trondheimView.memberSince()).isEqualTo(REFORM_2020);
        }
    }

    @Nested
    class SnillfjordSplit {

        @Test
        void snillfjordIsMergedIntoHeimHitraAndOrkland() {
            // given Snillfjord divided between three successors on the same date (Halsa, from Møre og Romsdal, is
            // not registered in this history)
            facts.recordAll(ORKDALSREGIONEN.registered(), HEMNE.registered(), SNILLFJORD.registered(),
                    HITRA.registered(), AGDENES.registered(), MELDAL.registered(), ORKDAL.registered());
            facts.recordAll(Merger.reform("5055", "Heim", "orkdalsregionen", 5947, HEMNE, SNILLFJORD).events(false));
            facts.recordAll(Merger.reform("5056", "Hitra", "orkdalsregionen", 5130, HITRA, SNILLFJORD).events(false));
            facts.recordAll(Merger.reform("5059", "Orkland", "orkdalsregionen", 18075, AGDENES, MELDAL, ORKDAL,
                    SNILLFJORD).events(false));

            // when
            Participation view = today();

            // then
            assertThat(participant("5012").mergedInto()).containsExactly("5055", "5056", "5059");
            assertThat(participant("5055").predecessors()).containsExactly("5011", "5012");
            assertThat(participant("5056").predecessors()).containsExactly("5013", "5012");
            assertThat(participant("5059").predecessors()).containsExactly("5016", "5023", "5024", "5012");
            assertThat(ids(view.activeIn("orkdalsregionen"))).containsExactly("5055", "5056", "5059");
            assertThat(view.withPredecessors("5056")).containsExactly("5056", "5013", "5012");
        }
    }

    @Nested
    class Predecessors {

        @Test
        void predecessorsAreCollectedTransitively() {
            // given Rissa and Leksvik merged into Indre Fosen in 2018, and (hypothetically) Indre Fosen and Osen
            // into a Fosen municipality later
            facts.recordAll(FOSEN.registered(),
                    new ParticipantRegistered("1624", "Rissa", ParticipantKind.MUNICIPALITY, "fosen", 6700,
                            LocalDate.of(2017, 1, 1), null),
                    new ParticipantRegistered("1718", "Leksvik", ParticipantKind.MUNICIPALITY, "fosen", 3500,
                            LocalDate.of(2017, 1, 1), null));
            facts.recordAll(new Merger("5054", "Indre Fosen", List.of("1624", "1718"), "fosen", 10090,
                    JANUARY_2018).events(false));
            facts.record(OSEN.registered());
            facts.recordAll(new Merger("5099", "Fosen", List.of("5054", "5020"), "fosen", 11057,
                    LocalDate.of(2024, 1, 1)).events(false));

            // when
            Participation view = today();

            // then
            assertThat(view.withPredecessors("5099")).containsExactly("5099", "5054", "1624", "1718", "5020");
            assertThat(view.withPredecessors("5054")).containsExactly("5054", "1624", "1718");
            assertThat(view.withPredecessors("5020")).containsExactly("5020");
            // before the second merge took effect, Indre Fosen stood on its own with its own predecessors
            assertThat(at(asOf(2023, 12, 31)).withPredecessors("5054")).containsExactly("5054", "1624", "1718");
            assertThat(at(asOf(2023, 12, 31)).findParticipant("5099")).isEmpty();
        }
    }

    @Nested
    class ActiveParticipants {

        @Test
        void activeInListsTheRegionsParticipantsThatAreNotMergedAwayWhetherMembersOrNot() {
            // given
            facts.recordAll(FOSEN.registered(), TRONDHEIMSREGIONEN.registered(), INDRE_FOSEN.registered(),
                    OSEN.registered(), MALVIK.registered(),
                    new ParticipantRegistered("999000111", "Fosen IKT", ParticipantKind.OTHER, "fosen", null,
                            JANUARY_2018, null),
                    INDRE_FOSEN.joinedByCouncil(COUNCIL_DATE));

            // when
            Participation view = today();

            // then
            assertThat(ids(view.activeIn("fosen"))).containsExactly("5020", "5054", "999000111");
            assertThat(ids(view.activeIn("trondheimsregionen"))).containsExactly("5031");
            assertThat(view.activeIn("namdal")).isEmpty();
            assertThat(view.findParticipant("999000111").orElseThrow().population()).isNull();
        }
    }

    @Nested
    class FactsAboutUnregisteredParticipants {

        @Test
        void areLeftOut() {
            // given facts about Osen before it is registered (a read point cut between them)
            facts.recordAll(FOSEN.registered(), OSEN.joinedByCouncil(COUNCIL_DATE),
                    new ParticipantMovedToRegion("5020", "fosen", "namdal", COUNCIL_DATE, null),
                    Merger.reform("5099", "Fosen", "fosen", 967, OSEN).mergedInto("5020"));

            // when
            Participation view = today();

            // then
            assertThat(view.participants()).isEmpty();
            assertThat(view.activeMembers()).isEmpty();
            assertThat(view.withPredecessors("5099")).containsExactly("5099");
        }

        @Test
        void areNotRememberedForALaterRegistration() {
            facts.recordAll(FOSEN.registered(), new CollaborationJoined("5020", COUNCIL_DATE, null),
                    Merger.reform("5099", "Fosen", "fosen", 967, OSEN).mergedInto("5020"), OSEN.registered());

            assertThat(participant("5020").member()).isFalse();
            assertThat(participant("5020").mergedInto()).isEmpty();
            assertThat(today().withPredecessors("5099")).containsExactly("5099");
        }

        @Test
        void areLeftOutAtAReadPointBeforeTheRegistrationTookEffect() {
            // given Osen registered from 2020, with a membership that (retroactively) took effect in 2018
            RecordedEvent registered = facts.record(new ParticipantRegistered("5020", "Osen",
                    ParticipantKind.MUNICIPALITY, "fosen", 967, REFORM_2020, null));
            facts.recordAll(FOSEN.registered(), OSEN.joinedByCouncil(COUNCIL_DATE));

            assertThat(at(asOf(2019, 12, 31)).participants()).isEmpty();
            assertThat(at(asOf(2019, 12, 31)).activeMembers()).isEmpty();
            assertThat(at(new ReadPoint(TODAY, registered.recordedAt().minusSeconds(1))).participants()).isEmpty();
            assertThat(participant("5020").member()).isTrue();
            assertThat(participant("5020").memberSince()).isEqualTo(COUNCIL_DATE);
        }
    }
}
