package no.trondelag.samhandling.query.ledger;

/**
 * A view of the ledger built by folding facts: {@code view + fact -> view}. An implementation changes only itself,
 * reads nothing but the fact, and depends on nothing but the facts applied before, so the same code builds the
 * current view and any as-of replay, and a view can always be rebuilt from the events alone. Views are mutated in
 * place for speed; each fold owns its own instances.
 */
public interface LedgerView {

    /**
     * Applies one fact.
     *
     * @param fact the next fact in ledger order that is in effect at the fold's read point
     */
    void apply(LedgerFact fact);
}
