package no.trondelag.samhandling.app.report;

import java.util.List;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.ControlCharacters;
import no.trondelag.samhandling.app.problem.InvalidInputException;

/**
 * Checks an identifier taken from a report's path (a region, participant or decision), so that one holding control
 * characters is answered 400 {@code invalid-parameters} naming the parameter, as a command field would be, rather
 * than looked up and echoed in a 404.
 */
final class PathIdentifiers {

    private PathIdentifiers() {
    }

    /**
     * Checks an identifier.
     *
     * @param parameter the path parameter's name
     * @param value     its value
     * @return the value
     * @throws InvalidInputException when the value holds a control character
     */
    static String checked(String parameter, String value) {
        if (ControlCharacters.anyInLine(value)) {
            throw InvalidInputException.parameters(List.of(
                    new FieldError(parameter, "must not contain control characters")));
        }
        return value;
    }
}
