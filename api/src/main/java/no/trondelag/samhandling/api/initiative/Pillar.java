package no.trondelag.samhandling.api.initiative;

/**
 * The three pillars (søyler) of the strategy.
 */
public enum Pillar {
    /** Struktur og styring. */
    STRUCTURE_AND_GOVERNANCE,
    /** Kompetanse. */
    COMPETENCE,
    /** Prioriterte satsinger. */
    PRIORITISED_INITIATIVES
}
