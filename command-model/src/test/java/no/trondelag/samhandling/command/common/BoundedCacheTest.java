package no.trondelag.samhandling.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    private final BoundedCache cache = new BoundedCache(2);
    private final List<String> events = new ArrayList<>();

    private Registration listen() {
        return cache.registerCacheEntryListener(new Cache.EntryListener() {
            @Override
            public void onEntryExpired(Object key) {
                events.add("expired " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                events.add("removed " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                events.add("updated " + key);
            }

            @Override
            public void onEntryCreated(Object key, Object value) {
                events.add("created " + key);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                events.add("read " + key);
            }

            @Override
            public Object clone() {
                return this;
            }
        });
    }

    @Test
    void theLeastRecentlyUsedEntryGoesWhenTheCacheIsFull() {
        cache.put("participant:5054", "indre fosen");
        cache.put("participant:5001", "trondheim");
        assertThat((String) cache.get("participant:5054")).isEqualTo("indre fosen");

        cache.put("region:fosen", "fosen");

        assertThat(cache.containsKey("participant:5001")).isFalse();
        assertThat(cache.containsKey("participant:5054")).isTrue();
        assertThat(cache.containsKey("region:fosen")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void putIfAbsentKeepsWhatIsThereAndComputeIfAbsentSuppliesOnlyWhenMissing() {
        assertThat(cache.putIfAbsent("a", "first")).isTrue();
        assertThat(cache.putIfAbsent("a", "second")).isFalse();
        assertThat((String) cache.get("a")).isEqualTo("first");

        assertThat(cache.computeIfAbsent("a", () -> "third")).isEqualTo("first");
        assertThat(cache.computeIfAbsent("b", () -> "fourth")).isEqualTo("fourth");
        assertThat((String) cache.get("b")).isEqualTo("fourth");
    }

    @Test
    void computeIfPresentUpdatesOrRemovesAnExistingEntryOnly() {
        cache.put("a", "x");

        cache.<String>computeIfPresent("a", value -> value + "y");
        cache.<String>computeIfPresent("b", value -> "never");

        assertThat((String) cache.get("a")).isEqualTo("xy");
        assertThat(cache.containsKey("b")).isFalse();

        cache.<String>computeIfPresent("a", value -> null);

        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void listenersHearOfEveryChangeUntilTheyDeregister() {
        Registration registration = listen();

        cache.put("a", "1");
        cache.put("a", "2");
        cache.get("a");
        cache.put("b", "1");
        cache.put("c", "1");
        assertThat(cache.remove("b")).isTrue();
        assertThat(cache.remove("b")).isFalse();
        cache.removeAll();
        registration.cancel();
        cache.put("d", "1");

        assertThat(events).containsExactly("created a", "updated a", "read a", "created b", "created c",
                "expired a", "removed b", "removed c");
    }

    @Test
    void aCacheKeepsAtLeastOneEntry() {
        assertThatThrownBy(() -> new BoundedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
