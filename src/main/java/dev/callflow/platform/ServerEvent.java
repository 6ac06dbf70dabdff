package dev.callflow.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An event the signalling server pushes to a device.
 * Wire format: {@code {"type":"offer","callId":"c-1","fields":{"caller":"alice","handleType":"phoneNumber"}}}.
 * Known types ({@link ServerEventType}) must carry their required fields; unknown types pass through unchecked.
 */
public record ServerEvent(String type, String callId, Map<String, String> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ServerEvent {
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("event 'type' must be a non-blank string");
        }
        if (callId == null || callId.isBlank()) {
            throw new MalformedEventException("event '" + type + "' needs a non-blank 'callId'");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (k == null || v == null) {
                    throw new MalformedEventException("event '" + type + "' has a null field name or value: " + k);
                }
                copy.put(k, v);
            });
        }
        for (String required : ServerEventType.fromWireName(type).map(ServerEventType::requiredFields).orElse(java.util.List.of())) {
            String v = copy.get(required);
            if (v == null || v.isBlank()) {
                throw new MalformedEventException("event '" + type + "' requires field '" + required + "'");
            }
        }
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    public ServerEvent(ServerEventType type, String callId, Map<String, String> fields) {
        this(type.wireName(), callId, fields);
    }

    public static ServerEvent offer(String callId, String caller, String handleType) {
        return new ServerEvent(ServerEventType.OFFER, callId, Map.of("caller", caller, "handleType", handleType));
    }

    public static ServerEvent of(ServerEventType type, String callId) {
        return new ServerEvent(type, callId, Map.of());
    }

    public Optional<ServerEventType> knownType() {
        return ServerEventType.fromWireName(type);
    }

    public boolean is(ServerEventType t) {
        return t.wireName().equals(type);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", type);
        root.put("callId", callId);
        ObjectNode f = root.putObject("fields");
        fields.forEach(f::put);
        return root.toString();
    }

    /** Parses strictly and names the offending member in the exception message. */
    public static ServerEvent fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("body is empty; expected a JSON object with 'type' and 'callId'");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("body must be a JSON object, got " + (root == null ? "nothing" : root.getNodeType()));
        }
        String type = text(root, "type");
        String callId = text(root, "callId");
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode f = root.get("fields");
        if (f != null && !f.isNull()) {
            if (!f.isObject()) {
                throw new MalformedEventException("'fields' must be a JSON object of strings, got " + f.getNodeType());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new MalformedEventException("field '" + e.getKey() + "' must be a string, got " + e.getValue().getNodeType());
                }
                fields.put(e.getKey(), e.getValue().asText());
            }
        }
        return new ServerEvent(type, callId, fields);
    }

    private static String text(JsonNode root, String name) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            throw new MalformedEventException("missing '" + name + "'");
        }
        if (!n.isTextual()) {
            throw new MalformedEventException("'" + name + "' must be a string, got " + n.getNodeType());
        }
        return n.asText();
    }
}
