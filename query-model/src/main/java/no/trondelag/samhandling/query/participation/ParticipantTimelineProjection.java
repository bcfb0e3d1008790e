package no.trondelag.samhandling.query.participation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.participation.FindParticipantHistory;
import no.trondelag.samhandling.api.participation.ParticipantHistory;
import no.trondelag.samhandling.query.ledger.Subjects;
import no.trondelag.samhandling.query.projection.LedgerLog;
import no.trondelag.samhandling.query.projection.LedgerProjection;
import no.trondelag.samhandling.query.projection.ReadAt;
import no.trondelag.samhandling.query.projection.Recorded;
import no.trondelag.samhandling.query.projection.StoredEntries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The participant-timeline projection: every event that concerns a participant (names it as the participant, the
 * successor or a predecessor), kept whole under each participant it names. A participant's history is the events
 * concerning it and, across merges, every participant merged into it, as the participation projection has the
 * merges on the date read.
 */
@ProcessingGroup(ParticipantTimelineProjection.NAME)
public class ParticipantTimelineProjection extends LedgerProjection {

    /** The projection's name: its processing group, and the stem of its tables' names. */
    public static final String NAME = "participant-timeline";
    /** The version of its tables. */
    public static final int VERSION = 1;

    private final ParticipationProjection participation;
    private final StoredEntries entries;

    /**
     * Creates the projection on its tables.
     *
     * @param jdbc          the read side's database
     * @param ledgerLog     the ledger's log, which counts the events known at a read point
     * @param json          the mapper events are written with
     * @param participation where merges are read
     */
    public ParticipantTimelineProjection(JdbcTemplate jdbc, LedgerLog ledgerLog, ObjectMapper json,
                                         ParticipationProjection participation) {
        super(NAME, VERSION, jdbc, ledgerLog);
        this.participation = participation;
        this.entries = new StoredEntries(json);
        tables.bitemporal("entry", "participant_id VARCHAR(100) NOT NULL, " + StoredEntries.COLUMNS,
                "participant_id");
    }

    @Override
    protected void handle(EventMessage<?> message, Recorded recorded) {
        if (!Subjects.mayNameParticipants(message.getPayloadType())) {
            return;
        }
        LedgerEvent event = (LedgerEvent) message.getPayload();
        var participants = Subjects.participantsOf(event);
        if (participants.isEmpty()) {
            return;
        }
        Object[] kept = entries.columns(event, message);
        var effectiveOn = meetings.effectiveOn(event);
        for (String participantId : participants) {
            Object[] values = new Object[kept.length + 1];
            values[0] = participantId;
            System.arraycopy(kept, 0, values, 1, kept.length);
            tables.insert("entry", recorded, effectiveOn, values);
        }
    }

    @QueryHandler
    ParticipantHistory handle(FindParticipantHistory query) {
        ReadAt at = readAt(query.readPoint(), participation);
        Participation participants = participation.at(at);
        List<String> covers = participants.findParticipant(query.participantId()).isPresent()
                ? participants.withPredecessors(query.participantId())
                : List.of();
        List<HistoryEntry> history = new ArrayList<>();
        if (!covers.isEmpty()) {
            MapSqlParameterSource parameters = at.parameters().addValue("covers", covers);
            tables.named().query(tables.sql(at, "SELECT * FROM {entry} WHERE " + ReadAt.IN_EFFECT
                    + " AND participant_id IN (:covers) ORDER BY position, participant_id"), parameters, row -> {
                        long position = row.getLong("position");
                        if (history.isEmpty() || history.get(history.size() - 1).position() != position) {
                            history.add(entries.entry(row));
                        }
                    });
        }
        return new ParticipantHistory(meta(at), query.participantId(), covers, history, !covers.isEmpty());
    }
}
