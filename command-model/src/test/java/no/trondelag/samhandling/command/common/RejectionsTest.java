package no.trondelag.samhandling.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import no.trondelag.samhandling.api.common.CommandRejection;
import no.trondelag.samhandling.api.common.CommandRejection.Reason;
import no.trondelag.samhandling.api.common.VersionConflict;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.RemoteExceptionDescription;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Axon's own failures of a command in the portable form of every rejection, and which failures lost a race.
 */
class RejectionsTest {

    @Nested
    class Portable {

        @Test
        void anUnknownAggregateIsNotFound() {
            CommandExecutionException rejection = Rejections.portable(
                    new AggregateNotFoundException("participant:9999", "not found")).orElseThrow();

            assertThat(rejection.getDetails()).contains(new CommandRejection(Reason.NOT_FOUND,
                    Rejections.UNKNOWN_TARGET, "The ledger holds nothing under participant:9999", null));
        }

        @Test
        void aStaleExpectedVersionIsAVersionConflict() {
            CommandExecutionException rejection = Rejections.portable(
                    new ConflictingAggregateVersionException("participant:5054", 3, 5)).orElseThrow();

            assertThat(rejection.getDetails()).contains(new VersionConflict("participant:5054", 3, 5));
        }

        @Test
        void aLostRaceIsAConcurrentModification() {
            for (RuntimeException race : new RuntimeException[] {new ConcurrencyException("taken"),
                    new AggregateStreamCreationException("exists"), new ConflictingModificationException("moved")}) {
                Optional<Object> details = Rejections.portable(race).orElseThrow().getDetails();

                assertThat(details).get().isInstanceOfSatisfying(CommandRejection.class, rejection -> {
                    assertThat(rejection.reason()).isEqualTo(Reason.CONFLICT);
                    assertThat(rejection.rule()).isEqualTo(Rejections.CONCURRENT_MODIFICATION);
                });
            }
        }

        @Test
        void anythingElseStaysAsItIs() {
            assertThat(Rejections.portable(new IllegalStateException("database down"))).isEmpty();
            assertThat(Rejections.portable(Rejections.conflict(Rule.values()[0], "broken"))).isEmpty();
        }
    }

    @Nested
    class LostARace {

        @Test
        void axonsConcurrencyExceptionAnywhereInTheCauses() {
            assertThat(Rejections.lostARace(new RuntimeException(new ConcurrencyException("taken")))).isTrue();
            assertThat(Rejections.lostARace(new AggregateStreamCreationException("exists"))).isTrue();
        }

        @Test
        void aPortableConcurrentModificationFromAnotherNode() {
            CommandExecutionException local = Rejections.portable(new ConcurrencyException("taken")).orElseThrow();
            CommandExecutionException remote = new CommandExecutionException("The remote handler threw an exception",
                    new RemoteHandlingException(RemoteExceptionDescription.describing(local)),
                    local.getDetails().orElseThrow());

            assertThat(Rejections.lostARace(local)).isTrue();
            assertThat(Rejections.lostARace(remote)).isTrue();
        }

        @Test
        void neitherAConflictingModificationNorARuleNorAStaleVersion() {
            assertThat(Rejections.lostARace(Rejections.portable(new ConflictingModificationException("moved"))
                    .orElseThrow())).as("its cause tells this node it is no race").isFalse();
            assertThat(Rejections.lostARace(Rejections.conflict(Rule.values()[0], "broken"))).isFalse();
            assertThat(Rejections.lostARace(Rejections.portable(
                    new ConflictingAggregateVersionException("participant:5054", 3, 5)).orElseThrow())).isFalse();
            assertThat(Rejections.lostARace(new IllegalStateException("database down"))).isFalse();
        }
    }
}
