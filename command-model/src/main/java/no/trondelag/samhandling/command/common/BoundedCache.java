package no.trondelag.samhandling.command.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * A cache of at most a given number of entries that lets the least recently used go first, for the aggregates that
 * commands load: a command on an aggregate in the cache needs no snapshot or event read. Axon's repository removes
 * an aggregate from the cache when its unit of work rolls back, so an aggregate that another node changed meanwhile
 * (which commands routed over the cluster make rare) fails its append once on the event store's unique key and is
 * read afresh when the command is retried.
 */
public final class BoundedCache implements Cache {

    /** The bean name of the aggregate cache that every {@code @Aggregate} names. */
    public static final String AGGREGATES = "ledgerAggregateCache";

    private final int maxEntries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashMap<Object, Object> entries;

    /**
     * Creates the cache.
     *
     * @param maxEntries the most entries it keeps
     */
    public BoundedCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("A cache keeps at least one entry");
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024) * 2, 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous;
        List<Object> evicted;
        synchronized (entries) {
            previous = entries.put(key, value);
            evicted = evictBeyondLimit();
        }
        if (previous == null) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        } else {
            listeners.forEach(listener -> listener.onEntryUpdated(key, value));
        }
        expired(evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        List<Object> evicted;
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            evicted = evictBeyondLimit();
        }
        listeners.forEach(listener -> listener.onEntryCreated(key, value));
        expired(evicted);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = get(key);
        if (value != null) {
            return value;
        }
        T supplied = valueSupplier.get();
        if (supplied != null && !putIfAbsent(key, supplied)) {
            return get(key);
        }
        return supplied;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        synchronized (entries) {
            Object value = entries.get(key);
            if (value == null) {
                return;
            }
            V updated = update.apply((V) value);
            if (updated == null) {
                entries.remove(key);
            } else {
                entries.put(key, updated);
            }
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = new ArrayList<>(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> listeners.forEach(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        listeners.add(cacheEntryListener);
        return () -> listeners.remove(cacheEntryListener);
    }

    /**
     * How many entries the cache holds.
     *
     * @return the number
     */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private List<Object> evictBeyondLimit() {
        List<Object> evicted = new ArrayList<>();
        var eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries && eldest.hasNext()) {
            Map.Entry<Object, Object> entry = eldest.next();
            evicted.add(entry.getKey());
            eldest.remove();
        }
        return evicted;
    }

    private void expired(List<Object> keys) {
        keys.forEach(key -> listeners.forEach(listener -> listener.onEntryExpired(key)));
    }
}
