package dev.callflow.harness;

import dev.callflow.device.PushPayloads;
import dev.callflow.device.SimulatedDevice;
import dev.callflow.platform.AppFactory;
import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.VoipPush;
import dev.callflow.push.ApnsPush;
import dev.callflow.push.AppServer;
import dev.callflow.push.PushInfrastructure;
import dev.callflow.push.PushRequest;
import dev.callflow.push.PushResult;
import dev.callflow.push.PushSink;
import dev.callflow.push.Registration;
import dev.callflow.signalling.DeliveryError;
import dev.callflow.signalling.DeviceGateway;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.signalling.SignallingExchange;
import dev.callflow.signalling.SignallingServer;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Timeline;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One scenario's world: a fresh timeline and simulated device wired to the run's shared servers by device id and
 * device token. Everything the servers see for this device lands on this timeline.
 */
public final class ScenarioRig implements AutoCloseable {
    private final Infrastructure infra;
    private final HarnessSettings settings;
    private final Timeline timeline;
    private final CallAliases calls = new CallAliases();
    private final SimulatedDevice device;
    private final Registration apnsRegistration;
    private final SignallingServer.Registration signallingRegistration;
    private final DeviceGateway.Registration gatewayRegistration;
    /** Per APNs id or server event: completed once the device has handled it (a push accepted or rejected). */
    private final java.util.Map<String, java.util.concurrent.CompletableFuture<Void>> handovers =
            new java.util.concurrent.ConcurrentHashMap<>();

    private ScenarioRig(Infrastructure infra, HarnessSettings settings, AppFactory app) {
        this.infra = infra;
        this.settings = settings;
        String deviceId = "dev-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffffL);
        this.timeline = Timeline.start("CallApp", 1000 + ThreadLocalRandom.current().nextInt(90_000));
        SignallingClient client = new SignallingClient(infra.http(), infra.signalling().baseUrl(), deviceId);
        this.device = SimulatedDevice.builder().deviceId(deviceId).timeline(timeline).timing(settings.timing())
                .app(app).signalling(client).build();
        this.apnsRegistration = infra.push().apns().registerVoip(device.deviceToken(), device.bundleId(), new DeviceSink());
        this.signallingRegistration = infra.signalling().attach(deviceId, this::onExchange);
        this.gatewayRegistration = infra.gateway().register(deviceId, this::onServerEvent, this::onMalformedEvent);
    }

    public static ScenarioRig create(Infrastructure infra, HarnessSettings settings, AppFactory app) {
        return new ScenarioRig(infra, settings, app);
    }

    public Timeline timeline() { return timeline; }

    public SimulatedDevice device() { return device; }

    public CallAliases calls() { return calls; }

    public HarnessSettings settings() { return settings; }

    public Duration waitBound() { return settings.timing().assertionTimeout(); }

    /** A fault the mock signalling server applies to this device's requests; removed when the scenario ends. */
    public dev.callflow.signalling.InjectedFault injectSignallingFault(dev.callflow.signalling.SignallingFault fault) {
        return signallingRegistration.inject(fault);
    }

    /**
     * The signalling server sends an event to the app, through WireMock's relay over real HTTP, and waits until the
     * device has taken it whole (recorded it, and queued it for the app or recorded why not).
     */
    public void sendServerEvent(ServerEvent event) {
        String key = serverEventKey(event);
        handovers.remove(key); // a like event the server sent by itself earlier must not end this wait
        timeline.record(EventKind.SERVER_SENDS, parseCall(event.callId()), "type", event.type());
        int status = join(infra.signalling().sendToDevice(device.deviceId(), infra.gateway().endpointFor(device.deviceId()), event),
                "relaying " + event.type() + " through the mock signalling server");
        if (status / 100 != 2) {
            throw new IllegalStateException("The mock signalling server's relay answered " + status + " for " + event.type());
        }
        awaitHandover(key, "the relayed " + event.type() + " event to reach the phone's gateway");
    }

    private static String serverEventKey(ServerEvent event) {
        return "serverEvent " + event.type() + " " + event.callId();
    }

    /**
     * Until the device has taken a push or server event whole (e.g. recorded a push, and delayed, dropped, launched or
     * queued it): a step after it must not land between {@code pushAccepted} and what the device does with the push.
     */
    private void awaitHandover(String key, String what) {
        try {
            join(handovers.computeIfAbsent(key, k -> new java.util.concurrent.CompletableFuture<>()), what);
        } finally {
            handovers.remove(key);
        }
    }

    /** The app server sends a VoIP push to this device's token through the mock APNs, and waits for APNs' answer. */
    public PushResult sendVoipPush(UUID call, String payloadJson) {
        timeline.record(EventKind.PUSH_SENT, call, "topic", device.voipTopic(), "pushType", "voip");
        PushResult result = join(infra.push().appServer().sendVoip(device.deviceToken(), device.bundleId(), payloadJson),
                "sending a VoIP push through the mock APNs");
        timeline.record(EventKind.APNS_RESPONSE, call, "status", String.valueOf(result.status()),
                "reason", result.rejectionReason().orElse(null), "apnsId", result.apnsId());
        awaitHandover(result.apnsId(), "the mock APNs to hand push " + result.apnsId() + " to the device");
        return result;
    }

