package io.riskguard.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.MapState;
import org.junit.jupiter.api.Test;

class CachedMapStateTest {

    private final KeyedMapState backend = new KeyedMapState();
    private final CachedMapState<String, String> map = new CachedMapState<>(backend);

    {
        select(map, 1001);
    }

    private void select(CachedMapState<String, String> m, long account) {
        backend.key = account;
        m.select(account);
    }

    /** Writes every unwritten account, as FlinkAccountState does: the key first, then the changes. */
    private void flush(CachedMapState<String, String> m) {
        for (long account : new long[] {1, 2, 1001, 2002}) {
            backend.key = account;
            m.write(account);
        }
    }

    @Test
    void readsAKeyFromTheBackendOncePerTriggerEvenWhenItIsAbsent() {
        backend.of(1001).put("MNQ", "long 2");

        assertThat(map.get("MNQ")).isEqualTo("long 2");
        assertThat(map.get("MNQ")).isEqualTo("long 2");
        assertThat(map.get("ES")).isNull();
        assertThat(map.get("ES")).isNull();

        assertThat(backend.gets).isEqualTo(2);
    }

    @Test
    void aReadAfterAWriteSeesTheWriteAndTheBackendGetsItAtTheFlush() {
        backend.of(1001).put("MNQ", "long 2");
        map.get("MNQ");

        map.put("MNQ", "long 3");
        map.remove("ES");
        map.put("ES", "short 1");

        assertThat(map.get("MNQ")).isEqualTo("long 3");
        assertThat(map.get("ES")).isEqualTo("short 1");
        assertThat(map.values()).containsExactlyInAnyOrder("long 3", "short 1");
        assertThat(backend.writes).isZero();
        assertThat(map.endTrigger()).isTrue();

        flush(map);

        assertThat(backend.of(1001)).containsOnly(Map.entry("MNQ", "long 3"), Map.entry("ES", "short 1"));
        assertThat(backend.writes).isEqualTo(2);
    }

    @Test
    void aRemovalReachesTheBackendAtTheFlush() {
        backend.of(1001).put("MNQ", "long 2");
        backend.of(1001).put("ES", "short 1");
        map.get("MNQ");

        map.remove("MNQ");
        map.endTrigger();
        flush(map);

        assertThat(backend.of(1001)).containsOnlyKeys("ES");
    }

    @Test
    void writesNothingWhenTheValueIsUnchangedOrTheKeyKnownAbsent() {
        backend.of(1001).put("MNQ", "long 2");
        map.get("MNQ");
        map.get("ES");

        map.put("MNQ", "long 2");
        map.remove("ES");

        assertThat(map.endTrigger()).isFalse();
        flush(map);
        assertThat(backend.writes).isZero();
    }

    @Test
    void afterListingTheWholeMapNoKeyIsReadAgain() {
        backend.of(1001).put("MNQ", "long 2");
        backend.of(1001).put("ES", "short 1");

        assertThat(map.values()).containsExactlyInAnyOrder("long 2", "short 1");
        map.remove("MNQ");
        assertThat(map.get("CL")).isNull();
        assertThat(map.values()).containsExactly("short 1");

        assertThat(backend.gets).isZero();
    }

    @Test
    void listingTheMapKeepsTheUnwrittenChangesOverWhatTheBackendHolds() {
        backend.of(1001).put("MNQ", "long 2");
        map.put("MNQ", "long 3");
        map.put("ES", "short 1");
        map.endTrigger();

        select(map, 1001);
        assertThat(map.values()).containsExactlyInAnyOrder("long 3", "short 1");
    }

    @Test
    void anotherAccountHasItsOwnCacheAndARecentAccountIsNotReadAgain() {
        backend.of(1001).put("MNQ", "long 2");
        map.get("MNQ");
        backend.of(2002).put("MNQ", "flat");

        select(map, 2002);
        assertThat(map.get("MNQ")).isEqualTo("flat");
        select(map, 1001);
        assertThat(map.get("MNQ")).isEqualTo("long 2");
        assertThat(backend.gets).isEqualTo(2);
    }

