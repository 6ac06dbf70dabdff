package dev.callflow.iut.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.ProviderConfiguration;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * callflow-iut/2 on the wire (docs/iut-protocol.md): checks every line the IUT writes against the tables of section 5
 * before anything is carried out, with errors that name the message, the field and what to write instead, and builds
 * the harness's messages. {@link #CALLS} is the one description of the IUT's calls; the JSON Schemas in
 * docs/protocol/iut-to-harness are tested against it.
 */
final class Codec {
    /** Strict: trailing text after the object and a key given twice are errors, not silently dropped. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    static final String PROTOCOL = "callflow-iut/2";
    /** The longest line either side may write: 1 MiB of UTF-8, its {@code \n} not counted. */
    static final int MAX_LINE_BYTES = 1 << 20;
    /** The longest name or other string of a call (a timer, a log word, a handle's value, a caller's name), in characters. */
    static final int MAX_NAME_CHARS = 256;
    /** The longest value of a {@code log}'s or {@code sdkReport}'s attributes, in characters. */
    static final int MAX_ATTRIBUTE_CHARS = 1024;
    /** The longest {@code http} path, in characters. */
    static final int MAX_PATH_CHARS = 2048;
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** How a field's value must look, and how an error message says so. */
    enum Kind {
        INTEGER("an integer"), NON_NEGATIVE_INTEGER("an integer >= 0"), BOOLEAN("true or false"), STRING("a string"),
        NON_EMPTY_STRING("a non-empty string"),
        UUID("a call UUID, e.g. \"ed7aa169-3c1e-4bd8-9d5a-2f2ba0c3d0a1\""),
        HANDLE("a handle like {\"type\":\"generic\",\"value\":\"alice\"}, type one of generic, phoneNumber, emailAddress"),
        STRING_MAP("an object whose values are strings"), ANY("any JSON value"), PATH("a path like \"/v1/calls\""),
        CONFIGURATION("a provider configuration object"), ACTIONS("an array of actions"), PROTOCOL("\"" + "callflow-iut/2" + "\"");

        final String description;

        Kind(String description) { this.description = description; }
    }

    /** One field of a call: {@code values} lists the allowed strings of an enumeration (then kind is STRING). */
    record Field(String name, Kind kind, boolean required, List<String> values) {
        static Field req(String name, Kind kind) { return new Field(name, kind, true, List.of()); }

        static Field opt(String name, Kind kind) { return new Field(name, kind, false, List.of()); }

        static Field oneOf(String name, String... values) { return new Field(name, Kind.STRING, true, List.of(values)); }
    }

    /** Fields a call needs only for some values of another field: {@code call -> "op=prepareSDK" -> [call]}. */
    static final Map<String, Map<String, List<String>>> REQUIRED_WHEN = Map.of(
            "audioSession", Map.of("op=setCategory", List.of("category", "mode"), "op=setActive", List.of("active")),
            "sdk", Map.of("op=prepareSDK", List.of("call")));

    static final List<String> HANDLE_TYPES = List.of("generic", "phoneNumber", "emailAddress");
    static final List<String> TRANSACTION_ACTIONS = List.of("start", "answer", "end", "setHeld");

    /** Every call the IUT may write, with its fields, in the order of section 5. */
    static final Map<String, List<Field>> CALLS = calls();

