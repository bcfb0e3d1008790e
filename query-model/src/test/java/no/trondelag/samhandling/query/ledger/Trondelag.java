package no.trondelag.samhandling.query.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.participation.CollaborationJoined;
import no.trondelag.samhandling.api.participation.CollaborationWithdrawn;
import no.trondelag.samhandling.api.participation.ParticipantKind;
import no.trondelag.samhandling.api.participation.ParticipantMergedInto;
import no.trondelag.samhandling.api.participation.ParticipantRegistered;
import no.trondelag.samhandling.api.region.RegionRegistered;

/**
 * Reference data for realistic test histories, copied from the shared data set {@code
 * trondelag-municipalities-2018.csv} (number, name, primary region, population on 1 January 2018; SSB) and {@code
 * trondelag-municipality-changes.csv} (the 2020 merges), and the events that put it into the ledger.
 */
public final class Trondelag {

    /** The date the 2018 municipalities are registered with. */
    public static final LocalDate JANUARY_2018 = LocalDate.of(2018, 1, 1);
    /** The date the 2020 municipal reform took effect. */
    public static final LocalDate REFORM_2020 = LocalDate.of(2020, 1, 1);
    /** Parliament's decision on the municipal reform in Trøndelag, the authority of the 2020 merges. */
    public static final Authority REFORM_DECISION =
            Authority.external("Stortinget", "Prop. 96 S (2016-2017)", LocalDate.of(2017, 6, 8));

    public static final Region TRONDHEIMSREGIONEN = new Region("trondheimsregionen", "Trondheimsregionen");
    public static final Region FOSEN = new Region("fosen", "Fosen regionråd");
    public static final Region ORKDALSREGIONEN = new Region("orkdalsregionen", "Orkdalsregionen");
    public static final Region NAMDAL = new Region("namdal", "Namdal regionråd");
    /** A region with no municipality under it as primary region. */
    public static final Region FJELLREGIONEN = new Region("fjellregionen", "Fjellregionen");

    public static final Municipality TRONDHEIM = new Municipality("5001", "Trondheim", "trondheimsregionen", 193501);
    public static final Municipality KLAEBU = new Municipality("5030", "Klæbu", "trondheimsregionen", 6094);
    public static final Municipality MALVIK = new Municipality("5031", "Malvik", "trondheimsregionen", 13958);
    public static final Municipality ORLAND = new Municipality("5015", "Ørland", "fosen", 5351);
    public static final Municipality BJUGN = new Municipality("5017", "Bjugn", "fosen", 4864);
    public static final Municipality AFJORD = new Municipality("5018", "Åfjord", "fosen", 3277);
    public static final Municipality ROAN = new Municipality("5019", "Roan", "fosen", 953);
    public static final Municipality OSEN = new Municipality("5020", "Osen", "fosen", 967);
    public static final Municipality INDRE_FOSEN = new Municipality("5054", "Indre Fosen", "fosen", 10090);
    public static final Municipality HEMNE = new Municipality("5011", "Hemne", "orkdalsregionen", 4225);
    public static final Municipality SNILLFJORD = new Municipality("5012", "Snillfjord", "orkdalsregionen", 987);
    public static final Municipality HITRA = new Municipality("5013", "Hitra", "orkdalsregionen", 4648);
    public static final Municipality AGDENES = new Municipality("5016", "Agdenes", "orkdalsregionen", 1684);
    public static final Municipality MELDAL = new Municipality("5023", "Meldal", "orkdalsregionen", 3930);
    public static final Municipality ORKDAL = new Municipality("5024", "Orkdal", "orkdalsregionen", 11933);
    public static final Municipality NAMSOS = new Municipality("5005", "Namsos", "namdal", 13078);

    // The partners' organisation numbers only need the right shape (nine digits) for these tests.

    /** The county authority, a county-level partner without a region. */
    public static final Partner COUNTY_AUTHORITY =
            new Partner("817920632", "Trøndelag fylkeskommune", ParticipantKind.COUNTY_AUTHORITY);
    /** The County Governor, a state agency. */
    public static final Partner COUNTY_GOVERNOR =
            new Partner("974764687", "Fylkesmannen i Trøndelag", ParticipantKind.STATE_AGENCY);
    /** The association of local authorities. */
    public static final Partner KS = new Partner("971032146", "KS Trøndelag", ParticipantKind.OTHER);

    private Trondelag() {
    }

