package dev.callflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.platform.LaunchReason;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Timeline;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One {@link SimulatedDevice} running a {@link ScriptedApp} on a {@link VirtualClock}, with the waits tests need. The
 * system's latencies are the real iOS ones and cost nothing: the phone runs, and its clock moves, only while a test
 * waits, and a wait stops the moment its condition holds. The test thread holds the clock otherwise, so what it does
 * between waits happens at one virtual instant, after everything due then. The ring timeout is an hour unless a test
 * asks otherwise, so a ringing call never ends behind a test's back.
 */
public final class DeviceFixture implements AutoCloseable {
    /** How far ahead in virtual time a wait looks: past every system timeout. */
    public static final Duration WAIT = Duration.ofSeconds(120);
    private static final AtomicInteger DEVICES = new AtomicInteger();

    private final VirtualClock clock;
    private final Timeline timeline;
    private final SimulatedDevice device;
    private final ScriptedApp app;

    public DeviceFixture(ScriptedApp app) {
        this(app, timing(Duration.ofHours(1)), b -> { });
    }

    public DeviceFixture(ScriptedApp app, TimingProfile timing, Consumer<SimulatedDevice.Builder> customize) {
        this.app = app;
        String id = "dev-test-" + DEVICES.incrementAndGet();
        this.clock = new VirtualClock(id, 0, Duration.ofSeconds(10));
        this.timeline = clock.newTimeline("DeviceTest", 1);
        SimulatedDevice.Builder b = SimulatedDevice.builder()
                .deviceId(id)
                .timeline(timeline)
                .timing(timing)
                .clock(clock)
                .app(() -> app)
                .signalling(new SignallingClient(HttpClient.newHttpClient(), "http://127.0.0.1:9", id));
        customize.accept(b);
        this.device = b.build();
    }

    /** The real iOS timing with the given ring timeout. */
    public static TimingProfile timing(Duration ringTimeout) {
        return TimingProfile.realistic().withRingTimeout(ringTimeout);
    }

    public SimulatedDevice device() { return device; }

    public Timeline timeline() { return timeline; }

    public VirtualClock clock() { return clock; }

    public ScriptedApp app() { return app; }

    /** The name of the thread that runs the phone: the app's main queue and the system's work, one task at a time. */
    public String mainThreadName() { return "main-" + device.deviceId(); }

    /** The user opens the app; returns once didFinishLaunching ran. */
    public DeviceFixture launch() {
        long from = timeline.size() + 1L;
        device.launchApp(LaunchReason.USER);
        await(e -> e.is("scriptedAppLaunched"), from, "the app to finish launching");
        return this;
    }

    // ---- waiting -------------------------------------------------------------------------------------------

    public Event await(String name, UUID call) {
        return await(named(name, call), 1, name + (call == null ? "" : " for " + call));
    }

    public Event awaitAfter(Event after, String name, UUID call) {
        return await(named(name, call), after.seq() + 1, name + " after #" + after.seq());
    }

    public Event await(Predicate<Event> match, long fromSeq, String what) {
        Optional<Event> e = device.awaitEvent(match, fromSeq, WAIT);
        assertThat(e).as("waited %s of virtual time for %s; %s; timeline:%n%s", WAIT, what, clock.describe(), dump()).isPresent();
        return e.get();
    }

    /** Waits for the n-th (1-based) event with that name. */
    public Event awaitNth(String name, int n) {
        VirtualClock.Outcome o = device.runUntil(list -> list.stream().filter(e -> e.is(name)).count() >= n, WAIT, false);
        assertThat(o).as("waited for %d x %s; timeline:%n%s", n, name, dump()).isEqualTo(VirtualClock.Outcome.MATCHED);
        return events(name, null).get(n - 1);
    }

    /**
     * Lets the phone run for {@code duration} of virtual time (or until the condition holds): whether it held.
     * For "this never happens within …" checks, which cost no real time.
     */
    public boolean within(Duration duration, Predicate<List<Event>> condition) {
        return device.runUntil(condition, duration, false) == VirtualClock.Outcome.MATCHED;
    }

    /** Waits until nothing is in flight: an event that has not come by then will not come on its own. */
    public void settle() {
        assertThat(device.settle(WAIT)).as("device settled; %s; timeline:%n%s", clock.describe(), dump()).isTrue();
    }

    /** Runs what is due now, with time frozen: e.g. the callbacks a gesture queued. */
    public void quiesce() {
        clock.quiesce();
    }

    /** Lets the phone run until the future (completed by a completion block on the main queue) is done. */
    public <T> T get(CompletableFuture<T> f) {
        VirtualClock.Outcome o = clock.runUntil(f::isDone, WAIT, false);
        assertThat(o).as("completion block never ran; %s; timeline:%n%s", clock.describe(), dump())
                .isEqualTo(VirtualClock.Outcome.MATCHED);
        return f.join();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public static Predicate<Event> named(String name, UUID call) {
        return e -> e.is(name) && (call == null || call.equals(e.call()));
    }

    public List<Event> events(String name, UUID call) {
        return timeline.events().stream().filter(named(name, call)).toList();
    }

    public String dump() {
        return LogFormat.standard().render(timeline);
    }

    // ---- common set-ups ------------------------------------------------------------------------------------

    /** Reports an incoming call that the system accepts; returns once its completion ran. */
    public UUID ringingCall() {
        UUID call = device.newUuid();
        assertThat(get(app.reportIncoming(call)).value()).isEmpty();
        return call;
    }

    /** A call the user answered on the system UI and for which the app got didActivateAudioSession. */
    public UUID activeCall() {
        UUID call = ringingCall();
        device.callUi().answer(call);
        await("didActivateAudioSession", call);
        return call;
    }

    @Override
    public void close() {
        device.close();
    }
}
