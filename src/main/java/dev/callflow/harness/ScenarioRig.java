package dev.callflow.harness;

import dev.callflow.device.PushPayloads;
import dev.callflow.device.SimulatedDevice;
import dev.callflow.device.VirtualClock;
import dev.callflow.platform.AppFactory;
import dev.callflow.platform.ServerEvent;
import dev.callflow.platform.VoipPush;
import dev.callflow.push.ApnsPush;
import dev.callflow.push.AppServer;
import dev.callflow.push.PayloadJson;
import dev.callflow.push.PushInfrastructure;
import dev.callflow.push.PushRequest;
import dev.callflow.push.PushResult;
import dev.callflow.push.PushSink;
import dev.callflow.push.Registration;
import dev.callflow.signalling.DeliveryError;
import dev.callflow.signalling.DeviceGateway;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.signalling.SignallingExchange;
import dev.callflow.signalling.SignallingHeaders;
import dev.callflow.signalling.SignallingServer;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Timeline;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One scenario's world: a virtual clock, a fresh timeline on it and a simulated device, wired to the run's shared servers
 * by device id and device token. Everything the servers see for this device lands on this timeline, through the
 * clock: an answer from the network reaches the app in an order fixed when its request left, and a push or server event
 * is taken whole by the scenario's own step while the clock is held. Ids (device, calls, APNs ids) are drawn from the
 * run's seed and the scenario's name, so the same scenario renders the same timeline on every run.
 */
public final class ScenarioRig implements AutoCloseable {
    private final Infrastructure infra;
    private final HarnessSettings settings;
    private final long idSeed;
    private final VirtualClock clock;
    private final Timeline timeline;
    private final CallAliases calls;
    private final SimulatedDevice device;
    private final Registration apnsRegistration;
    private final SignallingServer.Registration signallingRegistration;
    private final DeviceGateway.Registration gatewayRegistration;
    /** The server's journal of this device's requests, by request id, until the clock records each in its place. */
    private final java.util.Map<String, SignallingExchange> journal = new java.util.concurrent.ConcurrentHashMap<>();
    /** What the phone's gateway received (a server event, or why it could not take one), until the sending step takes it. */
    private final java.util.concurrent.BlockingQueue<Object> gatewayInbox = new java.util.concurrent.LinkedBlockingQueue<>();
    /** What the mock APNs decided about each push to this device's token, by APNs id, until the sending step takes it. */
    private final java.util.Map<String, java.util.concurrent.CompletableFuture<ApnsOutcome>> apnsOutcomes =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** What the mock APNs did with one push to this device's token: accepted, or rejected with a reason and status. */
    private record ApnsOutcome(ApnsPush push, boolean accepted, String reason, int status) { }
    private long apnsIds;

    private ScenarioRig(Infrastructure infra, HarnessSettings settings, AppFactory app, String scenarioKey) {
        this.infra = infra;
        this.settings = settings;
        this.idSeed = VirtualClock.mix(settings.seed() * 0x9E3779B97F4A7C15L + fnv(scenarioKey));
        SignallingServer.Registration attached = null;
        String deviceId = null;
        for (int attempt = 0; attached == null; attempt++) {
            // The same scenario running twice at once (--repeat) needs two devices: the second takes the next id.
            deviceId = "dev-" + String.format("%012x", VirtualClock.mix(idSeed + attempt) & 0xffffffffffffL);
            try {
                attached = infra.signalling().attach(deviceId, this::onExchange);
            } catch (IllegalStateException taken) {
                if (attempt > 100) {
                    throw taken;
                }
            }
        }
        this.signallingRegistration = attached;
        this.clock = new VirtualClock(deviceId, settings.seed(), settings.realTimeGuard());
        this.timeline = clock.newTimeline("CallApp", 1000 + Math.floorMod(VirtualClock.mix(idSeed ^ 0x5eed), 90_000));
        this.calls = new CallAliases(idSeed);
        SignallingClient client = infra.signalling().client(infra.http(), deviceId)
                .withGate(this::leaving);
        this.device = SimulatedDevice.builder().deviceId(deviceId).timeline(timeline).timing(settings.timing())
                .clock(clock).app(app).signalling(client).build();
        this.apnsRegistration = infra.push().apns().registerVoip(device.deviceToken(), device.bundleId(), new DeviceSink());
        this.gatewayRegistration = infra.gateway().register(deviceId, gatewayInbox::add, gatewayInbox::add);
    }

    /** A rig for the scenario {@code scenarioKey} names (its file and line): its ids follow from it and the seed. */
    public static ScenarioRig create(Infrastructure infra, HarnessSettings settings, AppFactory app, String scenarioKey) {
        return new ScenarioRig(infra, settings, app, scenarioKey);
    }

