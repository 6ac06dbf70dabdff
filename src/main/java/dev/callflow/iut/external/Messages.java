package dev.callflow.iut.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.ActionType;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/** Reading and writing callflow-iut/1 messages, with errors that say which field is wrong and why. */
final class Messages {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROTOCOL = "callflow-iut/1";

    private Messages() { }

    static ObjectNode parse(String line) throws ProtocolException {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("not JSON (" + e.getOriginalMessage() + " at column " + e.getLocation().getColumnNr() + ")");
        }
        if (n == null || !n.isObject()) {
            throw new ProtocolException("not a JSON object");
        }
        if (!n.path("type").isTextual()) {
            throw new ProtocolException("no \"type\" field");
        }
        return (ObjectNode) n;
    }

    static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    static String text(ObjectNode m, String field) throws ProtocolException {
        JsonNode v = m.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ProtocolException(m.get("type").asText() + " needs a non-empty string \"" + field + "\"");
        }
        return v.asText();
    }

    static String optText(ObjectNode m, String field) {
        JsonNode v = m.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    static long number(ObjectNode m, String field) throws ProtocolException {
        JsonNode v = m.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new ProtocolException(m.get("type").asText() + " needs an integer \"" + field + "\"");
        }
        return v.asLong();
    }

    static UUID uuid(ObjectNode m, String field) throws ProtocolException {
        String s = text(m, field);
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(m.get("type").asText() + ": \"" + field + "\" is not a UUID: " + s);
        }
    }

    static Handle handle(JsonNode h, String type) throws ProtocolException {
        if (h == null || !h.isObject() || !h.path("value").isTextual()) {
            throw new ProtocolException(type + " needs \"handle\": {\"type\":\"generic\",\"value\":\"alice\"}");
        }
        try {
            HandleType t = HandleType.fromWireName(h.path("type").asText("generic"));
            return new Handle(t, h.path("value").asText());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(type + ": " + e.getMessage());
        }
    }

    static ActionRequest action(JsonNode a) throws ProtocolException {
        if (a == null || !a.isObject()) {
            throw new ProtocolException("requestTransaction: every action is an object like {\"action\":\"end\",\"call\":\"…\"}");
        }
        ObjectNode o = (ObjectNode) a;
        String kind = o.path("action").asText("");
        UUID call;
        try {
            call = UUID.fromString(o.path("call").asText(""));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("requestTransaction: action \"" + kind + "\" needs a UUID \"call\"");
        }
        return switch (kind) {
            case "start" -> ActionRequest.start(call, handle(o.get("handle"), "requestTransaction start"));
            case "answer" -> ActionRequest.answer(call);
            case "end" -> ActionRequest.end(call);
            case "setHeld" -> ActionRequest.setHeld(call, o.path("onHold").asBoolean(true));
            case "setMuted" -> new ActionRequest(ActionType.SET_MUTED, call, null, o.path("muted").asBoolean(true));
            default -> throw new ProtocolException("requestTransaction: unknown action \"" + kind
                    + "\"; use start, answer, end, setHeld or setMuted");
        };
    }

    /** The object's fields as alternating key, value strings, for timeline attributes. */
    static String[] attributes(JsonNode attrs) {
        if (attrs == null || !attrs.isObject()) {
            return new String[0];
        }
        java.util.List<String> kv = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            kv.add(f.getKey());
            kv.add(f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
        }
        return kv.toArray(String[]::new);
    }

    static String brief(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
