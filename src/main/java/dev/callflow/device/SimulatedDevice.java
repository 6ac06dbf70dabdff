package dev.callflow.device;

import dev.callflow.platform.ActionRequest;
import dev.callflow.platform.ActionType;
import dev.callflow.platform.AppFactory;
import dev.callflow.platform.AppSettings;
import dev.callflow.platform.CallApp;
import dev.callflow.platform.CallEndedReason;
import dev.callflow.platform.CallUpdate;
import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.IncomingCallError;
import dev.callflow.platform.LaunchReason;
import dev.callflow.platform.PlatformException;
import dev.callflow.platform.ProviderConfiguration;
import dev.callflow.platform.ProviderDelegate;
import dev.callflow.platform.VoipPush;
import dev.callflow.sdk.SimulatedMediaSdk;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;
import dev.callflow.timeline.Timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One simulated phone: CallKit, PushKit, the audio session, the system call UI, other calls and the app's process
 * lifecycle, all recording onto one {@link Timeline}. Faithful to CALLKIT-RULES.md for the modelled flows.
 * Everything the app sees arrives on its main queue; every latency and timeout is a task on the scenario's
 * {@link VirtualClock}, whose one simulation thread runs the system's work and the app's main queue one task at a
 * time. System state is guarded by one lock, and no app code ever runs while that lock is held.
 */
public final class SimulatedDevice implements AutoCloseable {

    final Object lock = new Object();
    final Map<UUID, SystemCall> calls = new LinkedHashMap<>();

    private final String deviceId;
    private final String bundleId;
    private final String deviceToken;
    private final Timeline timeline;
    private final TimingProfile timing;
    private final AppFactory appFactory;
    private final SignallingClient signalling;
    private volatile int pushBanThreshold;
    private volatile PushDeliveryPolicy pushDeliveryPolicy = PushDeliveryPolicy.immediate();
    private volatile AppSettings appSettings = AppSettings.defaults();
    private volatile boolean launchExceedsWatchdog;
    private boolean launchHung;
    volatile IncomingCallPolicy incomingCallPolicy;
    volatile ActivationPolicy activationPolicy;

    final VirtualClock clock;
    private final AtomicInteger generation = new AtomicInteger();
    /** The app's timers armed and neither fired nor cancelled. */
    final AtomicInteger appTimers = new AtomicInteger();

    final MainQueue main;
    final ActionEngine actions;
    private final SimulatedAudioSession audioSession;
    private final SimulatedPushRegistry pushRegistry;
    private final SimulatedCallController callController;
    private final SystemCallUi callUi;
    private final OtherCalls otherCalls;
    private final DeviceFaults faults;
    private final Map<String, String> appDefaults = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile AppState appState = AppState.NOT_RUNNING;
    private volatile CallApp app;
    private volatile SimulatedMediaSdk sdk;
    private volatile boolean locked;
    private final List<SimulatedCallProvider> providers = new ArrayList<>();
    private int pushFailures;

