package no.trondelag.samhandling.app.config;

import no.trondelag.samhandling.query.funding.FundingProjection;
import no.trondelag.samhandling.query.goals.GoalProgressProjection;
import no.trondelag.samhandling.query.governance.DecisionLogProjection;
import no.trondelag.samhandling.query.initiative.InitiativeProjection;
import no.trondelag.samhandling.query.participation.ParticipantTimelineProjection;
import no.trondelag.samhandling.query.participation.ParticipationProjection;
import no.trondelag.samhandling.query.projection.LedgerLog;
import no.trondelag.samhandling.query.projection.LedgerProjection;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the read side: the ledger's log of every event, which counts what each report read at a {@code knownAt}
 * covers, and one projection per read model, each an event handler in a processing group of its own (a
 * pooled streaming processor with one segment, configured in {@code application.yml}) and the query handler of its
 * reports, on tables of its own that it creates where they do not exist yet (ADR 0026).
 */
@Configuration(proxyBeanMethods = false)
public class ReadSideConfiguration {

    private final TokenStore tokenStore;

    ReadSideConfiguration(TokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    @Bean
    LedgerLog ledgerLog(JdbcTemplate jdbc) {
        return created(new LedgerLog(jdbc));
    }

    @Bean
    ParticipationProjection participationProjection(JdbcTemplate jdbc, LedgerLog ledgerLog) {
        return created(new ParticipationProjection(jdbc, ledgerLog));
    }

    @Bean
    ParticipantTimelineProjection participantTimelineProjection(JdbcTemplate jdbc, LedgerLog ledgerLog,
                                                                ParticipationProjection participation) {
        return created(new ParticipantTimelineProjection(jdbc, ledgerLog, LedgerJson.messageMapper(),
                participation));
    }

    @Bean
    FundingProjection fundingProjection(JdbcTemplate jdbc, LedgerLog ledgerLog,
                                        ParticipationProjection participation) {
        return created(new FundingProjection(jdbc, ledgerLog, participation));
    }

    @Bean
    InitiativeProjection initiativeProjection(JdbcTemplate jdbc, LedgerLog ledgerLog,
                                              ParticipationProjection participation) {
        return created(new InitiativeProjection(jdbc, ledgerLog, participation));
    }

    @Bean
    GoalProgressProjection goalProgressProjection(JdbcTemplate jdbc, LedgerLog ledgerLog,
                                                  ParticipationProjection participation,
                                                  InitiativeProjection initiatives,
                                                  @Value("${ledger.goals.case-archive-initiative}")
                                                  String caseArchiveInitiativeId) {
        return created(new GoalProgressProjection(jdbc, ledgerLog, participation, initiatives, caseArchiveInitiativeId));
    }

    @Bean
    DecisionLogProjection decisionLogProjection(JdbcTemplate jdbc, LedgerLog ledgerLog) {
        return created(new DecisionLogProjection(jdbc, ledgerLog, LedgerJson.messageMapper()));
    }

    /**
     * A projection with its tables created, taking the tokens its processor stores for the positions of the events
     * it handles first after a start.
     */
    private <P extends LedgerProjection> P created(P projection) {
        projection.createTables();
        projection.readTokensFrom(tokenStore);
        return projection;
    }
}
