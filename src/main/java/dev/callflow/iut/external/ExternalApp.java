package dev.callflow.iut.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.CallAction;
import dev.callflow.platform.CallEndedReason;
import dev.callflow.platform.CallProvider;
import dev.callflow.platform.CallUpdate;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.ProviderConfiguration;
import dev.callflow.platform.ProviderDelegate;
import dev.callflow.platform.PushRegistryDelegate;
import dev.callflow.platform.VoipPush;
import dev.callflow.platform.AppEnvironment;
import dev.callflow.platform.AppSettings;
import dev.callflow.platform.CallApp;
import dev.callflow.platform.LaunchReason;
import dev.callflow.platform.MediaSdk;
import dev.callflow.platform.ServerEvent;
import dev.callflow.timeline.Level;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bridge to an implementation under test outside the JVM: the device sees an ordinary app; every delegate
 * callback becomes a callflow-iut/1 message, every message from the IUT becomes the API call it names.
 * Messages are handled on the app's main queue; while the IUT is inside its PushKit handler the main queue is
 * blocked in that handler, as on iOS, and the IUT's messages are handled right there, so a report made before
 * {@code pushHandled} counts as made before the handler returned (R-PUSH-1).
 */
public final class ExternalApp implements CallApp, ProviderDelegate, PushRegistryDelegate {
    static final Duration HANDSHAKE = Duration.ofSeconds(5);
    static final int FLOOD_LIMIT = 10_000;
    /** How long a person looking at the screen waits for the app's main thread before acting anyway. */
    static final Duration PERSON_PATIENCE = Duration.ofMillis(25);
    private volatile long hungUntilNanos = System.nanoTime();
    private static final Object EOF = new Object();

    private record Inbound(long lineNo, String line, Object parsed) { }

    private final ChannelOpener opener;
    private final Duration bound;
    private final AppSettings settings;
    private final LinkedBlockingQueue<Inbound> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final Object handling = new Object();
    private final Object handledSignal = new Object();
    private final Map<Long, CallAction> actions = new HashMap<>();
    /** By apnsId; a push APNs delivered twice has two handlers, each with its own completion. */
    private final Map<String, java.util.ArrayDeque<Runnable>> pushCompletions = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private AppEnvironment env;
    private IutChannel channel;
    private CallProvider provider;
    private MediaSdk sdk;
    private volatile String lastGood = "(none yet)";
    private volatile IutChannel.Closed closed;
    private volatile boolean dead;
    private final java.util.concurrent.atomic.AtomicBoolean dying = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.ArrayDeque<String> stderrTail = new java.util.ArrayDeque<>();
    /** Messages sent to the IUT this session, and the device activity held until the IUT says it has seen them all. */
    private final Object workLock = new Object();
    private long sent;
    private long seenByIut;
    private Runnable work;

    ExternalApp(ChannelOpener opener) {
        this(opener, HANDSHAKE);
    }

    ExternalApp(ChannelOpener opener, AppSettings settings) {
        this(opener, HANDSHAKE, settings);
    }

    /** {@code bound}: how long the handshake and a synchronous handler (launch, PushKit) may take. */
    ExternalApp(ChannelOpener opener, Duration bound) {
        this(opener, bound, AppSettings.defaults());
    }

