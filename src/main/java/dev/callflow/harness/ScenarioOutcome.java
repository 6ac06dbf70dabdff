package dev.callflow.harness;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One finished scenario: where it is, its tags, Cucumber's status, the failure's class and message (empty when it
 * passed), its wall time, and the rules the always-on monitor found violated that it did not declare.
 */
public record ScenarioOutcome(String uri, int line, String name, List<String> tags, String status, String errorClass,
                              String message, double wallMillis, List<String> undeclaredViolations) {

    /** The error class of a scenario that was selected but never finished. */
    public static final String NEVER_FINISHED = "callflow.ScenarioNeverFinished";

    public ScenarioOutcome {
        tags = List.copyOf(tags);
        undeclaredViolations = List.copyOf(undeclaredViolations);
        errorClass = errorClass == null ? "" : errorClass;
        message = message == null ? "" : message;
    }

    /**
     * How the section starts that a failed scenario's message gets when the always-on rules also found violations it
     * did not declare: the step's error comes first, the rules' findings after it.
     */
    public static final String ALSO_FOUND = "Also, the always-on rules found ";

    /** The message without the {@link #ALSO_FOUND} section: the failed step's own error. */
    public String stepMessage() {
        int at = message.indexOf("\n\n" + ALSO_FOUND);
        return at < 0 ? message : message.substring(0, at);
    }

    /** The {@link #ALSO_FOUND} section of the message, or empty. */
    public String alsoFound() {
        int at = message.indexOf("\n\n" + ALSO_FOUND);
        return at < 0 ? "" : message.substring(at + 2);
    }

    /** A selected scenario Cucumber never ran to its end: a harness fault. */
    public static ScenarioOutcome neverFinished(String uri, int line, String name, List<String> tags, String why) {
        return new ScenarioOutcome(uri, line, name, tags, "FAILED", NEVER_FINISHED,
                "The scenario was selected but never finished: " + why.replaceFirst("\\.+$", "")
                        + ". Run it alone (./callflow run --name) to see the harness's error.", 0, List.of());
    }

    public boolean neverFinished() {
        return NEVER_FINISHED.equals(errorClass);
    }

    public boolean passed() {
        return "PASSED".equals(status);
    }

    public boolean failed() {
        return "FAILED".equals(status);
    }

    /** A scenario that failed with an AssertionError found the implementation wrong, not the harness. */
    public boolean conformanceFailure() {
        return failed() && errorClass.endsWith("AssertionError");
    }

    /** A scenario that failed because its writer got it wrong ({@link ScenarioInputError}): a usage error. */
    public boolean inputError() {
        return failed() && errorClass.equals(ScenarioInputError.class.getName());
    }

    /** A scenario that failed with any other exception: the harness or its set-up is wrong. */
    public boolean harnessFault() {
        return failed() && !conformanceFailure() && !inputError();
    }

    /** A step no glue defines, or that several define. */
    public boolean undefined() {
        return "UNDEFINED".equals(status) || "AMBIGUOUS".equals(status);
    }

    /** The feature's file name, e.g. {@code answer.feature}. */
    public String featureFile() {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The feature's name without {@code .feature}, e.g. {@code answer}. */
    public String feature() {
        String f = featureFile();
        return f.endsWith(".feature") ? f.substring(0, f.length() - ".feature".length()) : f;
    }

    /** {@code answer.feature:12}. */
    public String where() {
        return featureFile() + ":" + line;
    }

    /** One line for the summary: status, wall time, name and the rules it broke undeclared. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "%-8s %7.1f ms  %s%s", status, wallMillis, name,
                undeclaredViolations.isEmpty() ? "" : "  [violates " + String.join(", ", undeclaredViolations) + "]");
    }

    /** Each outcome's status, name, place, error class and message, for assertion messages. */
    public static String describe(List<ScenarioOutcome> outcomes) {
        return outcomes.stream().map(o -> "--- " + o.status() + " " + o.name() + " (" + o.where() + ") " + o.errorClass()
                + "\n" + o.message()).collect(Collectors.joining("\n"));
    }
}
