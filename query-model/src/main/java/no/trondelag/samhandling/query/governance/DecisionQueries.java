package no.trondelag.samhandling.query.governance;

import java.util.List;
import no.trondelag.samhandling.api.governance.DecisionLog;
import no.trondelag.samhandling.api.governance.DecisionView;
import no.trondelag.samhandling.api.governance.FindDecisions;
import no.trondelag.samhandling.query.ledger.LedgerReader;
import no.trondelag.samhandling.query.ledger.LedgerReader.Read;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers the decision log: every steering-group decision, its corrections, and every event that cites it.
 */
public class DecisionQueries {

    private final LedgerReader reader;

    /**
     * Creates the handler.
     *
     * @param reader the read side's views
     */
    public DecisionQueries(LedgerReader reader) {
        this.reader = reader;
    }

    @QueryHandler
    DecisionLog handle(FindDecisions query) {
        Read<List<DecisionView>> read = reader.read(query.readPoint(), views -> query.decisionId() == null
                ? views.decisions().decisions()
                : views.decisions().decision(query.decisionId()).map(List::of).orElse(List.of()));
        return new DecisionLog(read.meta(), read.result());
    }
}
