package no.trondelag.samhandling.command.snapshotting;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.introspect.VisibilityChecker;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AggregateRoot;

/**
 * Snapshots of aggregates whose histories keep growing. A snapshot is the aggregate object itself, written by
 * Axon's general serializer; aggregates keep their state in private fields without getters, so the object mapper of
 * that serializer reads and writes aggregates field by field, and every other type as before.
 */
public final class Snapshots {

    /**
     * The bean name of the snapshot trigger that {@code @Aggregate(snapshotTriggerDefinition = ...)} names; the
     * application defines it with the configured threshold.
     */
    public static final String TRIGGER = "ledgerSnapshotTrigger";

    private Snapshots() {
    }

    /**
     * A copy of the given object mapper that writes and reads an aggregate (a class annotated, directly or through
     * a meta-annotation such as Spring's {@code @Aggregate}, with Axon's {@link AggregateRoot}) by its fields of any
     * visibility, ignoring its methods, and every other type exactly as the given mapper does. Aggregates are created
     * through their no-argument constructor.
     *
     * @param mapper the mapper to start from
     * @return the mapper for the serializer that writes snapshots
     */
    public static ObjectMapper mapper(ObjectMapper mapper) {
        ObjectMapper copy = mapper.copy();
        copy.setAnnotationIntrospector(AnnotationIntrospector.pair(new AggregateFields(),
                copy.getSerializationConfig().getAnnotationIntrospector()));
        return copy;
    }

    /**
     * Turns method detection off and field detection on for aggregate classes, and leaves every other class alone.
     */
    private static final class AggregateFields extends NopAnnotationIntrospector {

        @Override
        public VisibilityChecker<?> findAutoDetectVisibility(AnnotatedClass annotatedClass,
                                                             VisibilityChecker<?> checker) {
            if (!AnnotationUtils.isAnnotationPresent(annotatedClass.getRawType(), AggregateRoot.class)) {
                return checker;
            }
            return checker.with(Visibility.NONE).withFieldVisibility(Visibility.ANY);
        }
    }
}
