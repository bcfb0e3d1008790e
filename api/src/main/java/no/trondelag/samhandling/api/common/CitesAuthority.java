package no.trondelag.samhandling.api.common;

/**
 * A message that rests on a decision: a steering-group decision recorded in the ledger, or an external one.
 */
public interface CitesAuthority {

    /**
     * The decision this message rests on.
     *
     * @return the authority, or {@code null} where the message has none
     */
    Authority authority();
}