    private static Map<String, List<Field>> calls() {
        Map<String, List<Field>> m = new LinkedHashMap<>();
        m.put("hello", List.of(Field.req("protocol", Kind.PROTOCOL), Field.opt("name", Kind.STRING), Field.opt("version", Kind.STRING)));
        m.put("done", List.of(Field.req("re", Kind.INTEGER)));
        m.put("createProvider", List.of(Field.req("configuration", Kind.CONFIGURATION)));
        m.put("invalidateProvider", List.of());
        m.put("setPushDelegate", List.of());
        m.put("reportIncoming", List.of(Field.req("id", Kind.INTEGER), Field.req("call", Kind.UUID), Field.req("handle", Kind.HANDLE),
                Field.opt("callerName", Kind.STRING), Field.opt("supportsHolding", Kind.BOOLEAN)));
        m.put("reportEnded", List.of(Field.req("call", Kind.UUID),
                Field.oneOf("reason", "failed", "remoteEnded", "unanswered", "answeredElsewhere", "declinedElsewhere")));
        m.put("reportOutgoing", List.of(Field.req("call", Kind.UUID), Field.oneOf("state", "startedConnecting", "connected")));
        m.put("requestTransaction", List.of(Field.req("id", Kind.INTEGER), Field.req("actions", Kind.ACTIONS)));
        m.put("fulfill", List.of(Field.req("actionId", Kind.INTEGER)));
        m.put("fail", List.of(Field.req("actionId", Kind.INTEGER)));
        m.put("audioSession", List.of(Field.oneOf("op", "setCategory", "setActive"), Field.opt("category", Kind.STRING),
                Field.opt("mode", Kind.STRING), Field.opt("active", Kind.BOOLEAN), Field.opt("id", Kind.INTEGER)));
        m.put("sdk", List.of(Field.oneOf("op", "prepareSDK", "unprepareSDK", "configAudio", "startAudio", "stopAudio",
                "releaseAudio"), Field.opt("call", Kind.UUID), Field.opt("id", Kind.INTEGER)));
        m.put("sdkReport", List.of(Field.req("op", Kind.NON_EMPTY_STRING), Field.opt("call", Kind.UUID),
                Field.opt("attributes", Kind.STRING_MAP)));
        m.put("http", List.of(Field.req("id", Kind.INTEGER), Field.oneOf("method", "GET", "POST", "PUT", "DELETE"),
                Field.req("path", Kind.PATH), Field.opt("body", Kind.ANY)));
        m.put("setTimer", List.of(Field.req("timer", Kind.NON_EMPTY_STRING), Field.req("afterMs", Kind.NON_NEGATIVE_INTEGER)));
        m.put("cancelTimer", List.of(Field.req("timer", Kind.NON_EMPTY_STRING)));
        m.put("pushCompletion", List.of(Field.req("push", Kind.INTEGER)));
        m.put("log", List.of(Field.req("event", Kind.NON_EMPTY_STRING), Field.opt("call", Kind.UUID),
                Field.opt("attributes", Kind.STRING_MAP)));
        return java.util.Collections.unmodifiableMap(m);
    }

    private Codec() { }

