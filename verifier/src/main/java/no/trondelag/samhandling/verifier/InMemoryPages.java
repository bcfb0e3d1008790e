package no.trondelag.samhandling.verifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Pages over items held in memory, keyed by position, for the in-memory {@link EventSource} and {@link LinkSource}.
 *
 * @param <T> the item
 */
final class InMemoryPages<T> {

    private final NavigableMap<Long, T> byPosition = new TreeMap<>();

    InMemoryPages(Collection<T> items, ToLongFunction<T> position, String kind) {
        for (T item : items) {
            if (byPosition.putIfAbsent(position.applyAsLong(item), item) != null) {
                throw new IllegalArgumentException("two " + kind + " at position " + position.applyAsLong(item));
            }
        }
    }

    List<T> after(long position, int limit) {
        List<T> page = new ArrayList<>(Math.min(limit, byPosition.size()));
        for (T item : byPosition.tailMap(position, false).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(item);
        }
        return page;
    }
}
