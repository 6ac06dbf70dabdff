package dev.callflow.device;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The system's latencies and timeouts, in virtual time on the scenario's {@link VirtualClock}: real iOS values cost
 * nothing, because the clock jumps over every wait. Values come from CALLKIT-RULES.md section 1I.
 * Immutable: each scenario holds its own.
 *
 * @param waitHorizon how far virtual time may run ahead while a scenario waits for something (a table, an event,
 *                    the phone settling) before the wait gives up
 */
public record TimingProfile(String name, Duration activationDelay, Duration deactivationDelay,
                            Duration pushReportDeadline, Duration ringTimeout, Duration actionTimeout,
                            Duration launchWatchdog, Duration coldLaunch, Duration waitHorizon) {

    /** Observed on real devices: answer → didActivate 565 ms, end → didDeactivate 713 ms (the seed's log). */
    public static final Duration REAL_ACTIVATION = Duration.ofMillis(565);
    public static final Duration REAL_DEACTIVATION = Duration.ofMillis(713);
    /** callservicesd's second PushKit check (R-PUSH-2). */
    public static final Duration REAL_PUSH_REPORT_DEADLINE = Duration.ofSeconds(7);
    /** iOS 16+ incoming ring limit (R-INC-5). */
    public static final Duration REAL_RING_TIMEOUT = Duration.ofSeconds(60);
    /** Undocumented; observed "tens of seconds" (R-TX-2). */
    public static final Duration REAL_ACTION_TIMEOUT = Duration.ofSeconds(30);
    /** How long a launch may block the main thread before the watchdog kills it with 0x8badf00d (about 20 s). */
    public static final Duration REAL_LAUNCH_WATCHDOG = Duration.ofSeconds(20);
    /**
     * From the system starting the app process to {@code didFinishLaunching}: Apple's launch-time target (400 ms to
     * the first frame, WWDC 2019 "Optimizing App Launch"). The app's own code takes no virtual time, so a push-wake's
     * cold-start figure is this plus whatever the app waits for (its server, its timers) before it reports the call.
     */
    public static final Duration REAL_COLD_LAUNCH = Duration.ofMillis(400);
    /** A scenario's waits look this far ahead in virtual time: longer than every system timeout. */
    public static final Duration WAIT_HORIZON = Duration.ofSeconds(90);

    public TimingProfile {
        Objects.requireNonNull(name, "name");
        for (Duration d : new Duration[] {activationDelay, deactivationDelay, pushReportDeadline, ringTimeout,
                actionTimeout, launchWatchdog, coldLaunch, waitHorizon}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("every duration of timing profile '" + name + "' must be >= 0, got " + d);
            }
        }
    }

    /** The latencies observed on devices: the only profile, since virtual time makes them free. */
    public static TimingProfile realistic() {
        return new TimingProfile("realistic", REAL_ACTIVATION, REAL_DEACTIVATION, REAL_PUSH_REPORT_DEADLINE,
                REAL_RING_TIMEOUT, REAL_ACTION_TIMEOUT, REAL_LAUNCH_WATCHDOG, REAL_COLD_LAUNCH, WAIT_HORIZON);
    }

    public static TimingProfile named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "realistic" -> realistic();
            case "fast" -> throw new IllegalArgumentException("The timing profile 'fast' is gone: time is virtual, so "
                    + "'realistic' (real iOS timing) costs nothing; use 'realistic' or leave --profile out");
            default -> throw new IllegalArgumentException("Unknown timing profile '" + name + "'; use 'realistic'");
        };
    }

    /** This profile with another ring timeout (a test that wants a call to ring for ever). */
    public TimingProfile withRingTimeout(Duration ringTimeout) {
        return new TimingProfile(name, activationDelay, deactivationDelay, pushReportDeadline, ringTimeout,
                actionTimeout, launchWatchdog, coldLaunch, waitHorizon);
    }

    public String describe() {
        return String.format(Locale.ROOT,
                "%s (virtual time: activation %d ms, deactivation %d ms, push report deadline %d ms, ring timeout %d ms, "
                        + "action timeout %d ms, launch watchdog %d ms, cold launch %d ms; waits look %d s ahead)",
                name, activationDelay.toMillis(), deactivationDelay.toMillis(), pushReportDeadline.toMillis(),
                ringTimeout.toMillis(), actionTimeout.toMillis(), launchWatchdog.toMillis(), coldLaunch.toMillis(),
                waitHorizon.toSeconds());
    }
}