    ExternalApp(ChannelOpener opener, Duration bound, AppSettings settings) {
        this.opener = opener;
        this.bound = bound;
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    // ---- launch and handshake ------------------------------------------------------------------------------

    @Override
    public void didFinishLaunching(AppEnvironment environment, LaunchReason reason) {
        this.env = environment;
        this.sdk = environment.mediaSdk();
        try {
            channel = opener.open(bound);
        } catch (IOException e) {
            die("iutNotStarted", "could not start the implementation under test: " + e.getMessage());
            return;
        }
        channel.start(this::onLine, this::onStderr, this::onClosed);
        ObjectNode hello = Messages.message("hello").put("protocol", Messages.PROTOCOL).put("harness", "0.1.0")
                .put("deviceId", env.deviceId()).put("bundleId", env.bundleId())
                .put("signallingBaseUrl", env.signalling().baseUrl()).put("sdk", "simulated")
                .put("timeScale", env.timeScale());
        hello.set("settings", settingsMessage());
        send(hello);
        if (!awaitHello()) {
            return;
        }
        // As on iOS, didFinishLaunching returns only when the app's launch code has run: whatever the IUT sends before
        // launchHandled (createProvider, setPushDelegate) is in place before a VoIP push that launched it is delivered.
        long id = ids.incrementAndGet();
        send(Messages.message("launch").put("id", id).put("reason", reason.wireName()));
        awaitAnswer("launchHandled", id, "application(_:didFinishLaunchingWithOptions:)", "launch " + id);
    }

    /**
     * The scenario's app settings as the IUT reads them before its launch: {@code supportedHandleTypes} only when the
     * scenario narrowed them (R-CFG-3), and every stored user default ({@code UserDefaults}) as a string.
     */
    private ObjectNode settingsMessage() {
        ObjectNode s = Messages.JSON.createObjectNode();
        settings.supportedHandleTypes().ifPresent(types -> {
            var array = s.putArray("supportedHandleTypes");
            types.stream().sorted().forEach(t -> array.add(t.wireName()));
        });
        ObjectNode defaults = s.putObject("userDefaults");
        env.userDefaults().forEach(defaults::put);
        return s;
    }

    /**
     * Handles the IUT's messages on the calling (main) thread until it answers {@code type} with {@code re = id}, as
     * a synchronous delegate method; a hang there is a verdict, {@code iutHung}.
     */
    private boolean awaitAnswer(String type, long id, String where, String what) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!dead) {
            Inbound in = poll(deadline);
            if (in == null) {
                env.report(Level.ERROR, "iutHung", null, "where", where, "waited", bound.toMillis() + "ms");
                die("iutHung", "no " + type + " within " + bound.toMillis() + " ms of " + what + " (the IUT hangs in "
                        + where + "); last good message: " + lastGood);
                return false;
            }
            if (in.parsed() instanceof ObjectNode m && type.equals(m.path("type").asText())
                    && m.path("re").asLong(-1) == id) {
                lastGood = in.line();
                markHandled(in.lineNo());
                return true;
            }
            handle(in);
        }
        return false;
    }

    private boolean awaitHello() {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!dead) {
            Inbound in = poll(deadline);
            if (in == null) {
                die("iutNoHello", "no hello within " + bound.toMillis() + " ms from " + channel.describe()
                        + ": is it writing " + Messages.PROTOCOL + " lines on stdout?");
                return false;
            }
            if (in.parsed() == EOF) {
                exited();
                return false;
            }
            if (in.parsed() instanceof ObjectNode m && "hello".equals(m.path("type").asText())) {
                String protocol = m.path("protocol").asText("");
                if (!protocol.equals(Messages.PROTOCOL) && !protocol.startsWith(Messages.PROTOCOL + ".")) {
                    env.report(Level.ERROR, "iutProtocolError", null, "line", String.valueOf(in.lineNo()),
                            "problem", "protocol version", "text", Messages.brief(in.line()));
                    die("iutProtocolError", "protocol version mismatch: the implementation under test speaks '" + protocol
                            + "', the harness speaks " + Messages.PROTOCOL + " (line " + in.lineNo() + ": "
                            + Messages.brief(in.line()) + ")");
                    return false;
                }
                lastGood = in.line();
                markHandled(in.lineNo());
                env.log("iutHello", null, "name", m.path("name").asText("?"), "version", m.path("version").asText("?"),
                        "via", channel.describe());
                return true;
            }
            handle(in);
        }
        return false;
    }

    // ---- inbound ---------------------------------------------------------------------------------------------

    private void onLine(String line) {
        long n = lines.incrementAndGet();
        if (n > FLOOD_LIMIT) {
            // Judged here, on the reader thread: a flooding IUT must not also flood the main queue or the heap.
            if (n == FLOOD_LIMIT + 1 && env != null) {
                env.report(Level.ERROR, "iutFlood", null, "limit", String.valueOf(FLOOD_LIMIT));
                die("iutFlood", "more than " + FLOOD_LIMIT + " messages in one session; last good message: " + lastGood);
            }
            return;
        }
        Object parsed;
        try {
            parsed = Messages.parse(line);
        } catch (ProtocolException e) {
            parsed = e;
        }
        if (env != null && !dead && parsed instanceof ObjectNode m && "log".equals(m.path("type").asText())
                && logNow(new Inbound(n, line, parsed))) {
            return;
        }
        inbox.add(new Inbound(n, line, parsed));
        if (env != null && !dead) {
            env.runOnMain(this::drain);
        }
    }

    /**
     * An app log line is recorded as soon as it is read, when every earlier line has been handled: the IUT's HTTP
     * requests reach the signalling server's tap directly, and a log line written before a request must not lose the
     * race through the main queue ("incomingCallRejected" before "busy").
     */
    private boolean logNow(Inbound in) {
        synchronized (handling) {
            if (handled.get() != in.lineNo() - 1 || !inbox.isEmpty()) {
                return false;
            }
            handle(in);
            return true;
        }
    }

    private void onStderr(String line) {
        synchronized (stderrTail) {
            stderrTail.addLast(line);
            if (stderrTail.size() > 5) {
                stderrTail.removeFirst();
            }
        }
        if (!dead) {
            env.report(Level.WARNING, "iutStderr", null, "text", line);
        }
    }

    private void onClosed(IutChannel.Closed c) {
        closed = c;
        inbox.add(new Inbound(lines.get() + 1, "", EOF));
        if (env != null && !dead) { // after processKilled the device (and its queues) may already be gone
            env.runOnMain(this::drain);
        }
    }

    private void drain() {
        Inbound in;
        while (!dead && (in = inbox.poll()) != null) {
            handle(in);
        }
    }

    private Inbound poll(long deadlineNanos) {
        try {
            return inbox.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void markHandled(long lineNo) {
        synchronized (handledSignal) {
            handled.set(lineNo);
            handledSignal.notifyAll();
        }
    }

    /**
     * Waits (bounded) until the first {@code lines} lines the IUT wrote have been handled. The signalling tap calls
     * it with the request's {@code X-Callflow-After} header, so an HTTP request is never recorded before a message
     * the IUT wrote before sending it.
     */
    @Override
    public boolean awaitHandled(long lines, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (handledSignal) {
            while (!dead && handled.get() < lines) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    handledSignal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void handle(Inbound in) {
        synchronized (handling) {
            try {
                handleNow(in);
            } finally {
                markHandled(in.lineNo());
            }
        }
    }

    private void handleNow(Inbound in) {
        if (dead) {
            return;
        }
        if (in.parsed() == EOF) {
            exited();
            return;
        }
        try {
            if (in.parsed() instanceof ProtocolException p) {
                throw p;
            }
            ObjectNode m = (ObjectNode) in.parsed();
            dispatch(m);
            if (!"idle".equals(m.get("type").asText())) {
                lastGood = in.line();
                markHandled(in.lineNo());
            }
        } catch (ProtocolException e) {
            env.report(Level.ERROR, "iutProtocolError", null, "line", String.valueOf(in.lineNo()),
                    "problem", e.getMessage(), "text", Messages.brief(in.line()));
            die("iutProtocolError", "line " + in.lineNo() + " from the implementation under test: " + e.getMessage()
                    + ": " + Messages.brief(in.line()) + "; last good message: " + lastGood);
        }
    }

    private void dispatch(ObjectNode m) throws ProtocolException {
        String type = m.get("type").asText();
        switch (type) {
            case "createProvider" -> createProvider(m);
            case "invalidateProvider" -> requireProvider(type).invalidate();
            case "setPushDelegate" -> env.pushRegistry().setDelegate(this);
            case "reportIncoming" -> reportIncoming(m);
            case "reportEnded" -> requireProvider(type).reportCallEnded(Messages.uuid(m, "call"), Instant.now(),
                    reason(m));
            case "reportOutgoing" -> reportOutgoing(m);
            case "requestTransaction" -> requestTransaction(m);
            case "fulfill", "fail" -> complete(m, type.equals("fulfill"));
            case "audioSession" -> audioSession(m);
            case "sdk" -> sdk(m);
            case "sdkReport" -> env.sdkReport(Messages.text(m, "op"), optUuid(m), Messages.attributes(m.get("attributes")));
            case "log" -> env.log(Messages.text(m, "event"), optUuid(m), Messages.attributes(m.get("attributes")));
            case "pushCompletion" -> pushCompletion(m);
            case "idle" -> idle(Messages.number(m, "seen"));
            case "busy" -> busy(Messages.number(m, "seen"));
            case "pushHandled" -> throw new ProtocolException("pushHandled without a voipPush being handled");
            case "launchHandled" -> throw new ProtocolException("launchHandled without a launch being handled");
            case "hello" -> throw new ProtocolException("a second hello");
            default -> throw new ProtocolException("unknown message type \"" + type + "\"");
        }
    }

    private void createProvider(ObjectNode m) throws ProtocolException {
        JsonNode c = m.get("configuration");
        if (c == null || !c.isObject()) {
            throw new ProtocolException("createProvider needs a \"configuration\" object");
        }
        EnumSet<HandleType> types = EnumSet.noneOf(HandleType.class);
        for (JsonNode t : c.path("supportedHandleTypes")) {
            try {
                types.add(HandleType.fromWireName(t.asText()));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("createProvider: " + e.getMessage());
            }
        }
        ProviderConfiguration config;
        try {
            config = ProviderConfiguration.builder(c.path("localizedName").asText("App"))
                    .maximumCallGroups(c.path("maximumCallGroups").asInt(2))
                    .maximumCallsPerCallGroup(c.path("maximumCallsPerCallGroup").asInt(5))
                    .supportedHandleTypes(types)
                    .includesCallsInRecents(c.path("includesCallsInRecents").asBoolean(true))
                    .supportsVideo(c.path("supportsVideo").asBoolean(false))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("createProvider: " + e.getMessage());
        }
        provider = env.createProvider(config);
        provider.setDelegate(this);
    }

    private CallProvider requireProvider(String type) throws ProtocolException {
        if (provider == null) {
            throw new ProtocolException(type + " before createProvider");
        }
        return provider;
    }

    private void reportIncoming(ObjectNode m) throws ProtocolException {
        long id = Messages.number(m, "id");
        UUID call = Messages.uuid(m, "call");
        Handle handle = Messages.handle(m.get("handle"), "reportIncoming");
        CallUpdate update = CallUpdate.builder().remoteHandle(handle)
                .localizedCallerName(Messages.optText(m, "callerName"))
                .supportsHolding(m.path("supportsHolding").asBoolean(true)).build();
        requireProvider("reportIncoming").reportNewIncomingCall(call, update, error -> {
            ObjectNode reply = Messages.message("reportCompletion").put("re", id);
            error.ifPresent(e -> reply.put("error", e.wireName()).put("code", e.code()));
            send(reply);
        });
    }

    private CallEndedReason reason(ObjectNode m) throws ProtocolException {
        try {
            return CallEndedReason.fromWireName(Messages.text(m, "reason"));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("reportEnded: " + e.getMessage());
        }
    }

    private void reportOutgoing(ObjectNode m) throws ProtocolException {
        UUID call = Messages.uuid(m, "call");
        switch (Messages.text(m, "state")) {
            case "startedConnecting" -> requireProvider("reportOutgoing").reportOutgoingCallStartedConnecting(call);
            case "connected" -> requireProvider("reportOutgoing").reportOutgoingCallConnected(call);
            default -> throw new ProtocolException("reportOutgoing: state is startedConnecting or connected");
        }
    }

    private void requestTransaction(ObjectNode m) throws ProtocolException {
        long id = Messages.number(m, "id");
        List<ActionRequest> requests = new ArrayList<>();
        for (JsonNode a : m.path("actions")) {
            requests.add(Messages.action(a));
        }
        env.callController().request(requests, error -> {
            ObjectNode reply = Messages.message("transactionCompletion").put("re", id);
            error.ifPresent(e -> reply.put("error", e.wireName()).put("code", e.code()));
            send(reply);
        });
    }

    private void complete(ObjectNode m, boolean fulfil) throws ProtocolException {
        long id = Messages.number(m, "actionId");
        CallAction action = actions.get(id);
        if (action == null) {
            throw new ProtocolException((fulfil ? "fulfill" : "fail") + " for actionId " + id + ", which the harness never sent");
        }
        if (fulfil) {
            action.fulfill();
        } else {
            action.fail();
        }
    }

    private void audioSession(ObjectNode m) throws ProtocolException {
        switch (Messages.text(m, "op")) {
            case "setCategory" -> env.audioSession().setCategory(Messages.optText(m, "category"), Messages.optText(m, "mode"));
            case "setActive" -> {
                long id = Messages.number(m, "id");
                var error = env.audioSession().setActive(m.path("active").asBoolean(true));
                ObjectNode reply = Messages.message("audioResult").put("re", id);
                error.ifPresent(e -> reply.put("error", String.valueOf(e.code())));
                send(reply);
            }
            default -> throw new ProtocolException("audioSession: op is setCategory or setActive");
        }
    }

    private void sdk(ObjectNode m) throws ProtocolException {
        long id = Messages.number(m, "id");
        String op = Messages.text(m, "op");
        boolean ok = switch (op) {
            case "prepareSDK" -> sdk.prepareSDK(Messages.uuid(m, "call"));
            case "unprepareSDK" -> { sdk.unprepareSDK(); yield true; }
            case "configAudio" -> sdk.configAudio();
            case "startAudio" -> sdk.startAudio();
            case "stopAudio" -> { sdk.stopAudio(); yield true; }
            case "releaseAudio" -> { sdk.releaseAudio(); yield true; }
            default -> throw new ProtocolException("sdk: unknown op \"" + op
                    + "\"; use prepareSDK, unprepareSDK, configAudio, startAudio, stopAudio or releaseAudio");
        };
        send(Messages.message("sdkResult").put("re", id).put("ok", ok));
    }

    private void pushCompletion(ObjectNode m) throws ProtocolException {
        String apnsId = Messages.text(m, "apnsId");
        java.util.ArrayDeque<Runnable> pending = pushCompletions.get(apnsId);
        Runnable completion = pending == null ? null : pending.pollFirst();
        if (pending != null && pending.isEmpty()) {
            pushCompletions.remove(apnsId);
        }
        if (completion == null) {
            throw new ProtocolException("pushCompletion for an apnsId the harness never delivered (or completed twice)");
        }
        completion.run();
    }

    private UUID optUuid(ObjectNode m) throws ProtocolException {
        return m.hasNonNull("call") ? Messages.uuid(m, "call") : null;
    }

    // ---- outbound: the system's callbacks ------------------------------------------------------------------

    @Override
    public void didUpdatePushCredentials(String deviceToken) {
        send(Messages.message("pushCredentials").put("token", deviceToken));
    }

    @Override
    public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
        long id = ids.incrementAndGet();
        pushCompletions.computeIfAbsent(push.apnsId(), k -> new java.util.ArrayDeque<>()).addLast(completion);
        ObjectNode msg = Messages.message("voipPush").put("id", id).put("apnsId", push.apnsId());
        try {
            msg.set("payload", Messages.JSON.readTree(push.payload()));
        } catch (IOException notJson) {
            msg.put("payload", push.payload());
        }
        send(msg);
        awaitAnswer("pushHandled", id, "the PushKit handler", "voipPush " + id);
    }

    private void perform(CallAction action, ObjectNode extra) {
        actions.put(action.id(), action);
        ObjectNode msg = Messages.message("perform").put("actionId", action.id()).put("action", action.type().wireName())
                .put("call", action.callUUID().toString());
        msg.setAll(extra);
        if (action.state() == CallAction.State.TIMED_OUT) {
            msg.put("timedOut", true); // the system gave up on it before the app's main queue got to it
        }
        sendAndAwaitSeen(msg, "provider(_:perform:)");
    }

    @Override
    public void performStartCallAction(CallAction action) {
        ObjectNode h = Messages.JSON.createObjectNode();
        action.handle().ifPresent(handle -> h.putObject("handle").put("type", handle.type().wireName()).put("value", handle.value()));
        perform(action, h);
    }

    @Override
    public void performAnswerCallAction(CallAction action) {
        perform(action, Messages.JSON.createObjectNode());
    }

    @Override
    public void performEndCallAction(CallAction action) {
        perform(action, Messages.JSON.createObjectNode());
    }

    @Override
    public void performSetHeldCallAction(CallAction action) {
        perform(action, Messages.JSON.createObjectNode().put("onHold", action.onHold()));
    }

    @Override
    public void performSetMutedCallAction(CallAction action) {
        perform(action, Messages.JSON.createObjectNode());
    }

    @Override
    public void timedOutPerformingAction(CallAction action) {
        sendAndAwaitSeen(Messages.message("actionTimedOut").put("actionId", action.id())
                .put("action", action.type().wireName()).put("call", action.callUUID().toString()),
                "provider(_:timedOutPerforming:)");
    }

    @Override
    public void didActivateAudioSession() {
        sendAndAwaitSeen(Messages.message("audioActivated"), "provider(_:didActivate:)");
    }

    @Override
    public void didDeactivateAudioSession() {
        sendAndAwaitSeen(Messages.message("audioDeactivated"), "provider(_:didDeactivate:)");
    }

    @Override
    public void providerDidReset() {
        sendAndAwaitSeen(Messages.message("providerReset"), "providerDidReset(_:)");
    }

    @Override
    public void onSignallingEvent(ServerEvent event) {
        ObjectNode msg = Messages.message("signalling");
        try {
            msg.set("event", Messages.JSON.readTree(event.toJson()));
        } catch (IOException e) {
            throw new IllegalStateException("ServerEvent.toJson produced invalid JSON", e);
        }
        send(msg);
    }

    @Override
    public void userStartsCall(UUID call, Handle handle) {
        ObjectNode msg = Messages.message("user").put("gesture", "startCall").put("call", call.toString());
        msg.putObject("handle").put("type", handle.type().wireName()).put("value", handle.value());
        send(msg);
    }

    @Override
    public void mainThreadHangs(Duration scaled) {
        hungUntilNanos = System.nanoTime() + scaled.toNanos();
        send(Messages.message("hang").put("ms", scaled.toMillis())); // counted like every message the IUT will see
    }

    @Override
    public void userResumesCall(UUID call) {
        send(Messages.message("user").put("gesture", "resumeCall").put("call", call.toString()));
    }

    @Override
    public void userHangsUp(UUID call) {
        send(Messages.message("user").put("gesture", "hangUp").put("call", call.toString()));
    }

    @Override
    public void callKitSettingChanged(boolean enabled) {
        // The settings screen waits for the app's handler: the invalidation's ended calls show before the next toggle.
        sendAndAwaitSeen(Messages.message("user").put("gesture", "callKitSetting").put("enabled", enabled),
                "the app's CallKit setting handler");
    }

    @Override
    public void continueUserActivity(Handle handle) {
        ObjectNode msg = Messages.message("user").put("gesture", "continueActivity");
        msg.putObject("handle").put("type", handle.type().wireName()).put("value", handle.value());
        send(msg);
    }

    @Override
    public void didEnterBackground() {
        send(Messages.message("lifecycle").put("state", "background"));
    }

    @Override
    public void willEnterForeground() {
        send(Messages.message("lifecycle").put("state", "foreground"));
    }

    @Override
    public void processKilled() {
        dead = true;
        synchronized (workLock) {
            workLock.notifyAll();
        }
        endWork();
        IutChannel c = channel;
        if (c != null) {
            c.send(Messages.message("bye").toString());
            c.close();
        }
    }

    // ---- failure ---------------------------------------------------------------------------------------------

    private void send(ObjectNode message) {
        IutChannel c = channel;
        if (c != null && !dead) {
            synchronized (workLock) {
                sent++; // counted before it is written, so an idle that answers it can never arrive first
                if (work == null) {
                    work = env.beginWork();
                }
            }
            c.send(message.toString());
        }
    }

    /**
     * A CallKit delegate method is synchronous: what the app does in it (SDK calls, a fulfil, a log line) happens before
     * the system's next callback. Sends {@code message}, then handles the IUT's messages on this (main) thread until
     * an {@code idle} or {@code busy} says it has handled it; a hang there is {@code iutHung}.
     */
    private void sendAndAwaitSeen(ObjectNode message, String where) {
        send(message);
        long target;
        synchronized (workLock) {
            target = sent;
        }
        long deadline = System.nanoTime() + bound.toNanos();
        while (!dead) {
            synchronized (workLock) {
                if (seenByIut >= target) {
                    return;
                }
            }
            Inbound in = poll(deadline);
            if (in == null) {
                env.report(Level.ERROR, "iutHung", null, "where", where, "waited", bound.toMillis() + "ms");
                die("iutHung", "no idle or busy covering " + message.path("type").asText() + " within " + bound.toMillis()
                        + " ms (the IUT hangs in " + where + "); last good message: " + lastGood);
                return;
            }
            handle(in);
        }
    }

    /** The IUT has handled {@code seen} of our messages but still has work in flight: a person may act, the device is busy. */
    private void busy(long seen) {
        synchronized (workLock) {
            seenByIut = Math.max(seenByIut, seen);
            workLock.notifyAll();
        }
    }

    /** The IUT has nothing left to do once it has seen {@code seen} of our messages: the device may settle. */
    private void idle(long seen) {
        synchronized (workLock) {
            seenByIut = Math.max(seenByIut, seen);
            if (seen >= sent) {
                endWork();
            }
            workLock.notifyAll();
        }
    }

    /** The IUT has told us it handled everything we sent so far (or it died); bounded. */
    @Override
    public boolean awaitCaughtUp(Duration within) {
        if (System.nanoTime() - hungUntilNanos < 0) {
            return true; // the app's main thread hangs (a fault the scenario injected): nobody waits for it
        }
        // First let the main queue run what it already holds (a completion the system just recorded is forwarded from
        // there), but only briefly: a person does not wait for a hung app before tapping.
        java.util.concurrent.CountDownLatch flushed = new java.util.concurrent.CountDownLatch(1);
        if (env != null && !dead) {
            env.runOnMain(flushed::countDown);
            try {
                flushed.await(PERSON_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (workLock) {
            while (!dead && seenByIut < sent) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    workLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void endWork() {
        Runnable w;
        synchronized (workLock) {
            w = work;
            work = null;
        }
        if (w != null) {
            w.run();
        }
    }

    private void exited() {
        IutChannel.Closed c = closed;
        String tail;
        synchronized (stderrTail) {
            tail = stderrTail.isEmpty() ? "" : "; stderr ends: " + String.join(" | ", stderrTail);
        }
        die("iutExited", "the implementation under test went away (" + (c == null ? "?" : c.why())
                + (c != null && c.exitCode() != null ? ", exit code " + c.exitCode() : "") + ") after its last good message: "
                + lastGood + tail);
    }

    private void die(String exception, String detail) {
        if (!dying.compareAndSet(false, true) || dead) {
            return;
        }
        dead = true;
        endWork();
        env.crash(exception, detail);
    }
}
