package dev.callflow.report;

import dev.callflow.harness.ScenarioOutcome;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The head of a failed scenario's error, so that the end of a CI log says why, not only which: its place, whether the
 * implementation (an assertion: conformance failure) or the harness (any other exception: harness fault) is wrong,
 * and the first lines of the message.
 */
public final class FailureDigest {
    static final int MAX_LINES = 30;

    private FailureDigest() { }

    /** {@code seed}: the run's seed, named so that {@code ./callflow run --seed N} repeats the failure. */
    public static String of(ScenarioOutcome o, long seed) {
        String digest = digest(o.name(), o.uri(), o.line(), o.errorClass(), o.stepMessage(), seed);
        return o.alsoFound().isEmpty() ? digest : digest + "\n" + head(o.alsoFound(), "") + "\n";
    }

    /** {@code errorClass}: the failure's class name ({@code java.lang.AssertionError}, …); empty when none was recorded. */
    public static String digest(String name, String uri, int line, String errorClass, String message, long seed) {
        String file = uri.substring(uri.lastIndexOf('/') + 1);
        boolean assertion = errorClass.endsWith("AssertionError");
        String kind = assertion ? "conformance failure" : "harness fault";
        String text = errorClass.isEmpty() ? "(no error recorded)" : assertion ? message
                : message.isEmpty() ? errorClass : errorClass + ": " + message;
        return String.format(Locale.ROOT, "%s (%s:%d), %s (seed %d):%n%s%n", name, file, line, kind, seed,
                head(text, " and junit/cucumber.xml"));
    }

    /** The first {@link #MAX_LINES} lines of {@code text}, indented, and how many more there are. */
    private static String head(String text, String alsoIn) {
        String head = Arrays.stream(text.split("\\R")).limit(MAX_LINES).map(l -> "    " + l)
                .collect(Collectors.joining("\n"));
        int more = (int) text.lines().count() - MAX_LINES;
        return head + (more > 0 ? "\n    … " + more + " more line(s) in cucumber.html" + alsoIn : "");
    }
}
