package no.trondelag.samhandling.app.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.trondelag.samhandling.api.common.CommandRejection.FieldError;
import no.trondelag.samhandling.api.common.LedgerCommand;
import no.trondelag.samhandling.app.problem.InvalidInputException;
import no.trondelag.samhandling.app.problem.MalformedRequestException;
import org.springframework.stereotype.Component;

/**
 * Reads a command record from a JSON body field by field, so that a caller learns about every field that is
 * unknown or of the wrong type in one answer, not just the first. What the values mean is checked afterwards by
 * the command model's shape rules and handlers.
 */
@Component
public class CommandBinder {

    private final ObjectMapper objectMapper;

    CommandBinder(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * Binds a body to a command type.
     *
     * @param body the raw request body
     * @param type the command record type
     * @param <C>  the command type
     * @return the command
     * @throws MalformedRequestException when the body is not a JSON object
     * @throws InvalidInputException    when fields are unknown or cannot be read as their types
     */
    public <C extends LedgerCommand> C bind(byte[] body, Class<C> type) {
        JsonNode root = parse(body);
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a field of " + type.getSimpleName()));
            }
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = readField(root, components[i], errors);
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.fields(errors);
        }
        return construct(type, components, values);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = objectMapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedRequestException("The body must be a JSON object with the command's fields");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedRequestException("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedRequestException("The body cannot be read");
        }
    }

    private Object readField(JsonNode root, RecordComponent component, List<FieldError> errors) {
        JsonNode value = root.get(component.getName());
        if (value == null || value.isNull()) {
            return null;
        }
        JavaType javaType = objectMapper.getTypeFactory().constructType(component.getGenericType());
        try {
            return objectMapper.treeToValue(value, javaType);
        } catch (JsonMappingException e) {
            errors.add(new FieldError(component.getName() + FieldPaths.of(e), FieldPaths.describe(e, javaType)));
            return null;
        } catch (JsonProcessingException | RuntimeException e) {
            errors.add(new FieldError(component.getName(), "must be " + FieldPaths.describe(javaType)));
            return null;
        }
    }

    private static <C> C construct(Class<C> type, RecordComponent[] components, Object[] values) {
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<C> canonical = type.getDeclaredConstructor(parameterTypes);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new MalformedRequestException("The command cannot be built: " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Command " + type.getName() + " has no canonical constructor", e);
        }
    }
}
