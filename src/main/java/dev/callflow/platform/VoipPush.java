package dev.callflow.platform;

import java.util.Map;
import java.util.Optional;

/** A VoIP push as PushKit hands it to the app: the APNs payload, its decoded top-level fields, and its APNs id. */
public record VoipPush(String apnsId, String payload, Map<String, String> fields) {
    public VoipPush {
        fields = Map.copyOf(fields);
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }
}
