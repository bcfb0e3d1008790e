package no.trondelag.samhandling.query.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import no.trondelag.samhandling.api.common.Authority;
import no.trondelag.samhandling.api.common.LedgerEvent;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionRecorded;
import no.trondelag.samhandling.api.governance.SteeringGroupDecisionCorrected;
import org.axonframework.eventhandling.EventData;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link FactLog} in the read side's tables {@code rm_fact} and {@code rm_fact_participant}, with each event's
 * payload serialized by Axon's (Jackson) serializer under its type and revision. A payload is read through the same
 * upcasters as the event store, so a fact recorded before a newer revision of its event reads as that revision, just
 * as the event it copies does.
 */
public class JdbcFactLog implements FactLog {

    /**
     * The facts with their effective dates resolved: a fact without a date of its own that cites a steering-group
     * decision takes the meeting date of that decision's {@code SteeringGroupDecisionRecorded} fact, whichever of the
     * two was recorded first. A correction names its decision without resting on it, so it takes no date from it.
     * The meeting date is looked up (by {@code ix_rm_fact_decision_type}) only for facts that need it: as a join, H2 would
     * walk every fact without a decision for every such fact.
     */
    private static final String FACTS = "SELECT f.position, f.recorded_at_micros, "
            + "CASE WHEN f.effective_on IS NOT NULL OR f.decision_id IS NULL "
            + "OR f.event_type = '" + SteeringGroupDecisionCorrected.class.getSimpleName() + "' THEN f.effective_on "
            + "ELSE (SELECT MIN(d.effective_on) FROM rm_fact d WHERE d.decision_id = f.decision_id "
            + "AND d.event_type = '" + SteeringGroupDecisionRecorded.class.getSimpleName() + "') END, "
            + "f.actor, f.payload_type, f.payload_revision, f.payload FROM rm_fact f ";
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Serializer serializer;
    private final EventUpcaster upcaster;
    private final SerializedObject<String> noMetaData;
    private final long freshnessNanos;
    private final AtomicLong changes = new AtomicLong();
    private volatile KnownWatermark known;

    /**
     * Creates a log whose payloads are all of their event's current revision, as in a ledger without upcasters.
     *
     * @param jdbc       the read side's database
     * @param serializer Axon's event serializer
     */
    public JdbcFactLog(JdbcTemplate jdbc, Serializer serializer) {
        this(jdbc, serializer, NoOpEventUpcaster.INSTANCE);
    }

    /**
     * Creates the log.
     *
     * @param jdbc       the read side's database
     * @param serializer Axon's event serializer
     * @param upcaster   the event store's upcaster chain
     */
    public JdbcFactLog(JdbcTemplate jdbc, Serializer serializer, EventUpcaster upcaster) {
        this(jdbc, serializer, upcaster, Duration.ZERO);
    }

    /**
     * Creates a log that answers {@link #watermark()} from memory for a while. Changes this log makes are seen at
     * once; changes another node's log makes are seen at most {@code freshness} later.
     *
     * @param jdbc      the read side's database
     * @param serializer Axon's event serializer
     * @param upcaster  the event store's upcaster chain
     * @param freshness how long a watermark read from the database is used without reading it again, as long as
     *                  this log changed nothing meanwhile; zero reads it every time
     */
    public JdbcFactLog(JdbcTemplate jdbc, Serializer serializer, EventUpcaster upcaster, Duration freshness) {
        this.freshnessNanos = freshness.toNanos();
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.serializer = serializer;
        this.upcaster = upcaster;
        this.noMetaData = serializer.serialize(MetaData.emptyInstance(), String.class);
    }

    /**
     * Adds a fact. Inside a transaction the fact is serialized at once (so a fact that cannot be stored fails here,
     * for its event alone) and written with the transaction's other facts in JDBC batches just before it commits;
     * outside one it is written at once.
     */
    @Override
    public void append(LedgerFact fact) {
        append(new StoredFact(fact, serializer.serialize(fact.event(), String.class)));
    }

