package no.trondelag.samhandling.app.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.ReadPoint;
import no.trondelag.samhandling.app.problem.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code asOf} and {@code knownAt} parameters every report takes. Without them a report shows today's
 * state with everything recorded.
 */
@Component
public class ReadPoints {

    private final Clock clock;

    ReadPoints(Clock clock) {
        this.clock = clock;
    }

    /**
     * The read point of a request.
     *
     * @param asOf    an ISO date, or {@code null} for today
     * @param knownAt an ISO instant or offset date-time, or {@code null} for everything recorded
     * @return the read point
     * @throws InvalidInputException naming each parameter that cannot be read
     */
    public ReadPoint of(String asOf, String knownAt) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = LocalDate.now(clock);
        if (asOf != null) {
            try {
                date = LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("asOf", "must be an ISO date (YYYY-MM-DD)"));
            }
        }
        Instant instant = null;
        if (knownAt != null) {
            try {
                instant = OffsetDateTime.parse(knownAt).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("knownAt", "must be an ISO instant such as 2019-01-01T00:00:00Z"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.parameters(errors);
        }
        return new ReadPoint(date, instant);
    }
}
