package dev.callflow.harness;

import dev.callflow.device.TimingProfile;
import dev.callflow.rules.Policy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a run is configured: from system properties, which the CLI and Maven both set
 * ({@code -Dcallflow.iut=mutant:start-audio-in-answer}). Read once per scenario, never cached in a static.
 *
 * @param home       the project directory holding {@code features/} and {@code fixtures/}
 * @param reportsDir where timelines and the run summary go
 * @param iut        which implementation under test: {@code reference} or {@code mutant:<name>}
 * @param timing     the timing profile that scales the system's timeouts
 * @param policy     how rules read the points where the seed and Apple disagree (per scenario it may change)
 */
public record HarnessSettings(Path home, Path reportsDir, String iut, TimingProfile timing, Policy policy) {

    public static final String HOME = "callflow.home";
    public static final String REPORTS = "callflow.reports.dir";
    public static final String IUT = "callflow.iut";
    public static final String PROFILE = "callflow.profile";
    public static final String POLICY = "callflow.policy";

    public static HarnessSettings fromSystemProperties() {
        Path home = Path.of(System.getProperty(HOME, ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("fixtures"))) {
            throw new IllegalStateException("No fixtures/ under " + home + ": run from the project directory or set -D"
                    + HOME + "=<project dir>");
        }
        Path reports = Path.of(System.getProperty(REPORTS, home.resolve("reports").toString()));
        return new HarnessSettings(home, reports, System.getProperty(IUT, "reference"),
                TimingProfile.named(System.getProperty(PROFILE, "fast")), Policy.named(System.getProperty(POLICY, "default")));
    }

    public Path fixtures() {
        return home.resolve("fixtures");
    }
}
