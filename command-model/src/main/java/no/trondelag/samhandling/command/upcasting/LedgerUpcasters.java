package no.trondelag.samhandling.command.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * The ledger's one chain of upcasters, in the order they run. A new revision of an event adds its step here, after
 * the steps it builds on; the application registers this chain with Axon, so the order is this list and nothing
 * else.
 */
public final class LedgerUpcasters {

    private LedgerUpcasters() {
    }

    /**
     * Every upcaster of the ledger, in order.
     *
     * @return a new chain
     */
    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(
                new InitiativeApproved1_to_2Upcaster());
    }
}
