package no.trondelag.samhandling.api.common;

/**
 * The aggregate identifiers under which events are stored. Business identifiers of different kinds can look alike
 * (an initiative and a region may both be called {@code fosen}, a year and a municipality number are both four
 * digits), so every aggregate identifier carries its kind as a prefix.
 */
public final class LedgerIds {

    private LedgerIds() {
    }

    /**
     * The aggregate identifier of a region.
     *
     * @param regionId the region's slug
     * @return {@code region:<regionId>}
     */
    public static String region(String regionId) {
        return "region:" + regionId;
    }

    /**
     * The aggregate identifier of a participant.
     *
     * @param participantId the municipality or organisation number
     * @return {@code participant:<participantId>}
     */
    public static String participant(String participantId) {
        return "participant:" + participantId;
    }

    /**
     * The aggregate identifier of a steering-group decision.
     *
     * @param decisionId the decision's slug
     * @return {@code decision:<decisionId>}
     */
    public static String decision(String decisionId) {
        return "decision:" + decisionId;
    }

    /**
     * The aggregate identifier of a joint initiative.
     *
     * @param initiativeId the initiative's slug
     * @return {@code initiative:<initiativeId>}
     */
    public static String initiative(String initiativeId) {
        return "initiative:" + initiativeId;
    }

    /**
     * The aggregate identifier of one year's secretariat funding.
     *
     * @param year the budget year
     * @return {@code secretariat:<year>}
     */
    public static String secretariatYear(Integer year) {
        return "secretariat:" + year;
    }
}