    public static ScenarioRig create(Infrastructure infra, HarnessSettings settings, AppFactory app) {
        return create(infra, settings, app, "scenario");
    }

    public Timeline timeline() { return timeline; }

    public SimulatedDevice device() { return device; }

    public VirtualClock clock() { return clock; }

    public CallAliases calls() { return calls; }

    public HarnessSettings settings() { return settings; }

    /** How far ahead in virtual time a scenario's wait looks before it gives up. */
    public Duration waitBound() { return settings.timing().waitHorizon(); }

    /** A fault the mock signalling server applies to this device's requests; removed when the scenario ends. */
    public dev.callflow.signalling.InjectedFault injectSignallingFault(dev.callflow.signalling.SignallingFault fault) {
        return signallingRegistration.inject(fault);
    }

    // ---- the app's requests -----------------------------------------------------------------------------------

    /**
     * A request of the app leaves (in the simulation): its place on the clock is fixed now. Once the network is done
     * with it, the server's journal entry is recorded in that place, at the virtual time the request left; the
     * answer reaches the app after the delay a fault asks for (zero without one).
     */
    private java.util.function.Consumer<Runnable> leaving(String requestId, String method, String path) {
        Duration delay = signallingRegistration.delayFor(method, path);
        VirtualClock.Arrival reached = clock.expect(Duration.ZERO, VirtualClock.Lane.NETWORK);
        return complete -> reached.arrive(() -> {
            recordJournal(requestId);
            clock.schedule(delay, VirtualClock.Lane.NETWORK, true, complete);
        });
    }

    /** WireMock's journal tap, on a server thread, before the response goes out: kept until the clock records it. */
    private void onExchange(SignallingExchange x) {
        String requestId = x.requestHeaders().get(SignallingHeaders.REQUEST);
        if (requestId != null) {
            journal.put(requestId, x);
        }
    }

    private void recordJournal(String requestId) {
        SignallingExchange x = journal.remove(requestId);
        if (x == null) {
            return; // the request never reached the server (refused connection)
        }
        Optional<EventKind> endpoint = SignallingEndpoints.kindOf(x.method(), x.path());
        if (endpoint.isEmpty()) {
            return;
        }
        timeline.record(endpoint.get(), x.status() == 0 || x.status() >= 400 ? Level.WARNING : Level.INFO,
                SignallingEndpoints.callOf(x.path(), x.requestBody()).orElse(null),
                Timeline.attrs("method", x.method(), "path", x.path(), "status", String.valueOf(x.status())));
    }

    // ---- what the scenario sends -------------------------------------------------------------------------------

