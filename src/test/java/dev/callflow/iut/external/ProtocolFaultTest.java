package dev.callflow.iut.external;

import com.sun.net.httpserver.HttpServer;
import dev.callflow.device.DeviceFixture;
import dev.callflow.device.SimulatedDevice;
import dev.callflow.testing.Runs;
import dev.callflow.platform.AppFactory;
import dev.callflow.platform.AppSettings;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.LaunchReason;
import dev.callflow.platform.VoipPush;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every verdict of docs/iut-protocol.md section 11, and the conversation's rules, against tiny IUTs that break one
 * thing each (src/test/resources/iut-faults/bad_iut.py MODE): a bounded verdict naming the handler message and the
 * last good line, never a hung run, and the timeline so far kept. A {@link SimulatedDevice} with an
 * {@link ExternalApp} over a real child process; no Cucumber, no servers but a tiny HTTP one where a test needs it.
 */
class ProtocolFaultTest {
    /** The hang guard here: short, yet far above the interpreter's start-up on a loaded machine. */
    private static final Duration GUARD = Duration.ofSeconds(2);
    /** Real time to wait for a verdict only a reader thread sees (a stray line, an exit). */
    private static final Duration WAIT = Duration.ofSeconds(8);
    /** How far ahead in virtual time a wait looks. */
    private static final Duration HORIZON = Duration.ofSeconds(120);
    private static final AtomicInteger DEVICES = new AtomicInteger();

    private final Timeline timeline = Timeline.start("ProtocolFaultTest", 1);
    private SimulatedDevice device;
    private HttpServer server;

    private SimulatedDevice device(String mode) {
        return device(mode, "http://127.0.0.1:9");
    }

    private SimulatedDevice device(String mode, String signallingUrl) {
        List<String> command = List.of(PythonIutTest.PYTHON, "src/test/resources/iut-faults/bad_iut.py", mode);
        String id = "dev-fault-" + DEVICES.incrementAndGet();
        device = SimulatedDevice.builder().deviceId(id).timeline(timeline)
                .timing(DeviceFixture.timing(Duration.ofSeconds(30)))
                .app(AppFactory.configurable(settings ->
                        new ExternalApp(within -> ProcessChannel.start(command, Runs.HOME), GUARD, settings)))
                .signalling(new SignallingClient(HttpClient.newHttpClient(), signallingUrl, id))
                .build();
        return device;
    }

