package dev.callflow.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Cucumber plugin for in-process runs: collects every finished scenario (name, line, status, the failure's class
 * and message) and writes them as JSON to the file given as the plugin argument when the run finishes. Cucumber
 * instantiates it by class name, so the results travel back to the test through that file.
 */
public final class ScenarioOutcomePlugin implements ConcurrentEventListener {

    /** One finished scenario. {@code errorClass} and {@code message} are empty when it passed. */
    public record Outcome(String uri, int line, String name, List<String> tags, String status, String errorClass,
                          String message) {

        public boolean failed() {
            return "FAILED".equals(status);
        }

        /** A scenario that failed with an AssertionError found the implementation wrong, not the harness. */
        public boolean conformanceFailure() {
            return failed() && errorClass.endsWith("AssertionError");
        }
    }

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path out;
    private final List<Outcome> outcomes = new ArrayList<>();

    public ScenarioOutcomePlugin(String out) {
        this.out = Path.of(out);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, e -> write());
    }

    private synchronized void finished(TestCaseFinished e) {
        Result r = e.getResult();
        Throwable error = r.getError();
        outcomes.add(new Outcome(e.getTestCase().getUri().toString(), e.getTestCase().getLocation().getLine(),
                e.getTestCase().getName(), List.copyOf(e.getTestCase().getTags()), r.getStatus().name(),
                error == null ? "" : error.getClass().getName(),
                error == null ? "" : String.valueOf(error.getMessage())));
    }

    private synchronized void write() {
        outcomes.sort(Comparator.comparing(Outcome::uri).thenComparingInt(Outcome::line));
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            JSON.writeValue(out.toFile(), outcomes);
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the scenario outcomes to " + out, ex);
        }
    }

    public static List<Outcome> read(Path file) throws IOException {
        return List.of(JSON.readValue(file.toFile(), Outcome[].class));
    }
}
