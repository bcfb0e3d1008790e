package no.trondelag.samhandling.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.participation.JoinCollaboration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private final CorrelationDataProvider provider = Provenance.correlationDataProvider();

    @Test
    void aCommandHandsItsActorRequestItselfAndItsAuthorityToTheEventsItCauses() {
        GenericCommandMessage<JoinCollaboration> command = new GenericCommandMessage<>(
                new JoinCollaboration("5001", LocalDate.of(2018, 6, 14), Authority.ofDecision("SG-2018-01")),
                MetaData.with(Provenance.ACTOR, "sekretariat").and(Provenance.CORRELATION_ID, "request-1"));

        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));

        assertThat(data).containsEntry(Provenance.ACTOR, "sekretariat")
                .containsEntry(Provenance.CORRELATION_ID, "request-1")
                .containsEntry(Provenance.CAUSATION_ID, command.getIdentifier())
                .containsEntry(Provenance.AUTHORITY, Map.of("decisionId", "SG-2018-01"));
    }

    @Test
    void aCommandWithoutACorrelationIdStartsItsOwnRequest() {
        GenericCommandMessage<JoinCollaboration> command = new GenericCommandMessage<>(
                new JoinCollaboration("5001", LocalDate.of(2018, 6, 14), null), MetaData.emptyInstance());

        assertThat(Map.<String, Object>copyOf(provider.correlationDataFor(command)))
                .containsEntry(Provenance.CORRELATION_ID, command.getIdentifier())
                .doesNotContainKeys(Provenance.ACTOR, Provenance.AUTHORITY);
    }

    @Test
    void anEventBeingHandledGivesNothingAndIsNotDeserialized() {
        GenericEventMessage<String> event = new GenericEventMessage<>(
                new GenericMessage<>("an event", MetaData.with(Provenance.ACTOR, "sekretariat")), Instant::now) {
            @Override
            public String getPayload() {
                throw new AssertionError("the payload was read");
            }
        };

        assertThat(provider.correlationDataFor(event)).isEmpty();
    }
}
