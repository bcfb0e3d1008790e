package no.trondelag.samhandling.app.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the ledger keeps its hash chain.
 *
 * @param settleTime      how old the event after a gap in the global index must be before the gap is taken to be
 *                        empty for good and the chain passes it; longer than any transaction appending events may
 *                        take to commit (default 10 seconds)
 * @param advanceInterval how often the chain is extended in the background, besides whenever a digest is asked for
 *                        (default 5 seconds)
 */
@ConfigurationProperties("ledger.integrity")
public record LedgerIntegrityProperties(Duration settleTime, Duration advanceInterval) {

    public LedgerIntegrityProperties {
        settleTime = settleTime == null ? Duration.ofSeconds(10) : settleTime;
        advanceInterval = advanceInterval == null ? Duration.ofSeconds(5) : advanceInterval;
        if (settleTime.isNegative()) {
            throw new IllegalArgumentException("ledger.integrity.settle-time cannot be negative");
        }
        if (advanceInterval.isNegative() || advanceInterval.isZero()) {
            throw new IllegalArgumentException("ledger.integrity.advance-interval must be positive");
        }
    }
}
