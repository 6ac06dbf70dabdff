package dev.callflow.harness;

import dev.callflow.device.TimingProfile;
import dev.callflow.rules.Policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a run is configured: from system properties, which the CLI and Maven both set
 * ({@code -Dcallflow.iut=mutant:start-audio-in-answer}). Read once per scenario, never cached in a static.
 *
 * @param home       the project directory holding {@code features/} and {@code fixtures/}
 * @param reportsDir where timelines and the run summary go
 * @param iut        which implementation under test: {@code reference} or {@code mutant:<name>}
 * @param timing     the system's latencies and timeouts (virtual time) and how far waits look ahead
 * @param policy     how rules read the points where the seed and Apple disagree (per scenario it may change)
 * @param hangGuard  the one real-time bound on an external implementation: its hello, and each of its handlers
 * @param iutTraffic where to record every line exchanged with an external implementation (one file per session),
 *                   or {@code null} for nowhere
 * @param seed       orders what happens at the same virtual instant (0: in the order it was caused) and draws the
 *                   scenario's ids (device, calls, APNs ids, the app's UUIDs)
 */
public record HarnessSettings(Path home, Path reportsDir, String iut, TimingProfile timing, Policy policy,
                              Duration hangGuard, Path iutTraffic, long seed) {

    public static final String HOME = "callflow.home";
    public static final String REPORTS = "callflow.reports.dir";
    public static final String IUT = "callflow.iut";
    public static final String PROFILE = "callflow.profile";
    public static final String POLICY = "callflow.policy";
    /** Milliseconds; see docs/iut-protocol.md section 11. */
    public static final String HANG_GUARD = "callflow.hangGuard";
    public static final String IUT_TRAFFIC = "callflow.iut.traffic";
    /** A whole number; see {@link #seed()}. */
    public static final String SEED = "callflow.seed";
    public static final Duration DEFAULT_HANG_GUARD = Duration.ofSeconds(10);

    public HarnessSettings {
        if (hangGuard == null || hangGuard.isNegative() || hangGuard.isZero()) {
            throw new IllegalArgumentException("The hang guard must be a positive duration, got " + hangGuard);
        }
    }

    public HarnessSettings(Path home, Path reportsDir, String iut, TimingProfile timing, Policy policy) {
        this(home, reportsDir, iut, timing, policy, DEFAULT_HANG_GUARD, null, 0);
    }

    public static HarnessSettings fromSystemProperties() {
        Path home = Path.of(System.getProperty(HOME, ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("fixtures"))) {
            throw new IllegalStateException("No fixtures/ under " + home + ": run from the project directory or set -D"
                    + HOME + "=<project dir>");
        }
        Path reports = Path.of(System.getProperty(REPORTS, home.resolve("reports").toString()));
        String traffic = System.getProperty(IUT_TRAFFIC);
        return new HarnessSettings(home, reports, System.getProperty(IUT, "reference"),
                TimingProfile.named(System.getProperty(PROFILE, "realistic")), Policy.named(System.getProperty(POLICY, "default")),
                hangGuard(System.getProperty(HANG_GUARD)), traffic == null || traffic.isBlank() ? null : Path.of(traffic),
                seed(System.getProperty(SEED)));
    }

    /** Parses a seed ({@code null}: 0), naming the setting when it is wrong. */
    public static long seed(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The seed (--seed, -D" + SEED + ") is a whole number, e.g. 0 or 42; got '"
                    + text + "'");
        }
    }

    /** How long a wait tolerates no progress at all in real time: the hang guard of an external app's handler, and more. */
    public Duration realTimeGuard() {
        return hangGuard.multipliedBy(2).plusSeconds(5);
    }

    /** Parses a hang guard in milliseconds ({@code null}: the default), naming the setting when it is wrong. */
    public static Duration hangGuard(String millis) {
        if (millis == null || millis.isBlank()) {
            return DEFAULT_HANG_GUARD;
        }
        try {
            long ms = Long.parseLong(millis.trim());
            if (ms > 0 && ms <= Duration.ofHours(1).toMillis()) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("The hang guard (--hang-guard, -D" + HANG_GUARD + ") is a number of "
                + "milliseconds from 1 to 3600000, e.g. 10000; got '" + millis + "'");
    }

    public Path fixtures() {
        return home.resolve("fixtures");
    }
}