    @Test
    void eachAccountsChangesAreWrittenUnderItsOwnKey() {
        map.put("MNQ", "long 2");
        map.endTrigger();
        select(map, 2002);
        map.put("MNQ", "short 1");
        map.endTrigger();

        flush(map);

        assertThat(backend.of(1001)).containsExactly(Map.entry("MNQ", "long 2"));
        assertThat(backend.of(2002)).containsExactly(Map.entry("MNQ", "short 1"));
    }

    @Test
    void changingAccountAfterAChangeWithoutEndingTheTriggerIsRefused() {
        map.put("MNQ", "long 2");

        assertThatThrownBy(() -> map.select(2002)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAccountCachingEveryTriggerReadsTheBackendAgainButKeepsUnwrittenChanges() {
        CachedMapState<String, String> perTrigger = new CachedMapState<>(backend, 0);
        select(perTrigger, 1001);
        backend.of(1001).put("MNQ", "long 2");
        perTrigger.get("MNQ");
        perTrigger.put("ES", "short 1");
        perTrigger.endTrigger();

        select(perTrigger, 1001);

        assertThat(perTrigger.get("MNQ")).isEqualTo("long 2");
        assertThat(perTrigger.get("ES")).isEqualTo("short 1");
        flush(perTrigger);
        select(perTrigger, 1001);
        assertThat(perTrigger.get("MNQ")).isEqualTo("long 2");
        assertThat(backend.gets).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedAccountIsDroppedBeyondTheCapacity() {
        CachedMapState<String, String> two = new CachedMapState<>(backend, 2);
        for (long account : new long[] {1, 2, 3, 1}) {
            backend.of(account).put("MNQ", "long 2");
            select(two, account);
            two.get("MNQ");
        }

        assertThat(backend.gets).as("account 1 was dropped when 3 came").isEqualTo(4);
    }

    @Test
    void anAccountDroppedFromTheRecentOnesKeepsItsUnwrittenChangesUntilTheFlush() {
        CachedMapState<String, String> one = new CachedMapState<>(backend, 1);
        select(one, 1);
        one.put("MNQ", "long 2");
        one.endTrigger();
        select(one, 2);
        one.get("MNQ");

        select(one, 1);
        assertThat(one.get("MNQ")).isEqualTo("long 2");
        assertThat(backend.gets).as("only account 2 was read").isEqualTo(1);
        flush(one);
        assertThat(backend.of(1)).containsExactly(Map.entry("MNQ", "long 2"));
    }

    /** An in-memory keyed MapState that counts point reads and writes. */
    private static final class KeyedMapState implements MapState<String, String> {
        final Map<Long, Map<String, String>> byKey = new HashMap<>();
        long key;
        int gets;
        int writes;

        Map<String, String> of(long account) {
            return byKey.computeIfAbsent(account, a -> new TreeMap<>());
        }

        private Map<String, String> data() {
            return of(key);
        }

        @Override
        public String get(String k) {
            gets++;
            return data().get(k);
        }

        @Override
        public void put(String k, String value) {
            writes++;
            data().put(k, value);
        }

        @Override
        public void putAll(Map<String, String> map) {
            writes += map.size();
            data().putAll(map);
        }

        @Override
        public void remove(String k) {
            writes++;
            data().remove(k);
        }

        @Override
        public boolean contains(String k) {
            gets++;
            return data().containsKey(k);
        }

        @Override
        public Iterable<Map.Entry<String, String>> entries() {
            return Map.copyOf(data()).entrySet();
        }

        @Override
        public Iterable<String> keys() {
            return Map.copyOf(data()).keySet();
        }

        @Override
        public Iterable<String> values() {
            return Map.copyOf(data()).values();
        }

        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
            return entries().iterator();
        }

        @Override
        public boolean isEmpty() {
            return data().isEmpty();
        }

        @Override
        public void clear() {
            data().clear();
        }
    }
}
