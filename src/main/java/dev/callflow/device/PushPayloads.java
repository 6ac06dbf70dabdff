package dev.callflow.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callflow.platform.VoipPush;

import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes an APNs payload into the top-level fields PushKit's dictionary would show the app. */
public final class PushPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PushPayloads() { }

    /**
     * @throws IllegalArgumentException naming line and column when the payload is not a JSON object
     */
    public static VoipPush decode(String apnsId, String payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("VoIP push payload is not JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("VoIP push payload must be a JSON object like {\"aps\":{},\"callId\":\"…\"}, got: "
                    + payload);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        root.fields().forEachRemaining(f -> fields.put(f.getKey(),
                f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
        return new VoipPush(apnsId, payload, fields);
    }
}
