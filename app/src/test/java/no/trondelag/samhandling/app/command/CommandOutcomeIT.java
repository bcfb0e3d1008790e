package no.trondelag.samhandling.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import no.trondelag.samhandling.app.LedgerApplication;
import no.trondelag.samhandling.app.LedgerHttp;
import no.trondelag.samhandling.app.LedgerHttp.Response;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;

/**
 * A command's outcome is never misreported. A command that committed is answered {@code 200}, also when the positions
 * of its events cannot be read afterwards; a commit that fails leaves the outcome unknown and is answered {@code 503}
 * {@code outcome-unknown}, and a retry with the same Idempotency-Key then gets the outcome without recording twice.
 * A database failure before the commit is reported as such, and recorded nothing. The failures are injected: the
 * positions' lookup fails, the database commits and the commit's answer is lost, or storing the key fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {LedgerApplication.class, CommandOutcomeIT.InjectedFailures.class})
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:command-outcome-it;DB_CLOSE_DELAY=-1")
class CommandOutcomeIT {

    private static final String DECISION = """
            {"decisionId": "%s", "meetingDate": "2019-03-01", "caseNumber": "19/1",
             "title": "Vedtak", "text": "Rådmannsutvalget vedtar.", "points": ["Punkt 1"]}""";

    /**
     * Failures injected into the real beans, switched on by a test: the next commit of a request's transaction
     * commits but its answer is lost, or storing an idempotency key fails as a dropped connection does. The beans are
     * wrapped, not stubbed, since the event processors use them on threads of their own all the time.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class InjectedFailures {
        static final AtomicBoolean loseNextCommitAnswer = new AtomicBoolean();
        static volatile boolean failIdempotencyInserts;

        @Bean
        static BeanPostProcessor injectFailures() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof PlatformTransactionManager transactions) {
                        return losingCommitAnswers(transactions);
                    }
                    if (bean instanceof ConnectionProvider connections) {
                        return (ConnectionProvider) () -> failingIdempotencyInserts(connections.getConnection());
                    }
                    return bean;
                }
            };
        }

        private static PlatformTransactionManager losingCommitAnswers(PlatformTransactionManager delegate) {
            return new PlatformTransactionManager() {
                @Override
                public TransactionStatus getTransaction(TransactionDefinition definition) {
                    return delegate.getTransaction(definition);
                }

                @Override
                public void commit(TransactionStatus status) {
                    delegate.commit(status);
                    // only a command's own transaction (inside its unit of work), not the read of the head before it
                    if (Thread.currentThread().getName().contains("exec-") && CurrentUnitOfWork.isStarted()
                            && loseNextCommitAnswer.compareAndSet(true, false)) {
                        throw new TransactionSystemException("the connection broke after the commit was sent");
                    }
                }

                @Override
                public void rollback(TransactionStatus status) {
                    delegate.rollback(status);
                }
            };
        }

        private static Connection failingIdempotencyInserts(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (failIdempotencyInserts && method.getName().equals("prepareStatement")
                                && String.valueOf(args[0]).startsWith("INSERT INTO command_idempotency")) {
                            throw new SQLException("An I/O error occurred while sending to the backend", "08006");
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @LocalServerPort
    int port;

    @MockitoSpyBean
    EventPositions eventPositions;


    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void heal() {
        reset(eventPositions);
        InjectedFailures.loseNextCommitAnswer.set(false);
        InjectedFailures.failIdempotencyInserts = false;
    }

    @Test
    void aDatabaseFailureWhileStoringTheIdempotencyKeyIsReportedAsSuchAndRecordsNothing() throws Exception {
        InjectedFailures.failIdempotencyInserts = true;

        Response failed = http().command("RecordSteeringGroupDecision", DECISION.formatted("sg-key-store"),
                "Idempotency-Key", "key-store-1");

        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(failed.json().path("rule").asText()).isEqualTo("database-unavailable");
        assertThat(failed.json().path("detail").asText()).contains("not recorded");
        assertThat(stored("decision:sg-key-store")).isZero();

        InjectedFailures.failIdempotencyInserts = false;
        Response retry = http().command("RecordSteeringGroupDecision", DECISION.formatted("sg-key-store"),
                "Idempotency-Key", "key-store-1");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(stored("decision:sg-key-store")).isEqualTo(1);
    }

    @Test
    void aCommittedCommandWhosePositionsCannotBeReadIsAnswered200WithoutThem() {
        doThrow(new DataAccessResourceFailureException("the database went away"))
                .when(eventPositions).positions(any(), anyList());

        Response response = http().command("RecordSteeringGroupDecision", DECISION.formatted("sg-positions"));

        assertAnsweredWithoutPositions(response, "decision:sg-positions");
    }

    @Test
    void aCommandSentWhileTheStoresHeadCannotBeReadIsRecordedAndAnsweredWithoutPositions() {
        doThrow(new DataAccessResourceFailureException("the database went away"))
                .when(eventPositions).head();

        Response response = http().command("RecordSteeringGroupDecision", DECISION.formatted("sg-no-head"));

        assertAnsweredWithoutPositions(response, "decision:sg-no-head");
    }

    private void assertAnsweredWithoutPositions(Response response, String aggregateId) {

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("aggregateId").asText()).isEqualTo(aggregateId);
        assertThat(response.json().path("events").path(0).path("type").asText())
                .isEqualTo("SteeringGroupDecisionRecorded");
        assertThat(response.json().path("events").path(0).has("globalIndex")).isFalse();
        assertThat(response.json().path("note").asText()).contains("recorded").contains("Do not send it again");
        assertThat(stored(aggregateId)).isEqualTo(1);
    }

    @Test
    void aCommitWhoseAnswerIsLostIsAnsweredOutcomeUnknownAndARetryWithTheKeyRecordsItOnce() {
        InjectedFailures.loseNextCommitAnswer.set(true);

        Response first = http().command("RecordSteeringGroupDecision", DECISION.formatted("sg-lost-answer"),
                "Idempotency-Key", "lost-answer-1");

        assertThat(first.status()).as(first.body()).isEqualTo(503);
        assertThat(first.json().path("rule").asText()).isEqualTo("outcome-unknown");
        assertThat(first.json().path("detail").asText()).contains("Idempotency-Key").doesNotContain("not recorded");
        assertThat(first.retryAfter()).isEqualTo("2");

        Response retry = http().command("RecordSteeringGroupDecision", DECISION.formatted("sg-lost-answer"),
                "Idempotency-Key", "lost-answer-1");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().path("aggregateId").asText()).isEqualTo("decision:sg-lost-answer");
        assertThat(stored("decision:sg-lost-answer")).as("recorded once").isEqualTo(1);
    }

    private LedgerHttp http() {
        return new LedgerHttp(port).as("secretariat");
    }

    private long stored(String aggregateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateIdentifier = ?", Long.class,
                aggregateId);
    }
}
