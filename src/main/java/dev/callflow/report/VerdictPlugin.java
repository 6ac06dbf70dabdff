package dev.callflow.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Tells conformance failures from harness faults, so the CLI can exit 1 or 3: a scenario that failed with an
 * {@link AssertionError} found the implementation wrong; any other exception means the harness or its input is.
 * Writes {@code verdict.properties} to the directory given as the plugin argument, and {@code failures.txt}: the head of
 * each failed scenario's error, so that the end of a CI log says why, not only which, and under which seed
 * ({@code callflow.seed}: {@code ./callflow run --seed N} repeats it).
 */
public final class VerdictPlugin implements ConcurrentEventListener {
    private final Path dir;
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger conformance = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger undefined = new AtomicInteger();
    /** Keyed by feature file and line, so the digest reads in suite order whatever thread finished first. */
    private final Map<String, String> failures = new ConcurrentSkipListMap<>();
    /** The run's seed, as the CLI and Maven set it (HarnessSettings.SEED); a wrong one fails the run before this. */
    private final long seed = Long.getLong("callflow.seed", 0L);

    public VerdictPlugin(String dir) {
        this.dir = Path.of(dir);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, e -> write());
    }

    private void finished(TestCaseFinished e) {
        Status s = e.getResult().getStatus();
        Throwable error = e.getResult().getError();
        if (s == Status.PASSED) {
            passed.incrementAndGet();
        } else if (s == Status.UNDEFINED || s == Status.AMBIGUOUS) {
            undefined.incrementAndGet();
        } else if (s == Status.FAILED && error instanceof AssertionError) {
            conformance.incrementAndGet();
        } else if (s == Status.FAILED) {
            faults.incrementAndGet();
        }
        if (s == Status.FAILED) {
            String where = e.getTestCase().getUri() + ":" + String.format(Locale.ROOT, "%06d", e.getTestCase().getLocation().getLine());
            failures.put(where, digest(e.getTestCase().getName(), e.getTestCase().getUri().toString(),
                    e.getTestCase().getLocation().getLine(), error, seed));
        }
    }

    static String digest(String name, String uri, int line, Throwable error, long seed) {
        String file = uri.substring(uri.lastIndexOf('/') + 1);
        String kind = error instanceof AssertionError ? "conformance failure" : "harness fault";
        String text = error == null ? "(no error recorded)" : error instanceof AssertionError
                ? String.valueOf(error.getMessage()) : error.toString();
        String head = Arrays.stream(text.split("\\R")).limit(MAX_LINES).map(l -> "    " + l)
                .collect(Collectors.joining("\n"));
        int more = (int) text.lines().count() - MAX_LINES;
        return String.format(Locale.ROOT, "%s (%s:%d), %s (seed %d):%n%s%s%n", name, file, line, kind, seed, head,
                more > 0 ? "\n    … " + more + " more line(s) in cucumber.html and junit/cucumber.xml" : "");
    }

    private static final int MAX_LINES = 30;

    private void write() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("verdict.properties"),
                    "passed=" + passed + "\nconformanceFailures=" + conformance + "\nharnessFaults=" + faults
                            + "\nundefinedSteps=" + undefined + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("failures.txt"), String.join("\n", failures.values()), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