    /**
     * Sends any push, well-formed or not, from {@code server} (the app server, or one signing with another key) and
     * records APNs' answer as {@code apnsResponse}. When the push was addressed to this device's token, waits until
     * the mock APNs told this device's registration about it (accepted or rejected), so nothing lands later.
     */
    public PushResult sendPush(AppServer server, PushRequest request, UUID call) {
        timeline.record(EventKind.PUSH_SENT, call, "topic", request.topic(),
                "pushType", request.pushType().map(t -> t.getHeaderValue()).orElse(null));
        PushResult result = join(server.send(request), "sending a push through the mock APNs");
        timeline.record(EventKind.APNS_RESPONSE, result.accepted() ? Level.INFO : Level.WARNING, call,
                Timeline.attrs("status", String.valueOf(result.status()), "reason", result.rejectionReason().orElse(null),
                        "apnsId", result.apnsId()));
        if (request.deviceToken().equals(device.deviceToken())) {
            awaitHandover(result.apnsId(), "the mock APNs to tell the device's registration about push " + result.apnsId());
        }
        return result;
    }

    /** The run's push side: the app server, and app servers signing with other keys. */
    public PushInfrastructure push() { return infra.push(); }

    /** This device's token at the mock APNs, for per-token faults ({@code rejectWith}). */
    public Registration apnsRegistration() { return apnsRegistration; }

    /** This device at the mock signalling server, for per-device faults and canned responses. */
    public SignallingServer.Registration signallingRegistration() { return signallingRegistration; }

    private <T> T join(java.util.concurrent.CompletableFuture<T> future, String what) {
        try {
            return future.get(waitBound().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + waitBound().toMillis() + " ms " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Failed " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted " + what, e);
        }
    }

    private void onExchange(SignallingExchange x) {
        Optional<EventKind> endpoint = SignallingEndpoints.kindOf(x.method(), x.path());
        if (endpoint.isEmpty()) {
            return;
        }
        timeline.record(endpoint.get(), x.status() == 0 || x.status() >= 400 ? Level.WARNING : Level.INFO,
                SignallingEndpoints.callOf(x.path(), x.requestBody()).orElse(null),
                Timeline.attrs("method", x.method(), "path", x.path(), "status", String.valueOf(x.status())));
    }

    private void onServerEvent(ServerEvent event) {
        try {
            device.arriving(() -> deliverServerEvent(event));
        } finally {
            handedOver(serverEventKey(event));
        }
    }

    private void handedOver(String key) {
        handovers.computeIfAbsent(key, k -> new java.util.concurrent.CompletableFuture<>()).complete(null);
    }

    private void deliverServerEvent(ServerEvent event) {
        UUID call = parseCall(event.callId());
        timeline.record(EventKind.SERVER_EVENT, call, "type", event.type());
        switch (device.appState()) {
            case NOT_RUNNING -> timeline.record(EventKind.SERVER_EVENT_UNDELIVERED, Level.WARNING, call,
                    Timeline.attrs("type", event.type(), "why", "the app is not running"));
            default -> device.inApp(app -> app.onSignallingEvent(event));
        }
    }

    private void onMalformedEvent(DeliveryError error) {
        timeline.record(EventKind.MALFORMED_SERVER_EVENT, Level.ERROR, null,
                Timeline.attrs("status", String.valueOf(error.status()), "problem", error.problem()));
    }

    private static UUID parseCall(String callId) {
        try {
            return callId == null ? null : UUID.fromString(callId);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            apnsRegistration.close();
            signallingRegistration.close();
            gatewayRegistration.close();
        } finally {
            device.close();
        }
    }

    /** Accepted pushes go on to the device's PushKit; rejected ones are only recorded. */
    private final class DeviceSink implements PushSink {
        @Override
        public void onAccepted(ApnsPush push) {
            try {
                device.arriving(() -> accepted(push));
            } finally {
                handedOver(push.apnsId());
            }
        }

        private void accepted(ApnsPush push) {
            VoipPush decoded;
            try {
                decoded = PushPayloads.decode(push.apnsId(), push.payload());
            } catch (IllegalArgumentException bad) {
                timeline.record(EventKind.PUSH_PAYLOAD_UNREADABLE, Level.WARNING, null,
                        Timeline.attrs("apnsId", push.apnsId(), "problem", bad.getMessage()));
                decoded = new VoipPush(push.apnsId(), push.payload(), java.util.Map.of());
            }
            timeline.record(EventKind.PUSH_ACCEPTED, decoded.field("callId").map(ScenarioRig::parseCall).orElse(null),
                    Timeline.attrs("apnsId", push.apnsId(), "topic", push.topic(), "pushType", push.pushType(),
                            "priority", String.valueOf(push.priority()),
                            // the payload's own kind (call, message, cancel, badge): R-PUSH-4 judges non-call pushes by it
                            "payloadType", decoded.field("type").filter(t -> !t.isBlank()).orElse(null)));
            device.deliverVoipPush(decoded);
        }

        @Override
        public void onRejected(ApnsPush push, String reason, int status) {
            try {
                timeline.record(EventKind.PUSH_REJECTED, Level.WARNING, null,
                        Timeline.attrs("apnsId", push.apnsId(), "reason", reason, "status", String.valueOf(status)));
            } finally {
                handedOver(push.apnsId());
            }
        }
    }
}