    /** Parses and checks one line from the IUT; the result has a known {@code type} and every field as its table says. */
    static ObjectNode parse(String line) throws ProtocolException {
        if (utf8Longer(line, MAX_LINE_BYTES)) {
            throw new ProtocolException("the line is longer than the protocol's limit of 1 MiB (" + MAX_LINE_BYTES
                    + " bytes of UTF-8); split what you send into messages");
        }
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("not JSON (" + e.getOriginalMessage() + " at column " + e.getLocation().getColumnNr()
                    + "); write one JSON object per line");
        }
        if (n == null || !n.isObject()) {
            throw new ProtocolException("not a JSON object; write one JSON object per line, e.g. {\"type\":\"done\",\"re\":1}");
        }
        if (!n.path("type").isTextual()) {
            throw new ProtocolException("no string \"type\"; every message has one, e.g. {\"type\":\"done\",\"re\":1}");
        }
        String type = n.get("type").asText();
        List<Field> fields = CALLS.get(type);
        if (fields == null) {
            throw new ProtocolException("unknown message type \"" + type + "\"; the IUT's calls are " + CALLS.keySet());
        }
        for (Field f : fields) {
            check(type, f, n.get(f.name()));
        }
        for (Map.Entry<String, List<String>> when : REQUIRED_WHEN.getOrDefault(type, Map.of()).entrySet()) {
            String[] kv = when.getKey().split("=");
            if (n.path(kv[0]).asText().equals(kv[1])) {
                for (String name : when.getValue()) {
                    if (!n.has(name)) {
                        throw new ProtocolException(type + " " + kv[1] + " needs \"" + name + "\" (docs/iut-protocol.md section 5)");
                    }
                }
            }
        }
        return (ObjectNode) n;
    }

    /** Whether {@code text} takes more than {@code limit} bytes as UTF-8, counted only when it may. */
    static boolean utf8Longer(String text, int limit) {
        if ((long) text.length() * 3 <= limit) {
            return false; // a UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4)
        }
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= limit; i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes > limit;
    }

    private static void check(String where, Field f, JsonNode v) throws ProtocolException {
        if (v == null) {
            if (f.required()) {
                throw new ProtocolException(where + " needs \"" + f.name() + "\" (" + describe(f) + "); see docs/iut-protocol.md section 5");
            }
            return;
        }
        boolean ok = switch (f.kind()) {
            case INTEGER -> integral(v);
            case NON_NEGATIVE_INTEGER -> integral(v) && v.asLong() >= 0;
            case BOOLEAN -> v.isBoolean();
            case STRING -> v.isTextual() && (f.values().isEmpty() || f.values().contains(v.asText()));
            case PATH -> v.isTextual();
            case NON_EMPTY_STRING -> v.isTextual() && !v.asText().isEmpty();
            case UUID -> v.isTextual() && UUID_TEXT.matcher(v.asText()).matches();
            case HANDLE -> v.isObject() && v.path("type").isTextual() && HANDLE_TYPES.contains(v.get("type").asText())
                    && v.path("value").isTextual();
            case STRING_MAP -> v.isObject() && allText(v);
            case ANY -> true;
            case CONFIGURATION -> { configuration(where, v); yield true; }
            case ACTIONS -> { actions(where, v); yield true; }
            case PROTOCOL -> v.isTextual() && (v.asText().equals(PROTOCOL) || v.asText().startsWith(PROTOCOL + "."));
        };
        if (!ok && f.kind() == Kind.PROTOCOL) {
            throw new ProtocolException("protocol version mismatch: the implementation under test speaks " + brief(v.toString())
                    + ", the harness speaks " + PROTOCOL + " (callflow-iut/1 is gone: see docs/iut-protocol.md)");
        }
        if (!ok) {
            throw new ProtocolException(where + ": \"" + f.name() + "\" must be " + describe(f) + ", got " + brief(v.toString()));
        }
        switch (f.kind()) {
            case STRING, NON_EMPTY_STRING, PROTOCOL -> length(where, f.name(), v.asText(), MAX_NAME_CHARS);
            case PATH -> length(where, f.name(), v.asText(), MAX_PATH_CHARS);
            case HANDLE -> length(where, f.name() + ".value", v.get("value").asText(), MAX_NAME_CHARS);
            case STRING_MAP -> {
                var entries = v.fields();
                while (entries.hasNext()) {
                    var e = entries.next();
                    length(where, f.name() + " key", e.getKey(), MAX_NAME_CHARS);
                    length(where, f.name() + "." + brief(e.getKey()), e.getValue().asText(), MAX_ATTRIBUTE_CHARS);
                }
            }
            default -> { }
        }
    }

    /** A string of the protocol longer than its limit (docs/iut-protocol.md section 1) is refused, saying both lengths. */
    private static void length(String where, String field, String text, int limit) throws ProtocolException {
        if (text.length() > limit && text.codePointCount(0, text.length()) > limit) {
            throw new ProtocolException(where + ": \"" + field + "\" must be at most " + limit + " characters long, got "
                    + text.codePointCount(0, text.length()) + " characters: " + brief(JSON.getNodeFactory().textNode(text).toString()));
        }
    }

    private static String describe(Field f) {
        return f.values().isEmpty() ? f.kind().description : "one of " + f.values();
    }

    private static boolean integral(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToLong() || v.isFloatingPointNumber() && v.asDouble() % 1 == 0
                && Math.abs(v.asDouble()) < 9.0e15;
    }

    private static boolean allText(JsonNode o) {
        for (JsonNode v : o) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** {@code createProvider.configuration} as the device's configuration, with the header's defaults. */
    static ProviderConfiguration configuration(String where, JsonNode c) throws ProtocolException {
        String w = where + ".configuration";
        if (!c.isObject()) {
            throw new ProtocolException(w + " must be an object like {\"localizedName\":\"Demo\",\"supportedHandleTypes\":[\"generic\"]}");
        }
        check(w, Field.req("localizedName", Kind.STRING), c.get("localizedName"));
        for (String n : List.of("maximumCallGroups", "maximumCallsPerCallGroup")) {
            if (c.has(n) && !(integral(c.get(n)) && c.get(n).asLong() >= 1 && c.get(n).asLong() <= Integer.MAX_VALUE)) {
                throw new ProtocolException(w + ": \"" + n + "\" must be an integer >= 1, got " + brief(c.get(n).toString()));
            }
        }
        check(w, Field.opt("includesCallsInRecents", Kind.BOOLEAN), c.get("includesCallsInRecents"));
        check(w, Field.opt("supportsVideo", Kind.BOOLEAN), c.get("supportsVideo"));
        EnumSet<HandleType> types = EnumSet.noneOf(HandleType.class);
        JsonNode t = c.get("supportedHandleTypes");
        if (t != null && !t.isArray()) {
            throw new ProtocolException(w + ": \"supportedHandleTypes\" must be an array of " + HANDLE_TYPES);
        }
        for (JsonNode e : t == null ? JSON.createArrayNode() : t) {
            if (!e.isTextual() || !HANDLE_TYPES.contains(e.asText())) {
                throw new ProtocolException(w + ": \"supportedHandleTypes\" holds " + brief(e.toString()) + "; use " + HANDLE_TYPES);
            }
            types.add(HandleType.fromWireName(e.asText()));
        }
        return ProviderConfiguration.builder(c.get("localizedName").asText())
                .maximumCallGroups(c.path("maximumCallGroups").asInt(2))
                .maximumCallsPerCallGroup(c.path("maximumCallsPerCallGroup").asInt(5))
                .supportedHandleTypes(types)
                .includesCallsInRecents(c.path("includesCallsInRecents").asBoolean(true))
                .supportsVideo(c.path("supportsVideo").asBoolean(false)).build();
    }

    /** {@code requestTransaction.actions} as the device's action requests. */
    static List<ActionRequest> actions(String where, JsonNode array) throws ProtocolException {
        if (!array.isArray()) {
            throw new ProtocolException(where + ": \"actions\" must be an array like [{\"action\":\"end\",\"call\":\"…\"}]");
        }
        List<ActionRequest> out = new ArrayList<>();
        for (JsonNode a : array) {
            String w = where + " action " + (out.size() + 1);
            if (!a.isObject()) {
                throw new ProtocolException(w + " must be an object like {\"action\":\"end\",\"call\":\"…\"}");
            }
            check(w, new Field("action", Kind.STRING, true, TRANSACTION_ACTIONS), a.get("action"));
            check(w, Field.req("call", Kind.UUID), a.get("call"));
            String kind = a.get("action").asText();
            check(w, new Field("handle", Kind.HANDLE, kind.equals("start"), List.of()), a.get("handle"));
            check(w, new Field("onHold", Kind.BOOLEAN, kind.equals("setHeld"), List.of()), a.get("onHold"));
            UUID call = UUID.fromString(a.get("call").asText());
            out.add(switch (kind) {
                case "start" -> ActionRequest.start(call, handle(a.get("handle")));
                case "answer" -> ActionRequest.answer(call);
                case "end" -> ActionRequest.end(call);
                default -> ActionRequest.setHeld(call, a.get("onHold").asBoolean());
            });
        }
        return out;
    }

    // ---- reading checked fields ------------------------------------------------------------------------------

    static String type(ObjectNode m) { return m.get("type").asText(); }

    static long integer(ObjectNode m, String field) { return m.get(field).asLong(); }

    static String text(ObjectNode m, String field) { return m.has(field) ? m.get(field).asText() : null; }

    static UUID uuid(ObjectNode m, String field) { return m.has(field) ? UUID.fromString(m.get(field).asText()) : null; }

    static Handle handle(JsonNode h) { return new Handle(HandleType.fromWireName(h.get("type").asText()), h.get("value").asText()); }

    /** An object of strings as alternating key, value, for timeline attributes. */
    static String[] attributes(JsonNode attrs) {
        List<String> kv = new ArrayList<>();
        if (attrs != null) {
            attrs.fields().forEachRemaining(f -> { kv.add(f.getKey()); kv.add(f.getValue().asText()); });
        }
        return kv.toArray(String[]::new);
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    static ObjectNode message(String type) { return JSON.createObjectNode().put("type", type); }

    static ObjectNode handleNode(Handle h) {
        return JSON.createObjectNode().put("type", h.type().wireName()).put("value", h.value());
    }

    /** A JSON text as a value ({@code null} when empty), or as a string when it is not JSON. */
    static JsonNode jsonOrText(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(text);
            return n == null || n.isMissingNode() ? null : n;
        } catch (JsonProcessingException notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    static String brief(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
