package dev.callflow.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Scenario names for calls ("A", "B") and the UUIDs behind them; failure messages speak the names. */
public final class CallAliases {
    private final Map<String, UUID> byName = new LinkedHashMap<>();
    private final Map<UUID, String> byId = new LinkedHashMap<>();

    public synchronized UUID idOf(String alias) {
        return byName.computeIfAbsent(alias.trim(), a -> {
            UUID id = UUID.randomUUID();
            byId.put(id, a);
            return id;
        });
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