    /**
     * Adds a fact, taking the event as the message holds it when the message was read from the event store with
     * this log's serializer (and so already serialized, and upcast, as this log would store it).
     */
    @Override
    public void append(LedgerFact fact, Message<?> source) {
        append(new StoredFact(fact, source.serializePayload(serializer, String.class)));
    }

    private void append(StoredFact stored) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pendingInThisTransaction().add(stored);
        } else {
            write(List.of(stored));
            changes.incrementAndGet();
        }
    }

    private List<StoredFact> pendingInThisTransaction() {
        @SuppressWarnings("unchecked")
        List<StoredFact> pending = (List<StoredFact>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<StoredFact> facts = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, facts);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(facts);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcFactLog.this);
                    changes.incrementAndGet();
                }
            });
            pending = facts;
        }
        return pending;
    }

    /**
     * Writes facts in JDBC batches: a fact replaces any fact at its position, and the count of facts goes up by the
     * facts that replaced none.
     */
    private void write(List<StoredFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        List<Object[]> positions = facts.stream().map(stored -> new Object[] {stored.fact().position()}).toList();
        jdbc.batchUpdate("DELETE FROM rm_fact_participant WHERE position = ?", positions);
        long replaced = 0;
        for (int deleted : jdbc.batchUpdate("DELETE FROM rm_fact WHERE position = ?", positions)) {
            replaced += Math.max(0, deleted);
        }
        jdbc.batchUpdate("INSERT INTO rm_fact (position, recorded_at_micros, effective_on, event_type, payload_type, "
                        + "payload_revision, payload, actor, decision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                facts, facts.size(), (statement, stored) -> {
                    LedgerFact fact = stored.fact();
                    statement.setLong(1, fact.position());
                    statement.setLong(2, toMicros(fact.recordedAt()));
                    if (fact.effectiveOn() == null) {
                        statement.setNull(3, Types.DATE);
                    } else {
                        statement.setObject(3, fact.effectiveOn());
                    }
                    statement.setString(4, fact.event().getClass().getSimpleName());
                    statement.setString(5, stored.payload().getType().getName());
                    statement.setString(6, stored.payload().getType().getRevision());
                    statement.setString(7, stored.payload().getData());
                    statement.setString(8, fact.actor());
                    statement.setString(9, decisionOf(fact));
                });
        List<Object[]> subjects = new ArrayList<>();
        for (StoredFact stored : facts) {
            for (String participantId : Subjects.participantsOf(stored.fact().event())) {
                subjects.add(new Object[] {participantId, stored.fact().position()});
            }
        }
        if (!subjects.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO rm_fact_participant (participant_id, position) VALUES (?, ?)", subjects);
        }
        jdbc.update("UPDATE rm_fact_epoch SET facts = facts + ?", facts.size() - replaced);
    }

    @Override
    public void clear() {
        jdbc.update("DELETE FROM rm_fact_participant");
        jdbc.update("DELETE FROM rm_fact");
        jdbc.update("UPDATE rm_fact_epoch SET epoch = epoch + 1, facts = 0");
        afterThisChange();
    }

    /**
     * Makes the next {@link #watermark()} read the database once this change is committed (or at once, outside a
     * transaction).
     */
    private void afterThisChange() {
        changes.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                }
            });
        }
    }

    @Override
    public long countAfter(long position) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rm_fact WHERE position > ?", Long.class, position);
    }

    @Override
    public long countUpTo(long position) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rm_fact WHERE position <= ?", Long.class, position);
    }

    /**
     * The watermark in one cheap query: a row of counters and the highest key of {@code rm_fact}, with no scan. It
     * is read again when this log has changed since, or when it is older than the freshness this log was given.
     */
    @Override
    public Watermark watermark() {
        long changesBefore = changes.get();
        KnownWatermark last = known;
        long now = System.nanoTime();
        if (last != null && last.changes() == changesBefore && now - last.readAtNanos() < freshnessNanos) {
            return last.watermark();
        }
        Watermark watermark = jdbc.queryForObject("SELECT epoch, facts, "
                + "(SELECT COALESCE(MAX(position), -1) FROM rm_fact) FROM rm_fact_epoch",
                (row, index) -> new Watermark(row.getLong(1), row.getLong(2), row.getLong(3)));
        if (freshnessNanos > 0) {
            known = new KnownWatermark(watermark, changesBefore, now);
        }
        return watermark;
    }

    /**
     * A watermark read from the database, with this log's count of changes before it was read and when it was.
     */
    private record KnownWatermark(Watermark watermark, long changes, long readAtNanos) {
    }

    @Override
    public void forEach(long afterPosition, Consumer<LedgerFact> consumer) {
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    FACTS + "WHERE f.position > ? ORDER BY f.position");
            statement.setFetchSize(500);
            statement.setLong(1, afterPosition);
            return statement;
        }, (ResultSet row) -> {
            consumer.accept(read(row));
        });
    }

    @Override
    public List<LedgerFact> concerning(Collection<String> participantIds) {
        if (participantIds.isEmpty()) {
            return List.of();
        }
        List<LedgerFact> facts = new ArrayList<>();
        named.query(FACTS + "WHERE f.position IN "
                        + "(SELECT s.position FROM rm_fact_participant s WHERE s.participant_id IN (:ids)) "
                        + "ORDER BY f.position",
                Map.of("ids", participantIds), (ResultSet row) -> {
                    facts.add(read(row));
                });
        return facts;
    }

    private LedgerFact read(ResultSet row) throws SQLException {
        long position = row.getLong(1);
        Instant recordedAt = fromMicros(row.getLong(2));
        LedgerEvent event = deserialize(new StoredPayload(position, recordedAt, new SimpleSerializedObject<>(
                row.getString(7), String.class, row.getString(5), row.getString(6)), noMetaData));
        return new LedgerFact(position, recordedAt, row.getObject(3, LocalDate.class), row.getString(4), event);
    }

    /**
     * Runs the upcasters over a stored payload and reads what they give. A fact is one event at one position, so
     * an upcaster that dropped or split an event has no place here. The log keeps no metadata, so upcasters see
     * the payload, its type and revision, and the recording time only.
     */
    private LedgerEvent deserialize(StoredPayload stored) {
        List<IntermediateEventRepresentation> upcast =
                upcaster.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        if (upcast.size() != 1) {
            throw new IllegalStateException("The fact at position " + stored.position + " upcasts to "
                    + upcast.size() + " events; a fact is exactly one event");
        }
        return serializer.deserialize(upcast.get(0).getData());
    }

    /**
     * A fact with its event serialized, waiting to be written.
     */
    private record StoredFact(LedgerFact fact, SerializedObject<String> payload) {
    }

    private static String decisionOf(LedgerFact fact) {
        if (fact.event() instanceof SteeringGroupDecisionRecorded recorded) {
            return recorded.decisionId();
        }
        if (fact.event() instanceof SteeringGroupDecisionCorrected corrected) {
            return corrected.decisionId();
        }
        Authority authority = fact.authority();
        return authority != null && authority.citesSteeringGroupDecision() ? authority.decisionId() : null;
    }

    private static long toMicros(Instant instant) {
        return instant.getEpochSecond() * MICROS_PER_SECOND + instant.getNano() / 1_000;
    }

    private static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
    }

    /**
     * A payload as it is stored in {@code rm_fact}, in the form Axon's upcasters read.
     */
    private static final class StoredPayload implements EventData<String> {

        private final long position;
        private final Instant recordedAt;
        private final SerializedObject<String> payload;
        private final SerializedObject<String> metaData;

        StoredPayload(long position, Instant recordedAt, SerializedObject<String> payload,
                      SerializedObject<String> metaData) {
            this.position = position;
            this.recordedAt = recordedAt;
            this.payload = payload;
            this.metaData = metaData;
        }

        @Override
        public String getEventIdentifier() {
            return "fact-" + position;
        }

        @Override
        public Instant getTimestamp() {
            return recordedAt;
        }

        @Override
        public SerializedObject<String> getMetaData() {
            return metaData;
        }

        @Override
        public SerializedObject<String> getPayload() {
            return payload;
        }
    }
}