    /**
     * A steering-group decision as the secretariat records it.
     *
     * @param decisionId  the decision, {@code sg-YYYY-MM-DD-NN}
     * @param meetingDate the meeting date
     * @param title       its title
     * @return the event
     */
    public static SteeringGroupDecisionRecorded decision(String decisionId, LocalDate meetingDate, String title) {
        return new SteeringGroupDecisionRecorded(decisionId, meetingDate, "RU-" + decisionId.substring(3), title,
                "Rådmannsutvalget vedtok: " + title + ".", List.of("1. " + title));
    }

    /**
     * A regional collaboration arena.
     *
     * @param regionId its slug
     * @param name     its name
     */
    public record Region(String regionId, String name) {

        /** The region's registration. */
        public RegionRegistered registered() {
            return new RegionRegistered(regionId, name);
        }
    }

    /**
     * A municipality of 2018.
     *
     * @param id         its number
     * @param name       its name
     * @param regionId   its primary region
     * @param population its population on 1 January 2018
     */
    public record Municipality(String id, String name, String regionId, int population) {

        /** The municipality's registration, effective 1 January 2018. */
        public ParticipantRegistered registered() {
            return new ParticipantRegistered(id, name, ParticipantKind.MUNICIPALITY, regionId, population,
                    JANUARY_2018, null);
        }

        /** The municipality joins on its council's decision of that date. */
        public CollaborationJoined joinedByCouncil(LocalDate date) {
            return new CollaborationJoined(id, date, council(date));
        }

        /** The municipality withdraws on its council's decision of that date. */
        public CollaborationWithdrawn withdrawnByCouncil(LocalDate date, String reason) {
            return new CollaborationWithdrawn(id, date, council(date), reason);
        }

        /** Its council's decision of a date. */
        public Authority council(LocalDate date) {
            return Authority.external(name + " kommunestyre", date.getYear() % 100 + "/" + id, date);
        }
    }

    /**
     * A partner organisation, identified by an organisation number.
     *
     * @param id   its organisation number
     * @param name its name
     * @param kind its kind
     */
    public record Partner(String id, String name, ParticipantKind kind) {

        /** The partner's registration, without a region, effective 1 January 2018. */
        public ParticipantRegistered registered() {
            return new ParticipantRegistered(id, name, kind, null, 0, JANUARY_2018, null);
        }

        /** The partner joins on a steering-group decision. */
        public CollaborationJoined joinedOnDecision(LocalDate date, String decisionId) {
            return new CollaborationJoined(id, date, Authority.ofDecision(decisionId));
        }
    }

    /**
     * A merge of municipalities, as {@code MergeParticipants} describes it.
     *
     * @param successorId    the successor
     * @param successorName  its name
     * @param predecessorIds the predecessors; may include the successor, which then keeps its id
     * @param regionId       the successor's region
     * @param population     the successor's population
     * @param effectiveDate  when the merge takes effect
     */
    public record Merger(String successorId, String successorName, List<String> predecessorIds, String regionId,
                         int population, LocalDate effectiveDate) {

        /** The 2020 reform merge of the given predecessors into a successor. */
        public static Merger reform(String successorId, String successorName, String regionId, int population,
                                    Municipality... predecessors) {
            List<String> ids = new ArrayList<>();
            for (Municipality predecessor : predecessors) {
                ids.add(predecessor.id());
            }
            return new Merger(successorId, successorName, List.copyOf(ids), regionId, population, REFORM_2020);
        }

        /** A predecessor's merge event. */
        public ParticipantMergedInto mergedInto(String predecessorId) {
            return new ParticipantMergedInto(predecessorId, successorId, successorName, predecessorIds, regionId,
                    population, effectiveDate, REFORM_DECISION);
        }

        /**
         * The events the command side appends for this merge, in its order: each other predecessor merged, then
         * the successor continued (merged into itself) or registered anew, and joined when it takes over a
         * membership it did not hold.
         *
         * @param successorJoins whether the successor joins the collaboration with the merge
         * @return the events
         */
        public List<LedgerEvent> events(boolean successorJoins) {
            List<LedgerEvent> events = new ArrayList<>();
            predecessorIds.stream().filter(id -> !id.equals(successorId)).map(this::mergedInto).forEach(events::add);
            if (predecessorIds.contains(successorId)) {
                events.add(mergedInto(successorId));
            } else {
                events.add(new ParticipantRegistered(successorId, successorName, ParticipantKind.MUNICIPALITY,
                        regionId, population, effectiveDate, REFORM_DECISION));
            }
            if (successorJoins) {
                events.add(new CollaborationJoined(successorId, effectiveDate, REFORM_DECISION));
            }
            return events;
        }
    }
}
