package dev.callflow.iut.external;

import dev.callflow.device.DeviceFixture;
import dev.callflow.device.SimulatedDevice;
import dev.callflow.platform.VoipPush;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.AppFactory;
import dev.callflow.platform.AppSettings;
import dev.callflow.platform.LaunchReason;
import dev.callflow.harness.InProcessSuite;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An IUT that breaks callflow-iut/1 gets a bounded verdict, never a hung run, and the timeline so far is kept. Each
 * case drives a {@link SimulatedDevice} with an {@link ExternalApp} over a tiny bad IUT
 * (src/test/resources/iut-faults/bad_iut.py MODE); no Cucumber, no servers.
 */
class ProtocolFaultTest {
    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final AtomicInteger DEVICES = new AtomicInteger();

    private final Timeline timeline = Timeline.start("ProtocolFaultTest", 1);
    private SimulatedDevice device;

    private SimulatedDevice device(String mode) {
        List<String> command = List.of(PythonIutTest.PYTHON, "src/test/resources/iut-faults/bad_iut.py", mode);
        String id = "dev-fault-" + DEVICES.incrementAndGet();
        device = SimulatedDevice.builder().deviceId(id).timeline(timeline)
                .timing(DeviceFixture.timing(Duration.ofSeconds(30)))
                .app(AppFactory.configurable(settings ->
                        new ExternalApp(within -> ProcessChannel.start(command, InProcessSuite.HOME), BOUND, settings)))
                .signalling(new SignallingClient(HttpClient.newHttpClient(), "http://127.0.0.1:9", id))
                .build();
        return device;
    }

    @AfterEach
    void close() {
        if (device != null) {
            device.close();
        }
    }

    /** Waits for the app's termination and returns the verdict line as the timeline renders it. */
    private String verdict() {
        Event e = timeline.awaitEvent(x -> x.is("appTerminated"), WAIT)
                .orElseThrow(() -> new AssertionError("no appTerminated within " + WAIT + ":\n" + LogFormat.standard().render(timeline)));
        return LogFormat.standard().render(e, timeline);
    }

    private void launched() {
        device.launchApp(LaunchReason.USER);
        assertThat(timeline.awaitEvent(e -> e.is("iutHello"), WAIT)).as("the IUT's hello").isPresent();
    }

    private static VoipPush push(UUID call) {
        String payload = "{\"callId\":\"" + call + "\",\"caller\":\"alice\"}";
        return new VoipPush("apns-" + call, payload, Map.of("callId", call.toString(), "caller", "alice"));
    }

    @ParameterizedTest(name = "an IUT that dies mid-call ({0}) gets iutExited naming its last good message")
    @ValueSource(strings = {"kill-9", "exit-3"})
    @Timeout(20)
    void killedMidCall(String mode) {
        device(mode);
        launched();
        UUID call = UUID.randomUUID();
        device.deliverVoipPush(push(call));

        String verdict = verdict();
        assertThat(verdict).contains("appTerminated reason=crash exception=iutExited")
                .contains("last good message: {\\\"type\\\": \\\"log\\\", \\\"event\\\": \\\"aboutToDie\\\"")
                .contains(mode.equals("exit-3") ? "exit code 3" : "exit code 137")
                .contains("fatal: simulated crash in " + mode);
        // the timeline is kept, and the system ended the dead app's call
        assertThat(timeline.awaitEvent(e -> e.is("callEnded") && call.equals(e.call()), WAIT)).isPresent();
        assertThat(timeline.events()).anyMatch(e -> e.is("reportNewIncomingCall") && call.equals(e.call()));
    }

    @Test
    @Timeout(20)
    void aHangInThePushHandlerIsIutHung() {
        device("hang-in-push");
        launched();
        long t0 = System.nanoTime();
        device.deliverVoipPush(push(UUID.randomUUID()));

        assertThat(verdict()).contains("appTerminated reason=crash exception=iutHung")
                .contains("no pushHandled within 1000 ms of voipPush 2 (the IUT hangs in the PushKit handler)");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(WAIT);
        assertThat(timeline.awaitEvent(e -> e.is("pushNotReported"), WAIT)).as("the system saw no report").isPresent();
    }