    private SimulatedDevice(Builder b) {
        this.deviceId = b.deviceId;
        this.bundleId = b.bundleId;
        this.deviceToken = tokenFor(b.deviceId);
        this.timeline = b.timeline;
        this.timing = b.timing;
        this.appFactory = b.appFactory;
        this.clock = b.clock != null ? b.clock : new VirtualClock(b.deviceId, 0, java.time.Duration.ofSeconds(30));
        this.clock.onFault(e -> record(EventKind.HARNESS_FAULT, Level.ERROR, null, "where", "system queue",
                "error", e.toString()));
        // An HTTP answer reaches the app through the clock, in the order its request left, never from a network thread.
        this.signalling = b.signalling.hasGate() ? b.signalling
                : b.signalling.withGate((requestId, method, path) -> clock.expect(java.time.Duration.ZERO, VirtualClock.Lane.NETWORK)::arrive);
        this.pushBanThreshold = b.pushBanThreshold;
        this.incomingCallPolicy = b.incomingCallPolicy;
        this.activationPolicy = b.activationPolicy;
        this.main = new MainQueue(clock, generation::get, this::appCrashed);
        this.actions = new ActionEngine(this);
        this.audioSession = new SimulatedAudioSession(this);
        this.pushRegistry = new SimulatedPushRegistry(this);
        this.callController = new SimulatedCallController(this);
        this.callUi = new SystemCallUi(this);
        this.otherCalls = new OtherCalls(this);
        this.faults = new DeviceFaults(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- what scenarios drive ------------------------------------------------------------------------------

    public String deviceId() { return deviceId; }

    public String bundleId() { return bundleId; }

    /** The 64-hex APNs device token PushKit hands this app. */
    public String deviceToken() { return deviceToken; }

    /** The APNs topic of this app's VoIP pushes (R-PUSH-7). */
    public String voipTopic() { return bundleId + ".voip"; }

    public Timeline timeline() { return timeline; }

    public TimingProfile timing() { return timing; }

    /** The scenario's clock: virtual time, and the one thread that runs the phone. */
    public VirtualClock clock() { return clock; }

    public AppState appState() { return appState; }

    public boolean isLocked() { return locked; }

    public SystemCallUi callUi() { return callUi; }

    public OtherCalls otherCalls() { return otherCalls; }

    public SimulatedAudioSession audioSession() { return audioSession; }

    public SimulatedPushRegistry pushKit() { return pushRegistry; }

    /** Faults of the system and of the app's process: hangs, a provider reset, a missing activation. */
    public DeviceFaults faults() { return faults; }

    /** Stores one of the app's settings ({@code UserDefaults}); set it before launch, the app reads it there. */
    public void appDefault(String key, String value) {
        appDefaults.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    Optional<String> appDefault(String key) { return Optional.ofNullable(appDefaults.get(key)); }

    /** A sorted copy of every stored app setting. */
    java.util.Map<String, String> appDefaults() { return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(appDefaults)); }

    private long uuids;

    /**
     * A fresh UUID for the app ({@code UUID()}): random-looking version 4, but drawn from the device id (itself drawn
     * from the run's seed) and a counter, so the same scenario gets the same UUIDs on every run.
     */
    synchronized UUID newUuid() {
        long n = ++uuids;
        long hi = VirtualClock.mix(deviceId.hashCode() * 0x9E3779B97F4A7C15L + n);
        long lo = VirtualClock.mix(hi + n);
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /** Which launch of the app process is current: work of an earlier process is dropped. */
    int generation() { return generation.get(); }

    public void incomingCallPolicy(IncomingCallPolicy policy) { this.incomingCallPolicy = Objects.requireNonNull(policy); }

    public void activationPolicy(ActivationPolicy policy) { this.activationPolicy = Objects.requireNonNull(policy); }

    /** How the network between APNs and the phone treats each accepted VoIP push (delay, drop, duplicate). */
    public void pushDeliveryPolicy(PushDeliveryPolicy policy) { this.pushDeliveryPolicy = Objects.requireNonNull(policy); }

    /** How accepted VoIP pushes reach the phone now. */
    public PushDeliveryPolicy pushDeliveryPolicy() { return pushDeliveryPolicy; }

    /** Settings the next launches of the app process get from the app factory (not the one running now). */
    public void appSettings(AppSettings settings) { this.appSettings = Objects.requireNonNull(settings); }

    public AppSettings appSettings() { return appSettings; }

    /** How many failed VoIP pushes before PushKit stops launching the app (R-PUSH-2). */
    public void pushBanThreshold(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("pushBanThreshold must be at least 1, got " + n);
        }
        this.pushBanThreshold = n;
    }

    /**
     * Fault: the app's launch blocks its main thread past the launch watchdog ({@link TimingProfile#launchWatchdog()}).
     * The next launch never reaches {@code didFinishLaunching}; the system kills the process with {@code 0x8badf00d},
     * and a VoIP push that launched it counts as a failed push (R-PUSH-2).
     */
    public void launchExceedsWatchdog(boolean exceeds) { this.launchExceedsWatchdog = exceeds; }

    /** Whether the app process is stuck in a launch that the watchdog will kill. */
    boolean launchHung() {
        synchronized (lock) {
            return launchHung;
        }
    }

    /** Launches the app process (no-op when it runs) and brings it to the foreground when the user opened it. */
    public void launchApp(LaunchReason reason) {
        CallApp launched;
        synchronized (lock) {
            if (appState != AppState.NOT_RUNNING) {
                return;
            }
            generation.incrementAndGet();
            launched = appFactory.newInstance(appSettings);
            app = launched;
            sdk = new SimulatedMediaSdk(timeline, audioSession);
            appState = reason == LaunchReason.USER ? AppState.FOREGROUND : AppState.BACKGROUND;
            launchHung = launchExceedsWatchdog;
        }
        record(EventKind.APP_LAUNCHED, null, "reason", reason.wireName(), "state", appState.label());
        if (launchExceedsWatchdog) {
            hangUntilWatchdog();
            return;
        }
        DeviceEnvironment env = new DeviceEnvironment(this, sdk);
        // The process starts: its main thread is busy launching until didFinishLaunching runs, and whatever the system
        // queues meanwhile (the push that woke it) waits behind that.
        main.busyFor(timing.coldLaunch(), () -> launched.didFinishLaunching(env, reason));
    }

    /** The launch never finishes: the watchdog kills the process once its time is up (in flight until then). */
    private void hangUntilWatchdog() {
        int hungGeneration = generation.get();
        clock.schedule(timing.launchWatchdog(), VirtualClock.Lane.SYSTEM, true, guarded(() -> {
            if (generation.get() == hungGeneration) {
                List<VoipPush> failed = pushRegistry.takeAwaitingLaunch();
                terminate("launchWatchdog", "0x8badf00d", "the app failed to finish launching within "
                        + timing.launchWatchdog().toMillis() + " ms (scene-create watchdog)");
                pushRegistry.launchKilled(failed);
            }
        }));
    }

    public void moveAppToBackground() {
        CallApp a = app;
        if (a == null || appState == AppState.BACKGROUND) {
            return;
        }
        appState = AppState.BACKGROUND;
        record(EventKind.APP_DID_ENTER_BACKGROUND, null);
        main.async(a::didEnterBackground);
    }

    public void bringAppToForeground() {
        CallApp a = app;
        if (a == null) {
            launchApp(LaunchReason.USER);
            return;
        }
        if (appState == AppState.FOREGROUND) {
            return;
        }
        appState = AppState.FOREGROUND;
        record(EventKind.APP_WILL_ENTER_FOREGROUND, null);
        main.async(a::willEnterForeground);
    }

    /** The user swipes the app away, or the system reclaims it while suspended. */
    public void killApp() {
        terminate("killed", null, "the app process was killed");
    }

    /**
     * The user force-quits the app: swipes it up in the app switcher. The process dies as with any kill, and since
     * iOS 13 a VoIP push still launches it again.
     */
    public void forceQuitApp() {
        if (appState == AppState.NOT_RUNNING) {
            throw new IllegalStateException("The app is not running on " + deviceId + ", so the user cannot force-quit it; "
                    + "launch it first ('the app is running in the foreground')");
        }
        terminate("userForceQuit", null, "the user swiped the app away in the app switcher");
    }

    /** Locking the phone sends a foreground app to the background, as on a device. */
    public void lockScreen() {
        locked = true;
        record(EventKind.DEVICE_LOCKED, null);
        if (appState == AppState.FOREGROUND) {
            moveAppToBackground();
        }
    }

    public void unlockScreen() {
        locked = false;
        record(EventKind.DEVICE_UNLOCKED, null);
    }

    /** The user does something in the app's own UI; the app must be running. */
    public void inApp(Consumer<CallApp> gesture) {
        CallApp a = app;
        if (a == null) {
            throw new IllegalStateException("The app is not running on " + deviceId + "; launch it before using its UI");
        }
        main.async(() -> gesture.accept(a));
    }

    /**
     * Runs {@code happening} once the next push for {@code call} has left APNs and before it reaches the phone (for a
     * late push, inside its delay), whatever the scenario thread is doing: a push that is 10 s late cannot overtake
     * the caller's cancel because the harness was slow to send it.
     */
    public void whilePushInFlight(UUID call, Runnable happening) {
        pushRegistry.whileInFlight(Objects.requireNonNull(call, "call"), Objects.requireNonNull(happening, "happening"));
    }

    /** Delivers a VoIP push that APNs accepted for this device's token. */
    public void deliverVoipPush(VoipPush push) {
        pushRegistry.deliver(push);
    }

    /**
     * A call the system still holds that the running app process never reported: an earlier launch of the app reported
     * it and never ended it, and the system kept it (R-END-3's ghost call). The app hears of it only through the
     * system's actions on it, e.g. a {@code CXEndCallAction} for a UUID it does not know, which it must still complete
     * (R-TX-6).
     */
    public void carryOverCall(UUID uuid, Handle handle) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(handle, "handle");
        synchronized (lock) {
            if (calls.containsKey(uuid) && calls.get(uuid).live()) {
                throw new IllegalStateException("call " + uuid + " is already live on " + deviceId);
            }
            calls.put(uuid, new SystemCall(uuid, false, handle, true, SystemCall.Phase.ACTIVE));
        }
        record(EventKind.CALL_CARRIED_OVER, uuid, "handle", handle.value(),
                "why", "reported by an earlier launch of the app and never ended");
    }

    /** Live calls of this app as the system sees them. */
    public List<UUID> liveCalls() {
        synchronized (lock) {
            return calls.values().stream().filter(SystemCall::live).map(c -> c.uuid).toList();
        }
    }

    /**
     * Forgets the calls that have ended, as if long ago: the system keeps a record of every call it had (~250 bytes
     * each), which a long run of back-to-back calls on one device (a soak) drops between calls to keep its memory flat.
     * Scenarios never call it. Returns how many were forgotten.
     */
    public int forgetEndedCalls() {
        synchronized (lock) {
            int before = calls.size();
            calls.values().removeIf(c -> !c.live());
            return before - calls.size();
        }
    }

    /**
     * Lets {@code duration} pass on the phone's clock, then records {@code timePassed}: the event a scenario awaits
     * instead of sleeping. In flight until then, so nobody sees the phone settled meanwhile.
     */
    public Event timePasses(java.time.Duration duration) {
        Event started = record(EventKind.TIME_PASSES, null, "duration", duration.toMillis() + "ms");
        clock.schedule(duration, VirtualClock.Lane.SYSTEM, true, () -> record(EventKind.TIME_PASSED, null,
                "duration", duration.toMillis() + "ms", "since", String.valueOf(started.seq())));
        return started;
    }

    /** Whether the phone has settled: nothing in flight (counted exactly, no quiet period). */
    public boolean settled() {
        return clock.settled();
    }

    /** The running app process's media SDK, if the app runs. */
    public Optional<SimulatedMediaSdk> mediaSdk() {
        return app == null ? Optional.empty() : Optional.ofNullable(sdk);
    }

    /** Call actions the system delivered (or queued) that the app has not completed yet, and that did not time out. */
    public int pendingActions() {
        return actions.pendingCount();
    }

    /** The app's timers ({@code runOnMainAfter}) armed and neither fired nor cancelled. */
    public int appTimersArmed() {
        return appTimers.get();
    }

    /**
     * Lets the phone run, and its clock move, until {@code condition} holds on the timeline, the phone settles (when
     * {@code stopWhenSettled}), or virtual time would pass {@code horizon} from now; then holds the phone again once
     * nothing is due now. See {@link VirtualClock#runUntil}.
     */
    public VirtualClock.Outcome runUntil(Predicate<List<Event>> condition, java.time.Duration horizon, boolean stopWhenSettled) {
        return clock.runUntil(() -> timeline.test(condition), horizon, stopWhenSettled);
    }

    /** The first event from {@code fromSeq} on that matches, letting the phone run up to {@code horizon}. */
    public Optional<Event> awaitEvent(Predicate<Event> match, long fromSeq, java.time.Duration horizon) {
        Event[] found = new Event[1];
        runUntil(events -> {
            found[0] = Timeline.firstFrom(events, fromSeq, match).orElse(null);
            return found[0] != null;
        }, horizon, false);
        return Optional.ofNullable(found[0]);
    }

    /**
     * {@link #awaitEvent(Predicate, long, java.time.Duration)}, waiting besides up to {@code realPatience} of real time
     * for work that comes with no place on the clock (an external app's stray line or exit, which only its reader
     * thread sees): for tests of such verdicts.
     */
    public Optional<Event> awaitEvent(Predicate<Event> match, java.time.Duration horizon, java.time.Duration realPatience) {
        long deadline = System.nanoTime() + realPatience.toNanos();
        while (true) {
            long seen = clock.posts();
            Optional<Event> found = awaitEvent(match, 1, horizon);
            long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0 || !clock.awaitPost(seen, java.time.Duration.ofNanos(left))) {
                return found;
            }
        }
    }

