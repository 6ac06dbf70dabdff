package dev.callflow.harness;

import dev.callflow.device.VirtualClock;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Scenario names for calls ("A", "B") and the UUIDs behind them; failure messages speak the names. A name's UUID is
 * drawn from the scenario's seed and the name, so the same scenario names the same UUIDs on every run.
 */
public final class CallAliases {
    private final long seed;
    private final Map<String, UUID> byName = new LinkedHashMap<>();
    private final Map<UUID, String> byId = new LinkedHashMap<>();

    public CallAliases(long seed) {
        this.seed = seed;
    }

    public synchronized UUID idOf(String alias) {
        return byName.computeIfAbsent(alias.trim(), a -> {
            UUID id = uuidFor(a);
            byId.put(id, a);
            return id;
        });
    }

    private UUID uuidFor(String alias) {
        long h = seed;
        for (byte b : alias.getBytes(StandardCharsets.UTF_8)) {
            h = VirtualClock.mix(h + (b & 0xff));
        }
        long hi = VirtualClock.mix(h ^ 0x51ed270b7a3c4a1dL);
        long lo = VirtualClock.mix(hi + h);
        return new UUID((hi & ~0xF000L) | 0x4000L, (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    /** {@code call A}, or the UUID for a call the scenario never named. */
    public synchronized String nameOf(UUID id) {
        String alias = byId.get(id);
        return alias == null ? "call " + id.toString().substring(0, 8) + "…" : "call " + alias;
    }

    public synchronized Map<String, UUID> all() {
        return Map.copyOf(byName);
    }
}
