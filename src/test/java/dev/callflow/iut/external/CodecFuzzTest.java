package dev.callflow.iut.external;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callflow.platform.CallEndedReason;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * callflow-iut/2 from the IUT's side: any line an IUT writes is either a message whose every field reads as its table
 * says (the readers {@link AppCalls} uses then return values), or a {@link ProtocolException} with a reason; nothing
 * else. Seeds: {@code src/test/resources/dev/callflow/iut/external/CodecFuzzTestInputs/decodeLine/} (one line each,
 * from docs/iut-protocol.md and the example IUTs). Long run: {@code scripts/fuzz.sh}.
 */
class CodecFuzzTest {

    @FuzzTest(maxDuration = "5m", maxExecutions = 80000)
    void decodeLine(byte[] input) {
        String line = new String(input, StandardCharsets.UTF_8);
        Codec.jsonOrText(line); // the harness-to-IUT direction: a payload that is not JSON goes as text
        ObjectNode m;
        try {
            m = Codec.parse(line);
        } catch (ProtocolException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        try {
            readAsAppCallsDoes(m);
        } catch (ProtocolException e) {
            throw new AssertionError("Codec.parse accepted " + line + " but reading it refused it: " + e.getMessage(), e);
        }
    }

    /** What {@link AppCalls} and {@link Session} read from a checked message, type by type. */
    private static void readAsAppCallsDoes(ObjectNode m) throws ProtocolException {
        String type = Codec.type(m);
        assertThat(Codec.CALLS).containsKey(type);
        switch (type) {
            case "done" -> Codec.integer(m, "re");
            case "createProvider" -> assertThat(Codec.configuration(type, m.get("configuration"))).isNotNull();
            case "reportIncoming" -> {
                Codec.integer(m, "id");
                assertThat(Codec.uuid(m, "call")).isNotNull();
                assertThat(Codec.handle(m.get("handle"))).isNotNull();
                Codec.text(m, "callerName");
            }
            case "reportEnded" -> {
                assertThat(Codec.uuid(m, "call")).isNotNull();
                assertThat(CallEndedReason.fromWireName(Codec.text(m, "reason"))).isNotNull();
            }
            case "reportOutgoing" -> assertThat(Codec.uuid(m, "call")).isNotNull();
            case "requestTransaction" -> {
                Codec.integer(m, "id");
                assertThat(Codec.actions(type, m.get("actions"))).isNotNull();
            }
            case "fulfill", "fail" -> Codec.integer(m, "actionId");
            case "audioSession" -> { // AppCalls.audioSession: no call field (an undeclared one is never read)
                Codec.text(m, "op");
                Codec.text(m, "category");
                Codec.text(m, "mode");
            }
            case "sdk" -> {
                Codec.text(m, "op");
                Codec.uuid(m, "call");
            }
            case "sdkReport", "log" -> {
                Codec.text(m, type.equals("log") ? "event" : "op");
                Codec.uuid(m, "call");
                assertThat(Codec.attributes(m.get("attributes")).length % 2).isZero();
            }
            case "http" -> {
                Codec.integer(m, "id");
                assertThat(Codec.text(m, "method")).isIn("GET", "POST", "PUT", "DELETE");
                assertThat(Codec.text(m, "path")).isNotNull();
            }
            case "setTimer" -> assertThat(Codec.integer(m, "afterMs")).isNotNegative();
            case "pushCompletion" -> Codec.integer(m, "push");
            default -> { }
        }
    }
}