    /**
     * The signalling server sends an event to the app, through WireMock's relay over real HTTP, and the phone takes it
     * whole (records it, and queues it for the app or records why not) before this returns. Called by a step holding
     * the clock: nothing else happens on the phone meanwhile.
     */
    public void sendServerEvent(ServerEvent event) {
        gatewayInbox.clear();
        timeline.record(EventKind.SERVER_SENDS, parseCall(event.callId()), "type", event.type());
        int status = join(infra.signalling().sendToDevice(device.deviceId(), infra.gateway().endpointFor(device.deviceId()), event),
                "relaying " + event.type() + " through the mock signalling server");
        if (status / 100 != 2) {
            throw new IllegalStateException("The mock signalling server's relay answered " + status + " for " + event.type());
        }
        Object received;
        try {
            received = gatewayInbox.poll(settings.realTimeGuard().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the relayed " + event.type() + " event", e);
        }
        if (received == null) {
            throw new IllegalStateException("Timed out after " + settings.realTimeGuard().toMillis()
                    + " ms (real time) waiting for the relayed " + event.type() + " event to reach the phone's gateway");
        }
        if (received instanceof ServerEvent arrived) {
            deliverServerEvent(arrived);
        } else if (received instanceof DeliveryError error) {
            timeline.record(EventKind.MALFORMED_SERVER_EVENT, Level.ERROR, null,
                    Timeline.attrs("status", String.valueOf(error.status()), "problem", error.problem()));
        }
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

    /** The next APNs id: drawn from the seed, so the push's id reads the same on every run. */
    private synchronized UUID nextApnsId() {
        long n = ++apnsIds;
        return new UUID(VirtualClock.mix(idSeed ^ (0xA95L << 40) ^ n), VirtualClock.mix(idSeed + n));
    }

    /** The app server sends a VoIP push to this device's token through the mock APNs; the phone takes it whole. */
    public PushResult sendVoipPush(UUID call, String payloadJson) {
        PayloadJson.requireObject(payloadJson);
        PushRequest request = PushRequest.builder().deviceToken(device.deviceToken())
                .topic(device.voipTopic()).pushType(com.eatthepath.pushy.apns.PushType.VOIP).payload(payloadJson).build();
        return sendPush(infra.push().appServer(), request, call);
    }

    /**
     * Sends any push, well-formed or not, from {@code server} (the app server, or one signing with another key) and
     * records APNs' answer as {@code apnsResponse}. When the push was addressed to this device's token, what the mock
     * APNs decided about it (accepted or rejected) is recorded first, and an accepted push is handed to the phone after
     * the answer: pushAccepted, apnsResponse, then what the phone does with it. Called by a step holding the clock.
     */
    public PushResult sendPush(AppServer server, PushRequest request, UUID call) {
        PushRequest withId = request.withApnsId(nextApnsId());
        timeline.record(EventKind.PUSH_SENT, call, "topic", withId.topic(),
                "pushType", withId.pushType().map(t -> t.getHeaderValue()).orElse(null));
        java.util.concurrent.CompletableFuture<ApnsOutcome> outcome = new java.util.concurrent.CompletableFuture<>();
        String key = withId.apnsId().toString();
        boolean ours = withId.deviceToken().equals(device.deviceToken());
        if (ours) {
            apnsOutcomes.put(key, outcome);
        }
        try {
            PushResult result = join(server.send(withId), "sending a push through the mock APNs");
            ApnsOutcome decided = ours ? join(outcome, "the mock APNs to tell the phone's registration about push " + key) : null;
            VoipPush toPhone = decided == null ? null : recordDecision(decided);
            timeline.record(EventKind.APNS_RESPONSE, result.accepted() ? Level.INFO : Level.WARNING, call,
                    Timeline.attrs("status", String.valueOf(result.status()), "reason", result.rejectionReason().orElse(null),
                            "apnsId", result.apnsId()));
            if (toPhone != null) {
                device.deliverVoipPush(toPhone);
            }
            return result;
        } finally {
            apnsOutcomes.remove(key);
        }
    }

    /** The run's push side: the app server, and app servers signing with other keys. */
    public PushInfrastructure push() { return infra.push(); }

    /** This device's token at the mock APNs, for per-token faults ({@code rejectWith}). */
    public Registration apnsRegistration() { return apnsRegistration; }

    /** This device at the mock signalling server, for per-device faults and canned responses. */
    public SignallingServer.Registration signallingRegistration() { return signallingRegistration; }

    /** A real-time wait on the harness's own servers: bounded by the run's real-time guard. */
    private <T> T join(java.util.concurrent.CompletableFuture<T> future, String what) {
        Duration bound = settings.realTimeGuard();
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + bound.toMillis() + " ms (real time) " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Failed " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted " + what, e);
        }
    }

    private static long fnv(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
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

    /** Records what the mock APNs decided; the push that goes on to the phone, if APNs accepted it. */
    private VoipPush recordDecision(ApnsOutcome o) {
        ApnsPush push = o.push();
        if (!o.accepted()) {
            timeline.record(EventKind.PUSH_REJECTED, Level.WARNING, null,
                    Timeline.attrs("apnsId", push.apnsId(), "reason", o.reason(), "status", String.valueOf(o.status())));
            return null;
        }
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
        return decoded;
    }

    /**
     * What the mock APNs decided about a push to this device's token, on a harness thread: kept for the sending step,
     * which records it and hands an accepted push to PushKit while it holds the clock.
     */
    private final class DeviceSink implements PushSink {
        @Override
        public void onAccepted(ApnsPush push) {
            outcomeOf(push).complete(new ApnsOutcome(push, true, null, 200));
        }

        @Override
        public void onRejected(ApnsPush push, String reason, int status) {
            outcomeOf(push).complete(new ApnsOutcome(push, false, reason, status));
        }

        /**
         * The step's pending outcome for this push. A push the rig did not send (no apns-id, as another sender's push
         * rejected before APNs gave it one, or an id no step waits for) is not the scenario's: its sender got APNs'
         * answer, and the phone's timeline does not blame the scenario's app server for it.
         */
        private java.util.concurrent.CompletableFuture<ApnsOutcome> outcomeOf(ApnsPush push) {
            java.util.concurrent.CompletableFuture<ApnsOutcome> f = push.apnsId() == null ? null : apnsOutcomes.get(push.apnsId());
            return f != null ? f : new java.util.concurrent.CompletableFuture<>();
        }
    }
}
