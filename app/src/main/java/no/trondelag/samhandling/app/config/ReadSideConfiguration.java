package no.trondelag.samhandling.app.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import no.trondelag.samhandling.app.cluster.SegmentPositions;
import no.trondelag.samhandling.query.funding.FundingQueries;
import no.trondelag.samhandling.query.goals.GoalQueries;
import no.trondelag.samhandling.query.governance.DecisionQueries;
import no.trondelag.samhandling.query.initiative.InitiativeQueries;
import no.trondelag.samhandling.query.ledger.FactLog;
import no.trondelag.samhandling.query.ledger.FactRecorder;
import no.trondelag.samhandling.query.ledger.JdbcEventIndex;
import no.trondelag.samhandling.query.ledger.JdbcFactLog;
import no.trondelag.samhandling.query.ledger.LedgerReader;
import no.trondelag.samhandling.query.participation.ParticipationQueries;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the query model: the fact log and the streaming processor that fills it, the reader that folds it into
 * views, and the query handlers behind every report.
 */
@Configuration(proxyBeanMethods = false)
public class ReadSideConfiguration {

    /**
     * The fact log reads payloads through the same upcasters as the event store, so that facts recorded before an
     * event's newer revision read as that revision. It sees what this node's recorder writes at once, and what
     * other nodes' recorders write within {@code ledger.read-side.watermark-freshness}.
     */
    @Bean
    FactLog factLog(JdbcTemplate jdbcTemplate, @Qualifier("eventSerializer") Serializer eventSerializer,
                    List<EventUpcaster> upcasters,
                    @Value("${ledger.read-side.watermark-freshness:100ms}") Duration freshness) {
        return new JdbcFactLog(jdbcTemplate, eventSerializer, new EventUpcasterChain(upcasters), freshness);
    }

    @Bean
    FactRecorder factRecorder(FactLog factLog, JdbcTemplate jdbcTemplate) {
        return new FactRecorder(factLog, new JdbcEventIndex(jdbcTemplate));
    }

    /**
     * The reader folds facts up to the position every segment of the recorder has passed, on whichever node.
     */
    @Bean
    LedgerReader ledgerReader(FactLog factLog, Clock clock, SegmentPositions segmentPositions,
                              @Value("${ledger.read-side.kept-read-points:4}") int keptReadPoints) {
        return new LedgerReader(factLog, clock, keptReadPoints,
                () -> segmentPositions.settled(FactRecorder.PROCESSING_GROUP));
    }

    @Bean
    ParticipationQueries participationQueries(LedgerReader ledgerReader) {
        return new ParticipationQueries(ledgerReader);
    }

    @Bean
    FundingQueries fundingQueries(LedgerReader ledgerReader) {
        return new FundingQueries(ledgerReader);
    }

    @Bean
    InitiativeQueries initiativeQueries(LedgerReader ledgerReader) {
        return new InitiativeQueries(ledgerReader);
    }

    @Bean
    GoalQueries goalQueries(LedgerReader ledgerReader,
                            @Value("${ledger.goals.case-archive-initiative}") String caseArchiveInitiativeId) {
        return new GoalQueries(ledgerReader, caseArchiveInitiativeId);
    }

    @Bean
    DecisionQueries decisionQueries(LedgerReader ledgerReader) {
        return new DecisionQueries(ledgerReader);
    }
}
