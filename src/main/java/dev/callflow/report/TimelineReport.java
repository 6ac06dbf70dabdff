package dev.callflow.report;

import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Timeline;

import java.nio.file.Path;
import java.util.Locale;

/** Writes each scenario's timeline in the seed's device-log format. */
public final class TimelineReport {
    private TimelineReport() { }

    /**
     * Writes {@code <reports>/timelines/<feature>/<line>-<scenario>.log} and returns the rendered log.
     */
    public static String write(Path reportsDir, String featureUri, String scenarioName, int line, Timeline timeline) {
        String log = LogFormat.standard().render(timeline);
        Path file = file(reportsDir, featureUri, scenarioName, line, ".log");
        AtomicFiles.writeString(file, log);
        return log;
    }

    /** {@code <reports>/timelines/<feature>/<line>-<scenario><extension>}: the timeline and what is drawn from it. */
    public static Path file(Path reportsDir, String featureUri, String scenarioName, int line, String extension) {
        return reportsDir.resolve("timelines").resolve(slug(featureName(featureUri)))
                .resolve(String.format(Locale.ROOT, "%04d-%s%s", line, slug(scenarioName), extension));
    }

    static String featureName(String uri) {
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        return name.endsWith(".feature") ? name.substring(0, name.length() - ".feature".length()) : name;
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return s.length() > 80 ? s.substring(0, 80) : s.isEmpty() ? "scenario" : s;
    }
}
