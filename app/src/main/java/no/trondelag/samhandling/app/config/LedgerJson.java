package no.trondelag.samhandling.app.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import no.trondelag.samhandling.api.common.HistoryEntry;
import no.trondelag.samhandling.api.common.LedgerEvent;

/**
 * How events and other Axon messages are written as JSON. The serialized form of every event is part of the
 * contract (pinned by approval tests), so it is configured in one place and never from HTTP settings.
 */
public final class LedgerJson {

    private LedgerJson() {
    }

    /**
     * A new object mapper for Axon's Jackson serializer: ISO dates, money as plain decimals, absent values left
     * out, unknown properties tolerated so that an older node can read a newer event's known fields, and
     * constructor parameter names read so that results such as {@code AppendedEvents} cross between nodes. JSON
     * numbers with a fraction are read as exact decimals with their scale, also into the JSON trees that upcasters
     * rewrite, so an amount keeps its digits when an upcaster moves it. A query result that holds an event of any
     * type ({@link HistoryEntry}) names the event's class beside it, so that it crosses a serializing query bus (Axon
     * Server); the HTTP mapper is another one, so the answers' JSON does not change.
     *
     * @return the configured mapper
     */
    public static ObjectMapper messageMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .addMixIn(HistoryEntry.class, HistoryEntryOnTheWire.class);
    }

    /** The event of a {@link HistoryEntry}, declared as any {@link LedgerEvent}, with its class named. */
    private abstract static class HistoryEntryOnTheWire {

        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "@class")
        abstract LedgerEvent event();
    }
}
