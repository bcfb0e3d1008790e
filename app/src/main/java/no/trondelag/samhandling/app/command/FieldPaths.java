package no.trondelag.samhandling.app.command;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Names the place inside a field where JSON could not be read, and says in words what was expected there.
 */
final class FieldPaths {

    private FieldPaths() {
    }

    /**
     * The path below the field, such as {@code [2]} for a list item or {@code .date} for a nested field.
     */
    static String of(JsonMappingException exception) {
        return exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
    }

    /**
     * What is wrong, for people.
     */
    static String describe(JsonMappingException exception, JavaType fieldType) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        Class<?> expected = exception instanceof InvalidFormatException format && format.getTargetType() != null
                ? format.getTargetType()
                : exception.getPath().isEmpty() ? fieldType.getRawClass() : null;
        return expected == null ? "cannot be read" : "must be " + typeName(expected);
    }

    /**
     * What a field of the given type must be, for people.
     */
    static String describe(JavaType fieldType) {
        return typeName(fieldType.getRawClass());
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "an ISO date (YYYY-MM-DD)";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "BigDecimal" -> "a decimal number, as a JSON number or string";
            case "String" -> "a string";
            case "List" -> "a JSON array";
            default -> "a JSON object";
        };
    }
}
