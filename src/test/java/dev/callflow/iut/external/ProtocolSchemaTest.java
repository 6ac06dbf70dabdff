package dev.callflow.iut.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.callflow.device.DeviceFixture;
import dev.callflow.device.SimulatedDevice;
import dev.callflow.report.ReportFiles;
import dev.callflow.testing.Runs;
import dev.callflow.platform.AppFactory;
import dev.callflow.platform.LaunchReason;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.timeline.Timeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/protocol holds one JSON Schema (draft 2020-12) per callflow-iut/2 message type, both directions. This test
 * keeps them and the harness honest: the real traffic of a whole run against each example IUT, and of a few fault
 * IUTs for what the examples never send, validates line by line against the schema of its type, with every object
 * closed (a field no schema declares fails, so the harness cannot start sending one unnoticed); and the codec's table
 * of the IUT's calls agrees with the schemas on every field, type, enumeration and requirement.
 */
class ProtocolSchemaTest {
    private static final Path SCHEMAS = Runs.HOME.resolve("docs/protocol");
    private static final List<String> DIRECTIONS = List.of("harness-to-iut", "iut-to-harness");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** By direction and type: as published, and closed (unevaluatedProperties false wherever an object is not open). */
    private static final Map<String, JsonNode> PUBLISHED = new TreeMap<>();
    private static final Map<String, Schema> CLOSED = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        for (String direction : DIRECTIONS) {
            try (Stream<Path> files = Files.list(SCHEMAS.resolve(direction))) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    assertThat(name).as("schema file names are <type>.schema.json").endsWith(".schema.json");
                    JsonNode schema = Codec.JSON.readTree(f.toFile());
                    String type = name.substring(0, name.length() - ".schema.json".length());
                    assertThat(schema.at("/properties/type/const").asText()).as("%s names its own type", f).isEqualTo(type);
                    PUBLISHED.put(direction + "/" + type, schema);
                    CLOSED.put(direction + "/" + type, REGISTRY.getSchema(closed(schema.deepCopy())));
                }
            }
        }
    }

    /** Every object that declares properties and says nothing of others allows no others; {@code if} is left alone. */
    private static JsonNode closed(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if (o.has("properties") && !o.has("additionalProperties")) {
                o.put("unevaluatedProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().equals("if")) {
                    closed(f.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ProtocolSchemaTest::closed);
        }
        return node;
    }

    static List<ExampleRuns.Example> examples() {
        return ExampleRuns.examples();
    }

    // ---- real traffic -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "every line of a whole run against the {0} example matches the schema of its type")
    @MethodSource("examples")
    void realTrafficOfAWholeRunMatchesTheSchemas(ExampleRuns.Example example) throws IOException {
        ExampleRuns.Recorded recorded = ExampleRuns.whole(example);
        Traffic traffic = Traffic.of(recorded.traffic());
        System.out.printf("%s example: %d lines in %d sessions validated%n", example, traffic.lines, traffic.sessions);

        assertThat(traffic.problems).as("lines of the %s example's run that do not match their schema", example).isEmpty();
        assertThat(traffic.sessions).as("sessions recorded").isGreaterThan(100);
        Set<String> everyTypeButTheFaultIutsOwn = new TreeSet<>(PUBLISHED.keySet());
        everyTypeButTheFaultIutsOwn.removeAll(List.of("harness-to-iut/result", "iut-to-harness/sdkReport"));
        assertThat(traffic.seen).as("message types the %s example's run exchanged", example)
                .containsAll(everyTypeButTheFaultIutsOwn);
    }

    /** What no example sends (a synchronous call's result, sdkReport, a forbidden path), from the fault IUTs. */
    @Test
    @Timeout(60)
    void realTrafficOfTheFaultIutsMatchesTheSchemasAndCoversTheRest() throws IOException {
        Path dir = Runs.HOME.resolve("target/example-iuts/fault-traffic");
        ReportFiles.deleteRecursively(dir);
        for (String mode : List.of("sync-calls", "forbidden", "timers")) {
            Timeline timeline = Timeline.start("ProtocolSchemaTest", 1);
            List<String> command = List.of(PythonIutTest.PYTHON, "src/test/resources/iut-faults/bad_iut.py", mode);
            try (SimulatedDevice device = SimulatedDevice.builder().deviceId("dev-schema-" + mode).timeline(timeline)
                    .timing(DeviceFixture.timing(Duration.ofSeconds(30)))
                    .app(AppFactory.configurable(s -> new ExternalApp(within -> new TrafficLog(
                            ProcessChannel.start(command, Runs.HOME), dir.resolve(mode + ".txt")), Duration.ofSeconds(5), s)))
                    .signalling(new SignallingClient(HttpClient.newHttpClient(), "http://127.0.0.1:9", "dev-schema-" + mode))
                    .build()) {
                device.launchApp(LaunchReason.USER);
                assertThat(device.awaitEvent(e -> e.is("iutHello"), Duration.ofSeconds(120), Duration.ofSeconds(10))).isPresent();
                assertThat(device.settle(Duration.ofSeconds(120))).isTrue();
            }
        }
        Traffic traffic = Traffic.of(dir);
        assertThat(traffic.problems).as("fault IUT lines that do not match their schema").isEmpty();
        assertThat(traffic.seen).contains("harness-to-iut/result", "iut-to-harness/sdkReport", "harness-to-iut/httpResponse",
                "harness-to-iut/bye");
    }

    /** The recorded lines of a directory of sessions ({@code > } the harness's, {@code < } the IUT's), validated. */
    private static final class Traffic {
        final List<String> problems = new ArrayList<>();
        final Set<String> seen = new TreeSet<>();
        int lines;
        int sessions;

        static Traffic of(Path dir) throws IOException {
            Traffic t = new Traffic();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    t.sessions++;
                    List<String> all = Files.readAllLines(f);
                    for (int i = 0; i < all.size(); i++) {
                        t.check(f.getFileName() + ":" + (i + 1), all.get(i));
                    }
                }
            }
            return t;
        }

        private void check(String where, String line) {
            lines++;
            String direction = line.startsWith("> ") ? "harness-to-iut" : line.startsWith("< ") ? "iut-to-harness" : null;
            if (direction == null) {
                problems.add(where + ": not a recorded line: " + line);
                return;
            }
            JsonNode message;
            try {
                message = Codec.JSON.readTree(line.substring(2));
            } catch (IOException e) {
                problems.add(where + ": not JSON: " + line);
                return;
            }
            String key = direction + "/" + message.path("type").asText();
            Schema schema = CLOSED.get(key);
            if (schema == null) {
                problems.add(where + ": no schema docs/protocol/" + key + ".schema.json for " + line);
                return;
            }
            seen.add(key);
            schema.validate(message).forEach(e -> {
                if (problems.size() < 50) {
                    problems.add(where + ": " + key + ": " + e.getMessage() + " in " + Codec.brief(line));
                }
            });
        }
    }

    // ---- the codec and the schemas -----------------------------------------------------------------------------

    @Test
    void everyMessageTypeHasASchemaAndEverySchemaAType() {
        Set<String> harness = new TreeSet<>(ExternalApp.HANDLERS.keySet());
        harness.addAll(List.of("hello", "result", "bye"));
        Set<String> iut = Codec.CALLS.keySet();
        assertThat(types("harness-to-iut")).as("docs/protocol/harness-to-iut").isEqualTo(harness);
        assertThat(types("iut-to-harness")).as("docs/protocol/iut-to-harness").isEqualTo(new TreeSet<>(iut));
    }

    private static Set<String> types(String direction) {
        Set<String> out = new TreeSet<>();
        PUBLISHED.keySet().stream().filter(k -> k.startsWith(direction + "/")).forEach(k -> out.add(k.substring(direction.length() + 1)));
        return out;
    }

    @Test
    void theCodecsTableOfCallsAndTheSchemasNameTheSameFieldsRequirementsAndValues() {
        for (Map.Entry<String, List<Codec.Field>> call : Codec.CALLS.entrySet()) {
            JsonNode schema = PUBLISHED.get("iut-to-harness/" + call.getKey());
            Set<String> properties = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            properties.remove("type");
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            required.remove("type");
            assertThat(properties).as("fields of %s", call.getKey())
                    .isEqualTo(new TreeSet<>(call.getValue().stream().map(Codec.Field::name).toList()));
            assertThat(required).as("required fields of %s", call.getKey())
                    .isEqualTo(new TreeSet<>(call.getValue().stream().filter(Codec.Field::required).map(Codec.Field::name).toList()));
            for (Codec.Field f : call.getValue()) {
                if (!f.values().isEmpty()) {
                    List<String> values = new ArrayList<>();
                    schema.path("properties").path(f.name()).path("enum").forEach(v -> values.add(v.asText()));
                    assertThat(values).as("values of %s.%s", call.getKey(), f.name()).isEqualTo(f.values());
                }
            }
        }
    }

    /**
     * For every call: a message with every field valid passes both; each field given a value of the wrong kind, each
     * required field left out, and each field a condition requires left out are refused by both.
     */
    @Test
    void theCodecAndTheSchemasAcceptAndRefuseTheSameMessages() {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, List<Codec.Field>> call : Codec.CALLS.entrySet()) {
            String type = call.getKey();
            ObjectNode valid = Codec.message(type);
            call.getValue().forEach(f -> valid.set(f.name(), Samples.valid(f)));
            agree(type, valid, true, disagreements);
            for (Codec.Field f : call.getValue()) {
                for (JsonNode wrong : Samples.invalid(f)) {
                    agree(type, valid.deepCopy().set(f.name(), wrong), false, disagreements);
                }
                if (f.required()) {
                    ObjectNode without = valid.deepCopy();
                    without.remove(f.name());
                    agree(type, without, false, disagreements);
                }
            }
            for (Map.Entry<String, List<String>> when : Codec.REQUIRED_WHEN.getOrDefault(type, Map.of()).entrySet()) {
                String[] kv = when.getKey().split("=");
                for (String needed : when.getValue()) {
                    ObjectNode without = valid.deepCopy().put(kv[0], kv[1]);
                    without.remove(needed);
                    agree(type, without, false, disagreements);
                }
            }
        }
        agree("sdk", Codec.message("sdk").put("op", "stopAudio"), true, disagreements);
        agree("audioSession", Codec.message("audioSession").put("op", "setActive").put("active", false), true, disagreements);
        assertThat(disagreements).as("messages the codec and docs/protocol judge differently").isEmpty();
    }

    private static void agree(String type, ObjectNode message, boolean expected, List<String> disagreements) {
        boolean codec;
        try {
            Codec.parse(message.toString());
            codec = true;
        } catch (ProtocolException e) {
            codec = false;
        }
        boolean schema = REGISTRY.getSchema(PUBLISHED.get("iut-to-harness/" + type)).validate(message).isEmpty();
        if (codec != expected || schema != expected) {
            disagreements.add((expected ? "valid" : "invalid") + " " + message + ": codec " + (codec ? "accepts" : "refuses")
                    + ", schema " + (schema ? "accepts" : "refuses"));
        }
    }

    /** Values of each kind of field: one that passes, and some of the wrong kind. */
    private static final class Samples {
        private static final String CALL = "ed7aa169-3c1e-4bd8-9d5a-2f2ba0c3d0a1";

        static JsonNode valid(Codec.Field f) {
            return switch (f.kind()) {
                case INTEGER -> json("7");
                case NON_NEGATIVE_INTEGER -> json("0");
                case BOOLEAN -> json("true");
                case STRING -> f.values().isEmpty() ? json("\"x\"") : json("\"" + f.values().get(0) + "\"");
                case NON_EMPTY_STRING -> json("\"x\"");
                case UUID -> json("\"" + CALL + "\"");
                case HANDLE -> json("{\"type\":\"generic\",\"value\":\"alice\"}");
                case STRING_MAP -> json("{\"a\":\"b\"}");
                case ANY -> json("{\"x\":[1,null]}");
                case PATH -> json("\"/v1/calls/" + "p".repeat(2038) + "\"");
                case CONFIGURATION -> json("{\"localizedName\":\"Demo\",\"maximumCallGroups\":2,\"maximumCallsPerCallGroup\":1,"
                        + "\"supportedHandleTypes\":[\"generic\"],\"includesCallsInRecents\":true,\"supportsVideo\":false}");
                case ACTIONS -> json("[{\"action\":\"end\",\"call\":\"" + CALL + "\"},{\"action\":\"start\",\"call\":\"" + CALL
                        + "\",\"handle\":{\"type\":\"phoneNumber\",\"value\":\"+1\"}},{\"action\":\"setHeld\",\"call\":\"" + CALL
                        + "\",\"onHold\":true},{\"action\":\"answer\",\"call\":\"" + CALL + "\"}]");
                case PROTOCOL -> json("\"callflow-iut/2\"");
            };
        }

        static List<JsonNode> invalid(Codec.Field f) {
            List<String> texts = switch (f.kind()) {
                case INTEGER -> List.of("\"7\"", "7.5", "true", "null");
                case NON_NEGATIVE_INTEGER -> List.of("-1", "\"1\"", "2.5");
                case BOOLEAN -> List.of("\"true\"", "1", "null");
                case STRING -> f.values().isEmpty() ? List.of("1", "null", "{}", quoted(257)) : List.of("\"bogus\"", "1");
                case NON_EMPTY_STRING -> List.of("\"\"", "1", quoted(257));
                case PATH -> List.of("1", "null", quoted(2049));
                case UUID -> List.of("\"" + CALL.substring(0, 8) + "\"", "\"alice\"", "1");
                case HANDLE -> List.of("\"alice\"", "{\"type\":\"pager\",\"value\":\"x\"}", "{\"value\":\"x\"}",
                        "{\"type\":\"generic\",\"value\":1}", "{\"type\":\"generic\",\"value\":" + quoted(257) + "}");
                case STRING_MAP -> List.of("{\"a\":1}", "\"x\"", "[]", "{\"a\":" + quoted(1025) + "}", "{" + quoted(257) + ":\"b\"}");
                case ANY -> List.of();
                case CONFIGURATION -> List.of("\"x\"", "{}", "{\"localizedName\":\"D\",\"maximumCallGroups\":0}",
                        "{\"localizedName\":\"D\",\"maximumCallsPerCallGroup\":\"2\"}",
                        "{\"localizedName\":\"D\",\"supportedHandleTypes\":[\"pager\"]}",
                        "{\"localizedName\":\"D\",\"supportedHandleTypes\":\"generic\"}",
                        "{\"localizedName\":\"D\",\"supportsVideo\":\"no\"}", "{\"localizedName\":\"D\",\"includesCallsInRecents\":1}");
                case ACTIONS -> List.of("{}", "[\"end\"]", "[{\"action\":\"start\",\"call\":\"" + CALL + "\"}]",
                        "[{\"action\":\"setHeld\",\"call\":\"" + CALL + "\"}]", "[{\"action\":\"dance\",\"call\":\"" + CALL + "\"}]",
                        "[{\"action\":\"end\",\"call\":\"x\"}]", "[{\"action\":\"end\"}]");
                case PROTOCOL -> List.of("\"callflow-iut/1\"", "\"callflow-iut/20\"", "2", "\"callflow-iut/2." + "9".repeat(250) + "\"");
            };
            return texts.stream().map(Samples::json).toList();
        }

        /** A JSON string of {@code length} characters, past a limit by one (é: a character is not a byte). */
        private static String quoted(int length) {
            return "\"" + "é".repeat(length) + "\"";
        }

        private static JsonNode json(String text) {
            try {
                return Codec.JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theSchemasAreValidDraft202012Schemas() {
        Schema meta = REGISTRY.getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        PUBLISHED.forEach((key, schema) -> assertThat(meta.validate(schema)).as("docs/protocol/%s.schema.json", key).isEmpty());
        assertThat(PUBLISHED).hasSize(37);
        assertThat(PUBLISHED.values()).allSatisfy(s -> assertThat(s.path("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema"));
    }
}
