package no.trondelag.samhandling.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A line of the export reads back as exactly the stored event and link it was written from, so that offline
 * verification hashes the same bytes as the ledger.
 */
class ExportLineTest {

    private static final StoredEvent WITHDRAWN = new StoredEvent(59, "3f1c2a9e-6d2b-4c1a-9f4e-1b2c3d4e5f61",
            "Participant-5054", 4, "no.trondelag.samhandling.api.participation.CollaborationWithdrawn", null,
            "{\"participantId\":\"5054\",\"reason\":\"Ærlig talt\"}".getBytes(StandardCharsets.UTF_8), null,
            "2024-01-08T08:00:01.000Z");

    @Test
    void aLineReadsBackAsTheEventAndLinkItWasWrittenFrom() {
        Hash eventHash = ChainHashes.eventHash(WITHDRAWN);
        ChainLink link = new ChainLink(59, eventHash, ChainHashes.chainHash(Hash.ZERO, 59, eventHash));

        ExportLine line = ExportLine.read(ExportLine.of(WITHDRAWN, link).write());

        assertThat(ChainHashes.eventHash(line.storedEvent())).isEqualTo(eventHash);
        assertThat(line.storedEvent().payloadRevision()).isNull();
        assertThat(line.storedEvent().metaData()).isNull();
        assertThat(line.link()).contains(link);
    }

    @Test
    void absentValuesAndAMissingLinkAreLeftOut() {
        String json = ExportLine.of(WITHDRAWN, null).write();

        assertThat(json).doesNotContain("payloadRevision", "metaData", "eventHash", "chainHash", "null");
        assertThat(ExportLine.read(json).link()).isEmpty();
    }

    @Test
    void aLineMissingAFieldOrWithAnUnknownOneIsRefused() {
        String json = ExportLine.of(WITHDRAWN, null).write();

        assertThatThrownBy(() -> ExportLine.read(json.replace("\"eventId\"", "\"eventID\"")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportLine.read(json.replaceFirst("\"sequence\":4,", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence");
        assertThatThrownBy(() -> ExportLine.read(json.replace("\"position\":59", "\"position\":59.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