    @AfterEach
    void close() {
        if (device != null) {
            device.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** Waits for the app's termination and returns it: exception= the verdict, detail= its message. */
    private Event verdict(String expected) {
        Event e = device.awaitEvent(x -> x.is("appTerminated"), HORIZON, WAIT)
                .orElseThrow(() -> new AssertionError("no appTerminated within " + WAIT + ":\n" + LogFormat.standard().render(timeline)));
        assertThat(e.attribute("reason")).as("how the app died").contains("crash");
        assertThat(e.attribute("exception")).as("the verdict\n%s", LogFormat.standard().render(timeline)).contains(expected);
        assertThat(detail(e)).startsWith(expected + ": ").contains("last good line: ");
        return e;
    }

    private static String detail(Event e) {
        return e.attribute("detail").orElse("");
    }

    private void launched() {
        device.launchApp(LaunchReason.USER);
        assertThat(device.awaitEvent(e -> e.is("iutHello"), HORIZON, WAIT)).as("the IUT's hello\n%s", LogFormat.standard().render(timeline))
                .isPresent();
    }

    private List<String> logged(String event, String attribute) {
        return timeline.events().stream().filter(e -> e.is(event)).map(e -> e.attribute(attribute).orElse("?")).toList();
    }

    private static VoipPush push(UUID call) {
        String payload = "{\"callId\":\"" + call + "\",\"caller\":\"alice\"}";
        return new VoipPush("apns-" + call, payload, Map.of("callId", call.toString(), "caller", "alice"));
    }

    // ---- the verdicts ----------------------------------------------------------------------------------------

    @Test
    @Timeout(20)
    void noHelloIsIutNoHello() {
        device("no-hello");
        device.launchApp(LaunchReason.USER);
        assertThat(detail(verdict("iutNoHello"))).contains("no hello within 2000 ms from process")
                .contains("is the program writing callflow-iut/2 lines on stdout?")
                .contains("handler message: {\"type\":\"hello\",\"protocol\":\"callflow-iut/2\"");
    }

    @Test
    @Timeout(20)
    void aVersion1HelloIsRefusedNamingBothVersions() {
        device("v1-hello");
        device.launchApp(LaunchReason.USER);
        assertThat(detail(verdict("iutProtocolError"))).contains("line 1 from the implementation under test")
                .contains("protocol version mismatch: the implementation under test speaks \"callflow-iut/1\", the harness speaks "
                        + "callflow-iut/2 (callflow-iut/1 is gone");
        assertThat(timeline.events()).noneMatch(e -> e.is("iutHello"));
    }

    @Test
    @Timeout(20)
    void garbageIsAProtocolErrorWithTheLineNumberAndText() {
        device("garbage");
        launched();
        assertThat(detail(verdict("iutProtocolError"))).contains("line 4 from the implementation under test: not JSON")
                .contains("Traceback? no: this line is not JSON")
                .contains("handler message: {\"type\":\"launch\",\"id\":1,\"reason\":\"user\"} (application(_:didFinishLaunchingWithOptions:))")
                .contains("last good line: {\"type\":\"setPushDelegate\"}");
        assertThat(timeline.events()).as("what came before is kept").anyMatch(e -> e.is("providerCreated"));
    }

    @Test
    @Timeout(20)
    void anUnknownMessageTypeIsAProtocolError() {
        device("unknown-type");
        launched();
        assertThat(detail(verdict("iutProtocolError"))).contains("line 4 from the implementation under test: unknown message "
                + "type \"makeCoffee\"");
    }

    @Test
    @Timeout(20)
    void aFieldOfTheWrongTypeIsAProtocolErrorNamingTheField() {
        device("wrong-field");
        launched();
        assertThat(detail(verdict("iutProtocolError"))).contains("reportIncoming: \"call\" must be a call UUID, e.g.")
                .contains("got 12");
        assertThat(timeline.events()).noneMatch(e -> e.is("reportNewIncomingCall"));
    }

    @Test
    @Timeout(20)
    void aLogWordThatNamesAnEventIsRecordedAsAnAppLogLineNeverAsThatEvent() {
        device("forge-log");
        launched();
        assertThat(device.awaitEvent(e -> e.is("launchedFine"), HORIZON, WAIT)).as("the log line after the forged one").isPresent();
        assertThat(timeline.events()).filteredOn(e -> e.is("appLogLine"))
                .singleElement().satisfies(e -> assertThat(e.attributes()).containsEntry("event", "fulfill"));
        assertThat(timeline.events()).noneMatch(e -> e.is("fulfill"));
    }

    @Test
    @Timeout(20)
    void anActionIdTheHarnessNeverSentIsAProtocolError() {
        device("unknown-action");
        launched();
        assertThat(detail(verdict("iutProtocolError"))).contains("fulfill for actionId 999, which the harness never sent");
    }

    @Test
    @Timeout(20)
    void doneForTheWrongIdIsAProtocolError() {
        device("wrong-done");
        launched();
        assertThat(detail(verdict("iutProtocolError"))).contains("done for 8, but the handler running is launch 1");
    }

    @Test
    @Timeout(20)
    void aLineOutsideAHandlerIsAProtocolError() {
        device("outside");
        launched();
        assertThat(detail(verdict("iutProtocolError"))).contains("line 4 was written outside a handler")
                .contains("\"event\":\"afterDone\"")
                .contains("last handler message (it returned): {\"type\":\"launch\",\"id\":1")
                .contains("last good line: {\"type\":\"done\",\"re\":1}");
    }

    @Test
    @Timeout(30)
    void moreThan10000LinesInOneHandlerIsIutFlood() {
        device("flood");
        launched();
        assertThat(detail(verdict("iutFlood"))).contains("more than 10000 lines within one handler")
                .contains("handler message: {\"type\":\"launch\"");
    }

    @ParameterizedTest(name = "an IUT that dies mid-call ({0}) gets iutExited with its exit code and stderr")
    @ValueSource(strings = {"kill-9", "exit-3"})
    @Timeout(20)
    void killedMidCall(String mode) {
        device(mode);
        launched();
        UUID call = UUID.randomUUID();
        device.deliverVoipPush(push(call));

        assertThat(detail(verdict("iutExited"))).contains(mode.equals("exit-3") ? "exit code 3" : "exit code 137")
                .contains("fatal: simulated crash in " + mode)
                .contains("handler message: {\"type\":\"reportCompletion\"")
                .contains("last good line: {\"type\":\"log\",\"event\":\"aboutToDie\"");
        assertThat(device.awaitEvent(e -> e.is("callEnded") && call.equals(e.call()), HORIZON, WAIT))
                .as("the system ended the dead app's call").isPresent();
        assertThat(timeline.events()).anyMatch(e -> e.is("reportNewIncomingCall") && call.equals(e.call()));
    }

    @Test
    @Timeout(20)
    void exitingBetweenHandlersIsIutExited() {
        device("exit-between");
        launched();
        assertThat(detail(verdict("iutExited"))).contains("exit code 4")
                .contains("last handler message (it returned): {\"type\":\"pushCredentials\"");
    }

    @Test
    @Timeout(20)
    void aHangInThePushHandlerIsIutHungAndThePushWentUnreported() {
        device("hang-in-push");
        launched();
        long t0 = System.nanoTime();
        device.deliverVoipPush(push(UUID.randomUUID()));

        assertThat(detail(verdict("iutHung"))).contains("no done within the hang guard (2000 ms): the IUT hangs in "
                + "pushRegistry(_:didReceiveIncomingPushWith:for:completion:)")
                .contains("handler message: {\"type\":\"voipPush\",\"id\":");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(GUARD.plusSeconds(3));
        assertThat(device.awaitEvent(e -> e.is("pushNotReported"), HORIZON, WAIT)).as("the system saw no report").isPresent();
    }

    @Test
    @Timeout(20)
    void aHangInADelegateCallbackIsIutHung() {
        device("hang-in-perform"); // its launch starts a call; it hangs in performStartCallAction
        launched();
        assertThat(detail(verdict("iutHung"))).contains("the IUT hangs in provider(_:perform:)")
                .contains("handler message: {\"type\":\"perform\"");
    }

    // ---- the conversation -----------------------------------------------------------------------------------

    @Test
    @Timeout(20)
    void helloCarriesTheDeviceTheSdkAndTheStoredSettingsAndNothingOfV1() {
        device("echo-hello");
        device.appDefault("supportsHolding", "false");
        device.appDefault("maximumCallGroups", "1");
        device.appSettings(AppSettings.defaults().withSupportedHandleTypes(java.util.EnumSet.of(HandleType.PHONE_NUMBER)));
        launched();

        Event seen = device.awaitEvent(e -> e.is("helloSeen"), HORIZON, WAIT).orElseThrow();
        assertThat(seen.attribute("keys")).contains("bundleId,deviceId,harness,protocol,sdk,settings,type");
        assertThat(seen.attribute("settings")).contains("{\"supportedHandleTypes\": [\"phoneNumber\"], \"userDefaults\": "
                + "{\"maximumCallGroups\": \"1\", \"supportsHolding\": \"false\"}}");
        assertThat(seen.attribute("sdk")).contains("simulated");
    }

    @Test
    @Timeout(20)
    void aPushThatLaunchesTheAppIsDeliveredAfterTheLaunchHandlerReturned() {
        device("exit-3");
        UUID call = UUID.randomUUID();
        device.deliverVoipPush(push(call)); // cold launch: launch, then the push, on the main queue

        assertThat(device.awaitEvent(e -> e.is("reportNewIncomingCall") && call.equals(e.call()), HORIZON, WAIT))
                .as("the push reached the IUT's handler\n%s", LogFormat.standard().render(timeline)).isPresent();
        assertThat(timeline.events()).noneMatch(e -> e.is("pushNotDelivered"));
    }

    @Test
    @Timeout(20)
    void synchronousCallsAreAnsweredAtOnceWithTheirResult() {
        device("sync-calls");
        launched();
        assertThat(device.settle(HORIZON)).isTrue();
        assertThat(logged("result", "line")).containsExactly(
                "{\"error\": \"561145187\", \"ok\": false, \"re\": 1, \"type\": \"result\", "
                        + "\"why\": \"SDK not prepared\"}",
                "{\"ok\": true, \"re\": 2, \"type\": \"result\"}");
    }

    @Test
    @Timeout(20)
    void timersFireAsHandlersOnceEachAndASameNameReplacesWhileACancelledOneNeverFires() {
        device("timers");
        launched();
        assertThat(device.settle(HORIZON)).as("pending timers keep the device busy until they fired").isTrue();
        assertThat(logged("timerFired", "timer")).containsExactlyInAnyOrder("a", "c");
    }

    /** The harness owns the network: a path outside /v1/ is refused (status 0, forbidden) and never requested. */
    @Test
    @Timeout(20)
    void aPathOutsideV1IsRefusedWithoutAnyRequest() throws Exception {
        List<String> requested = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            requested.add(x.getRequestMethod() + " " + x.getRequestURI());
            byte[] body = "{\"state\":\"ringing\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        device("forbidden", "http://127.0.0.1:" + server.getAddress().getPort());
        launched();
        assertThat(device.settle(HORIZON)).isTrue();

        assertThat(logged("httpAnswer", "re")).containsExactlyInAnyOrder("1", "2", "3", "4");
        List<String> answers = timeline.events().stream().filter(e -> e.is("httpAnswer"))
                .map(e -> e.attribute("re").orElse("") + " " + e.attribute("status").orElse("") + " " + e.attribute("error").orElse(""))
                .toList();
        assertThat(answers).containsExactlyInAnyOrder("1 0 forbidden", "2 0 forbidden", "3 0 forbidden", "4 200 -");
        assertThat(requested).as("only the request under /v1/ reached the server").containsExactly("GET /v1/calls/ping");
        assertThat(logged("httpRefused", "path")).containsExactly("/harness/relay", "/v1/../harness/relay", "/v1/%2e%2e/harness");
    }
}
