package dev.callflow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Allure HTML report of a run, offline and in one file: {@code reports/allure-report/index.html}, generated from
 * {@code reports/allure-results} by allure-commandline (unpacked by the build into {@code target/allure-home}) as a
 * child process, with analytics off. It needs Java only.
 */
public final class AllureHtml {
    public static final String DIR = "allure-report";
    public static final String VERSION = "2.34.1";
    /** The generator takes about 10 s on two cores; beyond this it is stuck. */
    public static final Duration BOUND = Duration.ofMinutes(3);

    /** What happened: the report's file and the time it took, or why there is none. */
    public record Outcome(Optional<Path> index, long millis, String message) { }

    private AllureHtml() { }

    /** {@code <home>/target/allure-home/allure-2.34.1/bin/allure}, if the build unpacked it. */
    public static Optional<Path> commandline(Path home) {
        Path bin = home.resolve(Path.of("target", "allure-home", "allure-" + VERSION, "bin", "allure"));
        return Files.isRegularFile(bin) ? Optional.of(bin) : Optional.empty();
    }

    /** Generates {@code <reports>/allure-report/index.html} from {@code <reports>/allure-results}. */
    public static Outcome generate(Path home, Path reportsDir) {
        Optional<Path> allure = commandline(home);
        if (allure.isEmpty()) {
            return new Outcome(Optional.empty(), 0, "no Allure HTML report: allure-commandline " + VERSION + " is not "
                    + "unpacked under " + home.resolve("target/allure-home") + " (mvn package unpacks it)");
        }
        Path results = reportsDir.resolve("allure-results");
        Path out = reportsDir.resolve(DIR);
        Path log = reportsDir.resolve(DIR + ".log");
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", allure.get().toString(), "generate", "--single-file", "--clean",
                "-o", out.toString(), results.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // Exactly "true": the generator parses it as a boolean, and without it the report loads Google's tag manager.
        pb.environment().put("ALLURE_NO_ANALYTICS", "true");
        try {
            Process p = pb.start();
            if (!p.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Outcome(Optional.empty(), elapsed(t0), "no Allure HTML report: the generator did not finish "
                        + "within " + BOUND.toSeconds() + " s (its output: " + log + ")");
            }
            long millis = elapsed(t0);
            Path index = out.resolve("index.html");
            if (p.exitValue() != 0 || !Files.isRegularFile(index)) {
                return new Outcome(Optional.empty(), millis, "no Allure HTML report: the generator exited with "
                        + p.exitValue() + ": " + tail(log));
            }
            Files.deleteIfExists(log);
            return new Outcome(Optional.of(index), millis, String.format(Locale.ROOT,
                    "Allure HTML report: %s (one file, offline) generated in %.1f s", index, millis / 1000.0));
        } catch (IOException e) {
            return new Outcome(Optional.empty(), elapsed(t0), "no Allure HTML report: could not run " + allure.get()
                    + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Optional.empty(), elapsed(t0), "no Allure HTML report: interrupted");
        }
    }

    private static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
