package no.trondelag.samhandling.app.cluster;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the streaming processors spread over several nodes: each node has an id of its own, owns its token claims
 * under that id, and holds at most its fair share of each processor's segments (see {@link LedgerNodes}).
 */
@Configuration(proxyBeanMethods = false)
public class ReadSideScaling {

    private static final long MIN_CLAIM_EXTENSION_MILLIS = 100;
    private static final int CLAIM_EXTENSIONS_PER_TIMEOUT = 3;

    /**
     * The registry of nodes, which asks Axon (once it is configured) whether a processor runs on this node.
     */
    @Bean
    LedgerNodes ledgerNodes(JdbcTemplate jdbcTemplate, Clock clock,
                            ObjectProvider<EventProcessingConfiguration> eventProcessing,
                            @Value("${ledger.node.id:}") String configuredId,
                            @Value("${ledger.node.heartbeat:2s}") Duration heartbeat,
                            @Value("${ledger.node.timeout:10s}") Duration timeout,
                            @Value("${ledger.read-side.claim-limit:4}") int claimLimit,
                            ObjectProvider<TokenStore> tokenStore) {
        String nodeId = configuredId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8)
                : configuredId;
        return new LedgerNodes(jdbcTemplate, nodeId, claimLimit, heartbeat, timeout, clock,
                processingGroup -> eventProcessing.getObject()
                        .eventProcessor(processingGroup, StreamingEventProcessor.class)
                        .filter(EventProcessor::isRunning)
                        .map(processor -> processor.processingStatus().size())
                        .orElse(-1),
                processingGroup -> tokenStore.getObject().fetchSegments(processingGroup).length);
    }

    /**
     * Axon's JDBC token store as Spring Boot would build it, but owned by this node's id: two nodes in one JVM (or
     * two with the same process name on different hosts) then never take each other's claims for their own.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          TokenStoreProperties tokenStoreProperties, LedgerNodes ledgerNodes) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(ledgerNodes.nodeId())
                .build();
    }

    /**
     * Every pooled streaming processor asks this node's share of its segments before it claims any, and extends
     * its claims well within the claim timeout even while idle: Axon's default extension threshold (5 s) is not
     * shorter than a short claim timeout, so another node would take over the segments of a live, idle node.
     */
    @Bean
    ConfigurerModule fairShareOfSegments(LedgerNodes ledgerNodes, TokenStoreProperties tokenStoreProperties) {
        long claimExtension = Math.max(MIN_CLAIM_EXTENSION_MILLIS,
                tokenStoreProperties.getClaimTimeout().toMillis() / CLAIM_EXTENSIONS_PER_TIMEOUT);
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder
                        .maxSegmentProvider(ledgerNodes)
                        .claimExtensionThreshold(claimExtension)));
    }
}
