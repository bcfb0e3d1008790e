package no.trondelag.samhandling.api.participation;

/**
 * What kind of body a participant is.
 */
public enum ParticipantKind {
    /** A municipality (kommune), identified by its four-digit number. */
    MUNICIPALITY,
    /** The county authority (fylkeskommune). */
    COUNTY_AUTHORITY,
    /** A state agency, such as the County Governor (Statsforvalteren). */
    STATE_AGENCY,
    /** Any other partner, such as KS. */
    OTHER
}
