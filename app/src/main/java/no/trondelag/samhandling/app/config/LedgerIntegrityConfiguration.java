package no.trondelag.samhandling.app.config;

import java.time.Clock;
import no.trondelag.samhandling.app.ledger.LedgerChainScheduler;
import no.trondelag.samhandling.app.ledger.LedgerIntegrityProperties;
import no.trondelag.samhandling.query.integrity.JdbcChainStore;
import no.trondelag.samhandling.query.integrity.JdbcEventSource;
import no.trondelag.samhandling.query.integrity.LedgerChain;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the ledger's hash chain (ADR 0016): over the event store's table, kept in {@code ledger_chain}, extended
 * over settled positions whenever a digest is asked for and in the background.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerIntegrityProperties.class)
public class LedgerIntegrityConfiguration {

    @Bean
    LedgerChain ledgerChain(JdbcTemplate jdbcTemplate, LedgerIntegrityProperties properties, Clock clock) {
        return new LedgerChain(new JdbcEventSource(jdbcTemplate), new JdbcChainStore(jdbcTemplate),
                properties.settleTime(), clock);
    }

    @Bean
    LedgerChainScheduler ledgerChainScheduler(LedgerChain ledgerChain, LedgerIntegrityProperties properties) {
        return new LedgerChainScheduler(ledgerChain, properties.advanceInterval());
    }
}
