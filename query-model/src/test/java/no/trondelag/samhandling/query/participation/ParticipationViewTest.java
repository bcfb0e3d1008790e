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
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantMovedToRegion;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.participation.ParticipantView;
import no.trondelag.samhandling.api.region.EFagraadEstablished;
import no.trondelag.samhandling.api.region.RegionView;
import no.trondelag.samhandling.api.region.StrategyGroupRepresentativeAppointed;
import no.trondelag.samhandling.query.ledger.Facts;
import no.trondelag.samhandling.query.ledger.Trondelag.Merger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParticipationViewTest {

    private static final LocalDate COUNCIL_DATE = LocalDate.of(2018, 6, 14);

    private final Facts facts = new Facts();

    private ParticipationView fold() {
        return facts.foldInto(new ParticipationView());
    }

    private ParticipantView participant(ParticipationView view, String participantId) {
        return view.findParticipant(participantId).orElseThrow();
    }

    private static List<String> ids(List<ParticipantView> participants) {
        return participants.stream().map(ParticipantView::participantId).toList();
    }

    @Nested
    class Registration {

        @Test
        void aRegisteredMunicipalityStandsOnItsOwnAndIsNotYetAMember() {
            // given
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered());

            // when
            ParticipationView view = fold();

            // then
            assertThat(view.findParticipant("5054")).contains(new ParticipantView("5054", "Indre Fosen",
                    ParticipantKind.MUNICIPALITY, "fosen", 10090, JANUARY_2018, false, null, List.of(), List.of()));
            assertThat(view.activeMembers()).isEmpty();
        }

        @Test
        void participantsAreListedByIdIncludingPartnersWithoutRegion() {
            facts.recordAll(FOSEN.registered(), OSEN.registered(), COUNTY_AUTHORITY.registered(),
                    INDRE_FOSEN.registered());

            assertThat(ids(fold().participants())).containsExactly("5020", "5054", "817920632");
            assertThat(fold().findParticipant("817920632").orElseThrow().regionId()).isNull();
        }

        @Test
        void anUnknownParticipantIsNotFound() {
            facts.record(INDRE_FOSEN.registered());

            assertThat(fold().findParticipant("5020")).isEmpty();
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
            ParticipationView view = fold();

            // then
            assertThat(view.regions()).containsExactly(
                    new RegionView("fosen", "Fosen regionråd", LocalDate.of(2019, 2, 1), "5054"),
                    new RegionView("trondheimsregionen", "Trondheimsregionen", null, null));
            assertThat(view.findRegion("fosen").orElseThrow().strategyGroupRepresentativeId()).isEqualTo("5054");
            assertThat(view.findRegion("namdal")).isEmpty();
        }

        @Test
        void aNewRepresentativeReplacesTheFormerOne() {
            facts.recordAll(FOSEN.registered(),
                    new StrategyGroupRepresentativeAppointed("fosen", "5054", LocalDate.of(2019, 3, 1), null),
                    new StrategyGroupRepresentativeAppointed("fosen", "5020", LocalDate.of(2021, 3, 1), null));

            assertThat(fold().findRegion("fosen").orElseThrow().strategyGroupRepresentativeId()).isEqualTo("5020");
        }
    }

    @Nested
    class Membership {

        @Test
        void joiningMakesAMemberSinceTheEffectiveDate() {
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(), INDRE_FOSEN.joinedByCouncil(COUNCIL_DATE));

            ParticipantView indreFosen = participant(fold(), "5054");

            assertThat(indreFosen.member()).isTrue();
            assertThat(indreFosen.memberSince()).isEqualTo(COUNCIL_DATE);
            assertThat(ids(fold().activeMembers())).containsExactly("5054");
        }

        @Test
        void withdrawingEndsTheMembership() {
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(), INDRE_FOSEN.joinedByCouncil(COUNCIL_DATE),
                    INDRE_FOSEN.withdrawnByCouncil(LocalDate.of(2019, 12, 31), "Egen satsing"));

            ParticipantView indreFosen = participant(fold(), "5054");

            assertThat(indreFosen.member()).isFalse();
            assertThat(indreFosen.memberSince()).isNull();
            assertThat(fold().activeMembers()).isEmpty();
        }

        @Test
        void rejoiningStartsANewMembership() {
            facts.recordAll(FOSEN.registered(), INDRE_FOSEN.registered(), INDRE_FOSEN.joinedByCouncil(COUNCIL_DATE),
                    INDRE_FOSEN.withdrawnByCouncil(LocalDate.of(2019, 12, 31), "Egen satsing"),
                    INDRE_FOSEN.joinedByCouncil(LocalDate.of(2021, 2, 11)));

            assertThat(participant(fold(), "5054").memberSince()).isEqualTo(LocalDate.of(2021, 2, 11));
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
            ParticipationView view = fold();

            // then
            assertThat(participant(view, "5054").regionId()).isEqualTo("trondheimsregionen");
            assertThat(ids(view.activeIn("trondheimsregionen"))).containsExactly("5054");
            assertThat(ids(view.activeIn("fosen"))).containsExactly("5020");
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
            ParticipationView view = fold();

            // then
            assertThat(view.findParticipant("5059")).contains(new ParticipantView("5059", "Orkland",
                    ParticipantKind.MUNICIPALITY, "orkdalsregionen", 17547, REFORM_2020, true, REFORM_2020, List.of(),
                    List.of("5016", "5023", "5024")));
            assertThat(participant(view, "5016").mergedInto()).containsExactly("5059");
            assertThat(participant(view, "5024").mergedInto()).containsExactly("5059");
            assertThat(ids(view.activeIn("orkdalsregionen"))).containsExactly("5013", "5059");
            assertThat(ids(view.activeMembers())).containsExactly("5059");
        }

        @Test
        void aMergedPredecessorKeepsItsOwnNamePopulationAndRegion() {
            facts.recordAll(ORKDALSREGIONEN.registered(), AGDENES.registered(), MELDAL.registered(),
                    ORKDAL.registered());
            facts.recordAll(orkland.events(false));

            ParticipantView orkdal = participant(fold(), "5024");

            assertThat(orkdal.name()).isEqualTo("Orkdal");
            assertThat(orkdal.population()).isEqualTo(11933);
            assertThat(orkdal.regionId()).isEqualTo("orkdalsregionen");
        }

        @Test
        void aSuccessorThatTakesOverNoMembershipIsNotAMember() {
            facts.recordAll(ORKDALSREGIONEN.registered(), AGDENES.registered(), MELDAL.registered(),
                    ORKDAL.registered());
            facts.recordAll(orkland.events(false));

            assertThat(participant(fold(), "5059").member()).isFalse();
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
            ParticipationView view = fold();

            // then
            assertThat(view.findParticipant("5001")).contains(new ParticipantView("5001", "Trondheim",
                    ParticipantKind.MUNICIPALITY, "trondheimsregionen", 199595, JANUARY_2018, true, COUNCIL_DATE,
                    List.of(), List.of("5030")));
            assertThat(participant(view, "5030").mergedInto()).containsExactly("5001");
            assertThat(ids(view.activeIn("trondheimsregionen"))).containsExactly("5001", "5031");
            assertThat(view.withPredecessors("5001")).containsExactly("5001", "5030");
        }

        @Test
        void aContinuingSuccessorJoinsWhenItTakesOverAMembership() {
            // given only Klæbu was a member
            facts.recordAll(TRONDHEIMSREGIONEN.registered(), TRONDHEIM.registered(), KLAEBU.registered(),
                    KLAEBU.joinedByCouncil(LocalDate.of(2018, 9, 20)));
            facts.recordAll(trondheim.events(true));

            ParticipantView trondheimView = participant(fold(), "5001");

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
            ParticipationView view = fold();

            // then
            assertThat(participant(view, "5012").mergedInto()).containsExactly("5055", "5056", "5059");
            assertThat(participant(view, "5055").predecessors()).containsExactly("5011", "5012");
            assertThat(participant(view, "5056").predecessors()).containsExactly("5013", "5012");
            assertThat(participant(view, "5059").predecessors()).containsExactly("5016", "5023", "5024", "5012");
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
            ParticipationView view = fold();

            // then
            assertThat(view.withPredecessors("5099")).containsExactly("5099", "5054", "1624", "1718", "5020");
            assertThat(view.withPredecessors("5054")).containsExactly("5054", "1624", "1718");
            assertThat(view.withPredecessors("5020")).containsExactly("5020");
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
            ParticipationView view = fold();

            // then
            assertThat(ids(view.activeIn("fosen"))).containsExactly("5020", "5054", "999000111");
            assertThat(ids(view.activeIn("trondheimsregionen"))).containsExactly("5031");
            assertThat(view.activeIn("namdal")).isEmpty();
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
            ParticipationView view = fold();

            // then
            assertThat(view.participants()).isEmpty();
            assertThat(view.activeMembers()).isEmpty();
            assertThat(view.withPredecessors("5099")).containsExactly("5099");
        }

        @Test
        void areNotRememberedForALaterRegistration() {
            facts.recordAll(FOSEN.registered(), new CollaborationJoined("5020", COUNCIL_DATE, null),
                    OSEN.registered());

            assertThat(participant(fold(), "5020").member()).isFalse();
        }
    }
}
