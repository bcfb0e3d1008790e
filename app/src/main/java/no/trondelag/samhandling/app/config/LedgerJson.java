package no.trondelag.samhandling.app.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How events and other Axon messages are written as JSON. The serialized form of every event is part of the
 * contract (pinned by approval tests), so it is configured in one place and never from HTTP settings.
 */
public final class LedgerJson {

    private LedgerJson() {
    }

    /**
     * A new object mapper for Axon's Jackson serializer: ISO dates, money as plain decimals, absent values left
     * out, and unknown properties tolerated so that an older node can read a newer event's known fields.
     *
     * @return the configured mapper
     */
    public static ObjectMapper messageMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
