package dev.callflow.device;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The system's latencies and timeouts. Real values come from CALLKIT-RULES.md section 1I; the {@code fast} profile
 * scales them down so that scenarios never wait real seconds for nothing, and keeps their proportions.
 * Immutable: each scenario holds its own.
 */
public record TimingProfile(String name, double scale, Duration activationDelay, Duration deactivationDelay,
                            Duration pushReportDeadline, Duration ringTimeout, Duration actionTimeout,
                            Duration assertionTimeout) {

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

    public TimingProfile {
        Objects.requireNonNull(name, "name");
        if (scale <= 0 || scale > 1) {
            throw new IllegalArgumentException("scale must be in (0, 1], got " + scale);
        }
    }

    /** Every system latency and timeout multiplied by {@code scale}; {@code assertionTimeout} bounds every wait. */
    public static TimingProfile scaled(String name, double scale, Duration assertionTimeout) {
        return new TimingProfile(name, scale, times(REAL_ACTIVATION, scale), times(REAL_DEACTIVATION, scale),
                times(REAL_PUSH_REPORT_DEADLINE, scale), times(REAL_RING_TIMEOUT, scale),
                times(REAL_ACTION_TIMEOUT, scale), assertionTimeout);
    }

    /** For CI: 1/20 of real time (7 s → 350 ms, 60 s → 3 s), waits bounded at 5 s. */
    public static TimingProfile fast() {
        return scaled("fast", 0.05, Duration.ofSeconds(5));
    }

    /** The latencies observed on devices; waits bounded at 90 s. */
    public static TimingProfile realistic() {
        return scaled("realistic", 1.0, Duration.ofSeconds(90));
    }

    public static TimingProfile named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "fast" -> fast();
            case "realistic" -> realistic();
            default -> throw new IllegalArgumentException("Unknown timing profile '" + name + "'; use one of "
                    + Arrays.asList("fast", "realistic"));
        };
    }

    /** The launch watchdog as this profile runs it (fast: 1 s). */
    public Duration launchWatchdog() {
        return scale(REAL_LAUNCH_WATCHDOG);
    }

    /** A real-world duration as this profile runs it. */
    public Duration scale(Duration real) {
        return times(real, scale);
    }

    private static Duration times(Duration d, double f) {
        return Duration.ofNanos(Math.max(1, Math.round(d.toNanos() * f)));
    }

    public String describe() {
        return String.format(Locale.ROOT,
                "%s (x%s: activation %d ms, deactivation %d ms, push report deadline %d ms, ring timeout %d ms, action timeout %d ms)",
                name, scale, activationDelay.toMillis(), deactivationDelay.toMillis(), pushReportDeadline.toMillis(),
                ringTimeout.toMillis(), actionTimeout.toMillis());
    }
}
