package no.trondelag.samhandling.app.report;

import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a query through Axon's query bus and waits for its answer; every report is read this way, never straight
 * from a table.
 */
@Component
public class LedgerQueries {

    private final QueryGateway queryGateway;

    LedgerQueries(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * Asks a query.
     *
     * @param query      the query
     * @param resultType the type of its answer
     * @param <R>        that type
     * @return the answer
     */
    public <R> R ask(Object query, Class<R> resultType) {
        try {
            return queryGateway.query(query, ResponseTypes.instanceOf(resultType)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
