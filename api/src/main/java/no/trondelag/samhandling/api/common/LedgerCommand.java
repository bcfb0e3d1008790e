package no.trondelag.samhandling.api.common;

/**
 * A request to change the ledger. Each command is accepted whole, appending its events, or rejected whole,
 * appending nothing.
 */
public interface LedgerCommand {

    /**
     * The aggregate this command is routed to: for a command on several aggregates, the one its result names.
     *
     * @return the prefixed aggregate identifier (see {@link LedgerIds})
     */
    String targetAggregateId();
}
