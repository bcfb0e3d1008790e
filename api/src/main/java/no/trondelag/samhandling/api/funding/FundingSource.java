package no.trondelag.samhandling.api.funding;

/**
 * Where money allocated to the secretariat comes from.
 */
public enum FundingSource {
    /** Skjønnsmidler from the County Governor. */
    DISCRETIONARY_GRANT,
    /** The county authority. */
    COUNTY_AUTHORITY,
    /** The participants' own contributions. */
    PARTICIPANT_CONTRIBUTIONS,
    /** Any other source. */
    OTHER
}
