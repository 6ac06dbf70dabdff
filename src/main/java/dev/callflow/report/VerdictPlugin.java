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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells conformance failures from harness faults, so the CLI can exit 1 or 3: a scenario that failed with an
 * {@link AssertionError} found the implementation wrong; any other exception means the harness or its input is.
 * Writes {@code verdict.properties} to the directory given as the plugin argument.
 */
public final class VerdictPlugin implements ConcurrentEventListener {
    private final Path dir;
    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger conformance = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger undefined = new AtomicInteger();

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
    }

    private void write() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("verdict.properties"),
                    "passed=" + passed + "\nconformanceFailures=" + conformance + "\nharnessFaults=" + faults
                            + "\nundefinedSteps=" + undefined + "\n", StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