    /** Lets the phone run until nothing is in flight, up to {@code horizon}; whether it settled. */
    public boolean settle(java.time.Duration horizon) {
        VirtualClock.Outcome o = runUntil(events -> false, horizon, true);
        return o == VirtualClock.Outcome.SETTLED;
    }

    // ---- for the subsystems ------------------------------------------------------------------------------

    Event record(EventKind kind, UUID call, String... keyValues) {
        return timeline.record(kind, call, keyValues);
    }

    Event record(EventKind kind, Level level, UUID call, String... keyValues) {
        return timeline.record(kind, level, call, Timeline.attrs(keyValues));
    }

    /** An event the app names itself (its own log word, or its own SDK's operation): not a kind of the vocabulary. */
    Event recordAppNamed(Source source, Level level, String name, UUID call, String... keyValues) {
        return timeline.record(source, level, name, call, Timeline.attrs(keyValues));
    }

    /** The system's own work, {@code delay} from now; not in flight (a background timer) unless the caller counts it. */
    VirtualClock.Scheduled schedule(Runnable task, java.time.Duration delay) {
        return schedule(task, delay, VirtualClock.Wait.BACKGROUND);
    }

    /** Work counted in flight until it ran: the phone is not settled while it waits. */
    VirtualClock.Scheduled scheduleCounted(Runnable task, java.time.Duration delay) {
        return schedule(task, delay, VirtualClock.Wait.COUNTED);
    }