    @Test
    @Timeout(20)
    void aHangElsewhereKeepsTheDeviceBusyOnlyUntilTheWaitBound() {
        device("hang-elsewhere");
        launched();
        assertThat(device.awaitSettled(WAIT)).as("the IUT said idle after its launch").isTrue();

        device.moveAppToBackground(); // the IUT hangs handling 'lifecycle' and never says idle again
        long t0 = System.nanoTime();
        assertThat(device.awaitSettled(BOUND)).as("a hung IUT never lets the device settle").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(BOUND.minusMillis(50), BOUND.plusSeconds(1));

        long c0 = System.nanoTime();
        device.close(); // bye, then the process is killed: the scenario's end does not wait for the hung IUT
        device = null;
        assertThat(Duration.ofNanos(System.nanoTime() - c0)).isLessThan(Duration.ofSeconds(2));
        assertThat(timeline.events()).anyMatch(e -> e.is("appDidEnterBackground"));
    }

    @Test
    @Timeout(20)
    void garbageOnStdoutIsAProtocolErrorWithTheLineNumber() {
        device("garbage");
        launched();
        assertThat(verdict()).contains("appTerminated reason=crash exception=iutProtocolError")
                .contains("line 6 from the implementation under test: not JSON")
                .contains("Traceback? no: this line is not JSON");
    }

    @Test
    @Timeout(20)
    void anUnknownMessageTypeIsAProtocolError() {
        device("unknown-type");
        launched();
        assertThat(verdict()).contains("exception=iutProtocolError")
                .contains("line 6 from the implementation under test: unknown message type \\\"makeCoffee\\\"");
    }

    @Test
    @Timeout(30)
    void aFloodOfMessagesIsIutFlood() {
        device("flood");
        launched();
        assertThat(verdict()).contains("appTerminated reason=crash exception=iutFlood")
                .contains("more than 10000 messages in one session");
    }

    @Test
    @Timeout(20)
    void noHelloIsIutNoHello() {
        device("no-hello");
        device.launchApp(LaunchReason.USER);
        assertThat(verdict()).contains("appTerminated reason=crash exception=iutNoHello")
                .contains("no hello within 1000 ms");
    }

    @Test
    @Timeout(20)
    void aWrongProtocolVersionNamesBothVersions() {
        device("wrong-version");
        device.launchApp(LaunchReason.USER);
        assertThat(verdict()).contains("exception=iutProtocolError")
                .contains("speaks 'callflow-iut/2', the harness speaks callflow-iut/1");
    }

    @Test
    @Timeout(20)
    void aPushThatLaunchesTheAppIsDeliveredAfterTheLaunchHandlerSetTheDelegate() {
        device("exit-3");
        UUID call = UUID.randomUUID();
        device.deliverVoipPush(push(call)); // cold launch: launch, then the push, on the main queue

        assertThat(timeline.awaitEvent(e -> e.is("reportNewIncomingCall") && call.equals(e.call()), WAIT))
                .as("the push reached the IUT's handler\n%s", LogFormat.standard().render(timeline)).isPresent();
        assertThat(timeline.events()).noneMatch(e -> e.is("pushNotDelivered"));
    }

    @Test
    @Timeout(20)
    void helloCarriesTheTimeScaleTheSupportedHandleTypesAndTheUserDefaults() {
        device("echo-hello");
        device.appDefault("supportsHolding", "false");
        device.appDefault("maximumCallGroups", "1");
        device.appSettings(AppSettings.defaults().withSupportedHandleTypes(java.util.EnumSet.of(HandleType.PHONE_NUMBER)));
        launched();

        Event seen = timeline.awaitEvent(e -> e.is("helloSeen"), WAIT).orElseThrow();
        assertThat(LogFormat.standard().render(seen, timeline)).contains("timeScale=0.01")
                .contains("\\\"supportedHandleTypes\\\": [\\\"phoneNumber\\\"]")
                .contains("\\\"userDefaults\\\": {\\\"maximumCallGroups\\\": \\\"1\\\", \\\"supportsHolding\\\": \\\"false\\\"}");
    }

    @Test
    @Timeout(20)
    void aHangInADelegateCallbackIsIutHung() {
        device("hang-in-perform"); // after its launch it starts a call, and hangs in performStartCallAction
        launched();

        assertThat(verdict()).contains("appTerminated reason=crash exception=iutHung")
                .contains("no idle or busy covering perform within 1000 ms (the IUT hangs in provider(_:perform:))");
    }

    @Test
    @Timeout(20)
    void busyLetsAPersonActWhileTheDeviceStaysBusy() {
        device("busy");
        launched();
        assertThat(device.awaitSettled(WAIT)).as("the IUT said idle after its launch").isTrue();

        device.moveAppToBackground(); // the IUT answers busy: handled, but work still in flight
        assertThat(device.awaitAppCaughtUp(WAIT)).as("busy says the IUT has handled the message").isTrue();
        assertThat(device.awaitSettled(BOUND)).as("busy is not idle: the device does not settle").isFalse();
    }
}
