package dev.callflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.platform.LaunchReason;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.Timeline;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One {@link SimulatedDevice} running a {@link ScriptedApp}, with the waits tests need. System latencies are 1/100
 * of real time (activation ~6 ms, action timeout 300 ms); the ring timeout is long unless a test asks otherwise, so
 * a ringing call never ends behind a test's back.
 */
public final class DeviceFixture implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(3);
    private static final AtomicInteger DEVICES = new AtomicInteger();

    private final Timeline timeline = Timeline.start("DeviceTest", 1);
    private final SimulatedDevice device;
    private final ScriptedApp app;

    public DeviceFixture(ScriptedApp app) {
        this(app, timing(Duration.ofSeconds(5)), b -> { });
    }

    public DeviceFixture(ScriptedApp app, TimingProfile timing, Consumer<SimulatedDevice.Builder> customize) {
        this.app = app;
        String id = "dev-test-" + DEVICES.incrementAndGet();
        SimulatedDevice.Builder b = SimulatedDevice.builder()
                .deviceId(id)
                .timeline(timeline)
                .timing(timing)
                .app(() -> app)
                .signalling(new SignallingClient(HttpClient.newHttpClient(), "http://127.0.0.1:9", id));
        customize.accept(b);
        this.device = b.build();
    }

    /** The scaled test profile with the given ring timeout. */
    public static TimingProfile timing(Duration ringTimeout) {
        TimingProfile t = TimingProfile.scaled("test", 0.01, WAIT);
        return new TimingProfile(t.name(), t.scale(), t.activationDelay(), t.deactivationDelay(),
                t.pushReportDeadline(), ringTimeout, t.actionTimeout(), t.assertionTimeout());
    }

    public SimulatedDevice device() { return device; }

    public Timeline timeline() { return timeline; }

    public ScriptedApp app() { return app; }

    /** The name of the app's main-queue thread. */
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
        Optional<Event> e = timeline.awaitEvent(match, fromSeq, WAIT);
        assertThat(e).as("waited %s for %s; timeline:%n%s", WAIT, what, dump()).isPresent();
        return e.get();
    }

    /** Waits for the n-th (1-based) event with that name. */
    public Event awaitNth(String name, int n) {
        boolean ok = timeline.await(list -> list.stream().filter(e -> e.is(name)).count() >= n, WAIT);
        assertThat(ok).as("waited for %d x %s; timeline:%n%s", n, name, dump()).isTrue();
        return events(name, null).get(n - 1);
    }

    /** Waits until nothing is in flight: an event that has not come by then will not come on its own. */
    public void settle() {
        assertThat(device.awaitSettled(WAIT)).as("device settled; timeline:%n%s", dump()).isTrue();
    }

    public static <T> T get(CompletableFuture<T> f) {
        try {
            return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("completion block never ran within " + WAIT, e);
        }
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public static Predicate<Event> named(String name, UUID call) {
        return e -> e.is(name) && (call == null || call.equals(e.call()));
    }

    public List<Event> events(String name, UUID call) {
        return timeline.events().stream().filter(named(name, call)).toList();
    }

    public String dump() {
        StringBuilder b = new StringBuilder();
        for (Event e : timeline.events()) {
            b.append("  ").append(e.brief()).append(e.call() == null ? "" : " call=" + e.call()).append('\n');
        }
        return b.toString();
    }

    // ---- common set-ups ------------------------------------------------------------------------------------

    /** Reports an incoming call that the system accepts; returns once its completion ran. */
    public UUID ringingCall() {
        UUID call = UUID.randomUUID();
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