    /** The system's own work, {@code delay} from now; {@code wait} says how it bears on the phone's settling. */
    private VirtualClock.Scheduled schedule(Runnable task, java.time.Duration delay, VirtualClock.Wait wait) {
        return clock.schedule(delay, VirtualClock.Lane.SYSTEM, wait, guarded(task));
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                record(EventKind.HARNESS_FAULT, Level.ERROR, null, "where", "system queue", "error", e.toString());
            }
        };
    }

    /**
     * Runs {@code work} in the simulation: now when the caller may touch it (the simulation thread, or the scenario
     * holding the clock), else as soon as the simulation may (a real-time thread: an external app's reader).
     */
    void inSimulation(Runnable work) {
        if (clock.inSimulation()) {
            work.run();
        } else {
            clock.post(VirtualClock.Lane.HARNESS, guarded(work));
        }
    }

    Optional<CallApp> app() { return Optional.ofNullable(app); }

    Optional<SimulatedCallProvider> provider() {
        synchronized (lock) {
            for (int i = providers.size() - 1; i >= 0; i--) {
                if (!providers.get(i).invalidated()) {
                    return Optional.of(providers.get(i));
                }
            }
            return Optional.empty();
        }
    }

    Optional<ProviderDelegate> providerDelegate() {
        return provider().map(SimulatedCallProvider::delegate);
    }

    SimulatedCallProvider newProvider(ProviderConfiguration configuration) {
        SimulatedCallProvider p;
        int live;
        synchronized (lock) {
            p = new SimulatedCallProvider(this, providers.size() + 1, configuration);
            providers.add(p);
            live = (int) providers.stream().filter(x -> !x.invalidated()).count();
        }
        record(EventKind.PROVIDER_CREATED, null, "instance", String.valueOf(p.instance()),
                "liveProviders", String.valueOf(live),
                "maximumCallGroups", String.valueOf(configuration.maximumCallGroups()),
                "maximumCallsPerCallGroup", String.valueOf(configuration.maximumCallsPerCallGroup()),
                "supportedHandleTypes", configuration.supportedHandleTypes().stream().map(HandleType::wireName).sorted().toList().toString());
        return p;
    }

    SimulatedCallController callController() { return callController; }

    SignallingClient signalling() { return signalling; }

    /** Incoming-call report (CXProvider.reportNewIncomingCall), decided synchronously, completed on main. */
    void reportIncoming(SimulatedCallProvider provider, UUID uuid, CallUpdate update, Consumer<Optional<IncomingCallError>> completion) {
        Handle handle = update.remoteHandle().orElse(null);
        record(EventKind.REPORT_NEW_INCOMING_CALL, uuid,
                "handle", handle == null ? null : handle.value(),
                "handleType", handle == null ? null : handle.type().wireName(),
                "caller", update.localizedCallerName().orElse(null));
        pushRegistry.noteReport();
        IncomingCallError error;
        String options = null;
        synchronized (lock) {
            error = decideIncoming(provider, uuid, update);
            if (error == null) {
                options = secondCallOptions(provider, update);
                SystemCall call = new SystemCall(uuid, false, handle, update.supportsHolding(), SystemCall.Phase.RINGING);
                call.uiOptions = options;
                calls.put(uuid, call);
                // a person is awaited while it is pending: the app's long timers wait with it (VirtualClock.Wait)
                call.ringTimer = schedule(() -> ringTimedOut(uuid), timing.ringTimeout(), VirtualClock.Wait.PERSON);
            }
        }
        if (error == null) {
            record(EventKind.INCOMING_CALL_UI_SHOWN, uuid, "lockScreen", String.valueOf(locked), "options", options);
        }
        main.async(() -> {
            record(EventKind.REPORT_NEW_INCOMING_CALL_COMPLETION, uuid,
                    "error", error == null ? null : error.wireName(),
                    "code", error == null ? null : String.valueOf(error.code()));
            completion.accept(Optional.ofNullable(error));
        });
    }

    /**
     * R-MULTI-1: with a call of the app live, the UI offers End &amp; Accept and Decline, and Hold &amp; Accept only if
     * the configuration allows a second call group and both calls support holding. Caller holds the lock.
     */
    private String secondCallOptions(SimulatedCallProvider provider, CallUpdate update) {
        List<SystemCall> live = calls.values().stream().filter(SystemCall::live).toList();
        if (live.isEmpty()) {
            return "answer,decline";
        }
        boolean canHold = provider.configuration().maximumCallGroups() >= 2 && update.supportsHolding()
                && live.stream().allMatch(c -> c.supportsHolding);
        return canHold ? "endAndAccept,holdAndAccept,decline" : "endAndAccept,decline";
    }

    private IncomingCallError decideIncoming(SimulatedCallProvider provider, UUID uuid, CallUpdate update) {
        if (provider.invalidated()) {
            return IncomingCallError.UNKNOWN;
        }
        SystemCall existing = calls.get(uuid);
        if (existing != null && existing.live()) {
            return IncomingCallError.CALL_UUID_ALREADY_EXISTS;
        }
        Optional<IncomingCallError> denied = incomingCallPolicy.decide(uuid, update);
        if (denied.isPresent()) {
            return denied.get();
        }
        ProviderConfiguration cfg = provider.configuration();
        long live = calls.values().stream().filter(SystemCall::live).count();
        if (live >= (long) cfg.maximumCallGroups() * cfg.maximumCallsPerCallGroup()) {
            return IncomingCallError.UNKNOWN;
        }
        return null;
    }

    private void ringTimedOut(UUID uuid) {
        synchronized (lock) {
            SystemCall call = calls.get(uuid);
            if (call == null || call.phase != SystemCall.Phase.RINGING) {
                return;
            }
            call.ringTimer = null;
        }
        record(EventKind.RING_TIMEOUT, uuid, "after", timing.ringTimeout().toMillis() + "ms");
        actions.performSystem(new ActionRequest(ActionType.END, uuid, null, false), "ringTimeout");
    }

    /** reportCall(with:endedAt:reason:). */
    void reportEnded(UUID uuid, CallEndedReason reason) {
        boolean known;
        synchronized (lock) {
            SystemCall call = calls.get(uuid);
            known = call != null && call.live();
        }
        record(EventKind.REPORT_CALL_ENDED, uuid, "reason", reason.wireName(), "knownCall", String.valueOf(known));
        if (known) {
            endCall(uuid, "app reported " + reason.wireName());
        }
    }

    void reportOutgoing(UUID uuid, boolean connected) {
        synchronized (lock) {
            SystemCall call = calls.get(uuid);
            if (call != null && call.live()) {
                call.phase = connected ? SystemCall.Phase.ACTIVE : SystemCall.Phase.CONNECTING;
                if (connected) {
                    call.calleeDone();
                }
            }
        }
        record(connected ? EventKind.REPORT_OUTGOING_CALL_CONNECTED : EventKind.REPORT_OUTGOING_CALL_STARTED_CONNECTING, uuid);
    }

    /** The system ends a call: UI dismissed, and the session released when no call needs it any more. */
    void endCall(UUID uuid, String why) {
        boolean deactivate;
        synchronized (lock) {
            SystemCall call = calls.get(uuid);
            if (call == null || !call.live()) {
                return;
            }
            call.phase = SystemCall.Phase.ENDED;
            call.cancelRingTimer();
            call.calleeDone();
            deactivate = calls.values().stream().noneMatch(SystemCall::usesAudio);
        }
        actions.cancelPendingFor(uuid);
        record(EventKind.CALL_ENDED, uuid, "why", why);
        if (deactivate) {
            audioSession.systemDeactivate();
        }
    }

    Optional<SystemCall> call(UUID uuid) {
        synchronized (lock) {
            return Optional.ofNullable(calls.get(uuid));
        }
    }

    /** The app process dies: its queued work with it; its calls end; the session is released. */
    void terminate(String reason, String exception, String detail) {
        List<UUID> live;
        CallApp dying;
        synchronized (lock) {
            if (appState == AppState.NOT_RUNNING) {
                return;
            }
            appState = AppState.NOT_RUNNING;
            launchHung = false;
            generation.incrementAndGet();
            dying = app;
            app = null;
            providers.forEach(SimulatedCallProvider::markInvalidated);
            pushRegistry.appTerminated();
            audioSession.appTerminated();
            live = calls.values().stream().filter(SystemCall::live).map(c -> c.uuid).toList();
        }
        record(EventKind.APP_TERMINATED, Level.ERROR, null, "reason", reason, "exception", exception,
                "detail", detail);
        if (dying != null) {
            dying.processKilled();
        }
        live.forEach(uuid -> endCall(uuid, "app terminated"));
    }

    void appCrashed(Throwable t) {
        String name = t instanceof PlatformException pe ? pe.platformName() : t.getClass().getName();
        terminate("crash", name, String.valueOf(t.getMessage()));
    }

    /** A VoIP push went unreported; repeated failures stop PushKit launching the app (R-PUSH-2). */
    int notePushFailure() {
        synchronized (lock) {
            return ++pushFailures;
        }
    }

    boolean pushBanned() {
        synchronized (lock) {
            return pushFailures >= pushBanThreshold;
        }
    }

    @Override
    public void close() {
        CallApp running = app;
        if (running != null) {
            running.processKilled();
        }
        clock.close();
    }

    static String tokenFor(String deviceId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deviceId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static final class Builder {
        private String deviceId;
        private String bundleId = "com.example.callapp";
        private Timeline timeline;
        private TimingProfile timing = TimingProfile.realistic();
        private VirtualClock clock;
        private AppFactory appFactory;
        private SignallingClient signalling;
        private int pushBanThreshold = 3;
        private IncomingCallPolicy incomingCallPolicy = IncomingCallPolicy.allowAll();
        private ActivationPolicy activationPolicy = ActivationPolicy.always();

        public Builder deviceId(String id) { this.deviceId = id; return this; }

        public Builder bundleId(String id) { this.bundleId = id; return this; }

        public Builder timeline(Timeline t) { this.timeline = t; return this; }

        public Builder timing(TimingProfile t) { this.timing = t; return this; }

        /**
         * The scenario's clock (its timeline should come from {@link VirtualClock#newTimeline}); without one the device
         * makes its own, seed 0.
         */
        public Builder clock(VirtualClock c) { this.clock = c; return this; }

        public Builder app(AppFactory f) { this.appFactory = f; return this; }

        public Builder signalling(SignallingClient c) { this.signalling = c; return this; }

        /** How many unreported VoIP pushes before PushKit stops launching the app (undocumented; users guess 3 to 5). */
        public Builder pushBanThreshold(int n) { this.pushBanThreshold = n; return this; }

        public Builder incomingCallPolicy(IncomingCallPolicy p) { this.incomingCallPolicy = p; return this; }

        public Builder activationPolicy(ActivationPolicy p) { this.activationPolicy = p; return this; }

        public SimulatedDevice build() {
            List<String> missing = new ArrayList<>();
            if (deviceId == null || deviceId.isBlank()) missing.add("deviceId(...)");
            if (timeline == null) missing.add("timeline(...)");
            if (appFactory == null) missing.add("app(...) with the app under test");
            if (signalling == null) missing.add("signalling(...) with the app's signalling client");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Cannot build a SimulatedDevice: call " + String.join(", ", missing)
                        + " before build().");
            }
            if (bundleId == null || !bundleId.matches("[A-Za-z0-9.-]+")) {
                throw new IllegalStateException("bundleId must look like com.example.app, got '" + bundleId + "'");
            }
            if (pushBanThreshold < 1) {
                throw new IllegalStateException("pushBanThreshold must be at least 1, got " + pushBanThreshold);
            }
            return new SimulatedDevice(this);
        }
    }
}
