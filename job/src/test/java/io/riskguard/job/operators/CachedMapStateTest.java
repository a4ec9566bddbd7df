package io.riskguard.job.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.MapState;
import org.junit.jupiter.api.Test;

class CachedMapStateTest {

    private final CountingMapState backend = new CountingMapState();
    private final CachedMapState<String, String> map = new CachedMapState<>(backend);

    {
        map.select(1001);
    }

    @Test
    void readsAKeyFromTheBackendOncePerTriggerEvenWhenItIsAbsent() {
        backend.data.put("MNQ", "long 2");

        assertThat(map.get("MNQ")).isEqualTo("long 2");
        assertThat(map.get("MNQ")).isEqualTo("long 2");
        assertThat(map.get("ES")).isNull();
        assertThat(map.get("ES")).isNull();

        assertThat(backend.gets).isEqualTo(2);
    }

    @Test
    void aReadAfterAWriteInTheSameTriggerSeesTheWrite() {
        backend.data.put("MNQ", "long 2");
        map.get("MNQ");

        map.put("MNQ", "long 3");
        map.remove("ES");
        map.put("ES", "short 1");

        assertThat(map.get("MNQ")).isEqualTo("long 3");
        assertThat(map.get("ES")).isEqualTo("short 1");
        assertThat(map.values()).containsExactlyInAnyOrder("long 3", "short 1");
        assertThat(backend.data).containsOnly(Map.entry("MNQ", "long 3"), Map.entry("ES", "short 1"));
    }

    @Test
    void writesNothingWhenTheValueIsUnchangedOrTheKeyKnownAbsent() {
        backend.data.put("MNQ", "long 2");
        map.get("MNQ");
        map.get("ES");

        map.put("MNQ", "long 2");
        map.remove("ES");

        assertThat(backend.writes).isZero();
    }

    @Test
    void afterListingTheWholeMapNoKeyIsReadAgain() {
        backend.data.put("MNQ", "long 2");
        backend.data.put("ES", "short 1");

        assertThat(map.values()).containsExactlyInAnyOrder("long 2", "short 1");
        map.remove("MNQ");
        assertThat(map.get("CL")).isNull();
        assertThat(map.values()).containsExactly("short 1");

        assertThat(backend.gets).isZero();
        assertThat(backend.data).containsOnlyKeys("ES");
    }

    @Test
    void anotherAccountHasItsOwnCacheAndARecentAccountIsNotReadAgain() {
        map.select(1001);
        backend.data.put("MNQ", "long 2");
        map.get("MNQ");
        backend.data.put("MNQ", "flat"); // account 2002's state, behind the same descriptor

        map.select(2002);
        assertThat(map.get("MNQ")).isEqualTo("flat");
        map.select(1001);
        assertThat(map.get("MNQ")).isEqualTo("long 2");
        assertThat(backend.gets).isEqualTo(2);
    }

    @Test
    void withoutAccountCachingEveryTriggerReadsTheBackendAgain() {
        CachedMapState<String, String> perTrigger = new CachedMapState<>(backend, 0);
        perTrigger.select(1001);
        backend.data.put("MNQ", "long 2");
        perTrigger.get("MNQ");

        perTrigger.select(1001);

        assertThat(perTrigger.get("MNQ")).isEqualTo("long 2");
        assertThat(backend.gets).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedAccountIsDroppedBeyondTheCapacity() {
        CachedMapState<String, String> two = new CachedMapState<>(backend, 2);
        backend.data.put("MNQ", "long 2");
        for (long account : new long[] {1, 2, 3, 1}) {
            two.select(account);
            two.get("MNQ");
        }

        assertThat(backend.gets).as("account 1 was dropped when 3 came").isEqualTo(4);
    }

    /** An in-memory MapState that counts point reads and writes. */
    private static final class CountingMapState implements MapState<String, String> {
        final Map<String, String> data = new TreeMap<>();
        int gets;
        int writes;

        @Override
        public String get(String key) {
            gets++;
            return data.get(key);
        }

        @Override
        public void put(String key, String value) {
            writes++;
            data.put(key, value);
        }

        @Override
        public void putAll(Map<String, String> map) {
            writes += map.size();
            data.putAll(map);
        }

        @Override
        public void remove(String key) {
            writes++;
            data.remove(key);
        }

        @Override
        public boolean contains(String key) {
            gets++;
            return data.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<String, String>> entries() {
            return Map.copyOf(data).entrySet();
        }

        @Override
        public Iterable<String> keys() {
            return Map.copyOf(data).keySet();
        }

        @Override
        public Iterable<String> values() {
            return Map.copyOf(data).values();
        }

        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
            return entries().iterator();
        }

        @Override
        public boolean isEmpty() {
            return data.isEmpty();
        }

        @Override
        public void clear() {
            data.clear();
        }
    }
}
