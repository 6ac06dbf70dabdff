package dev.callflow.steps;

import dev.callflow.harness.InProcessSuite;
import dev.callflow.iut.reference.ReferenceAppDiagnosticsTest;
import dev.callflow.timeline.Source;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleTableRow;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Step;
import io.cucumber.messages.types.TableRow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite is implementation-neutral: no event table row and no absence step of a feature names an event a real
 * phone would not show from outside the app ({@link ObservableEvents}). An app's own log words
 * ({@code lateServerAnswerIgnored}, {@code handleIncomingCall}, ...) belong in the reference app's unit tests
 * (ReferenceAppDiagnosticsTest), never in a scenario another implementation must pass.
 */
class FeatureNeutralityTest {

    private static final Path FEATURES = InProcessSuite.HOME.resolve("features");

    /** The absence steps of the glue, each with the groups that hold event names. */
    private static final List<Pattern> ABSENCES = List.of(
            Pattern.compile("there is no (\\S+) before (\\S+) for call \\S+"),
            Pattern.compile("there is no (\\S+) for call \\S+"),
            Pattern.compile("there is no (\\S+) after (\\S+)"),
            Pattern.compile("there is no (\\S+) at all"),
            Pattern.compile("there is no (\\S+) with \".*\""));

    /** The reference app's own log words the suite once required (the 41 failures of an app written from the docs). */
    static final List<String> KNOWN_PRIVATE_WORDS = ReferenceAppDiagnosticsTest.LOG_WORDS;

    @Test
    void everyTableRowAndAbsenceStepNamesOnlyPlatformObservableEvents() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FEATURES)) {
            files = walk.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
        }
        assertThat(files).as("feature files under %s", FEATURES).hasSizeGreaterThan(10);
        List<String> findings = new ArrayList<>();
        int checked = 0;
        for (Path f : files) {
            Report r = check(InProcessSuite.HOME.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            findings.addAll(r.findings());
            checked += r.namesChecked();
        }
        assertThat(checked).as("event names checked in the features").isGreaterThan(500);
        assertThat(findings).as("scenarios that name events no phone shows from outside the app; judge the app by an "
                + "observable effect instead (a request it sends or not, an action it fails, a report, a rule)").isEmpty();
    }

    @Test
    void theGuardNamesFileAndLineOfEveryPrivateWord() {
        String feature = """
                Feature: f
                  Scenario Outline: s
                    Then the timeline shows in order:
                      | source | event              | call | attributes |
                      | app    | handleIncomingCall | A    |            |
                      | app    | fulfill            | A    |            |
                      | <src>  | <event>            | A    |            |
                      | system | fulfill            | A    |            |
                      | sdk    | notAnSdkCall       | A    |            |
                      | sdk    | releaseAudio\\|phantomCall | A |      |
                    And there is no endCallFailed for call A
                    And there is no startAudio before signallingReady for call A
                    And there is no fail with "action=answer"
                    And rule R-TX-1 holds

                    Examples:
                      | src    | event                   |
                      | app    | lateServerAnswerIgnored |
                      | system | callEnded               |
                """;
        Report r = check("features/x.feature", feature);

        assertThat(r.findings()).containsExactly(
                "features/x.feature:5: table row names 'handleIncomingCall' (source app), which no phone shows from "
                        + "outside the app: an app-private log word",
                "features/x.feature:7 (example at line 18): table row names 'lateServerAnswerIgnored' (source app), which "
                        + "no phone shows from outside the app: an app-private log word",
                "features/x.feature:8: table row names 'fulfill' with source system; it comes from [app]",
                "features/x.feature:9: table row names 'notAnSdkCall' (source sdk), which no phone shows from outside the "
                        + "app: not a platform-observable event",
                "features/x.feature:10: table row names 'phantomCall' (source sdk), which no phone shows from outside the "
                        + "app: an app-private log word",
                "features/x.feature:11: absence step names 'endCallFailed', which no phone shows from outside the app: an "
                        + "app-private log word",
                "features/x.feature:12: absence step names 'signallingReady', which no phone shows from outside the app: "
                        + "an app-private log word");
        assertThat(r.namesChecked()).as("7 names in 6 rows and 4 names of absence steps, in each of 2 examples").isEqualTo(22);
    }

    @Test
    void theAllowListHoldsNoLogWordOfTheReferenceApp() {
        Set<String> logWords = referenceLogWords();
        assertThat(logWords).as("log words: the known ones and those of ReferenceApp.java's env.log calls")
                .hasSizeGreaterThan(KNOWN_PRIVATE_WORDS.size()).contains("callStateUnknown", "activationWithoutCall");
        assertThat(logWords.stream().filter(ObservableEvents::observable).toList())
                .as("app log words in the observable allow-list").isEmpty();
        assertThat(ObservableEvents.sourcesOf("fulfill")).containsExactly(Source.APP);
    }

    /** What a feature file names: the findings, and how many event names were checked. */
    record Report(List<String> findings, int namesChecked) { }

    /** Checks one feature's text; {@code uri} is how findings name the file. */
    static Report check(String uri, String text) {
        List<Envelope> envelopes = GherkinParser.builder().includeSource(false).build()
                .parse(uri, text.getBytes(StandardCharsets.UTF_8)).toList();
        Map<String, Step> steps = new HashMap<>();
        Map<String, Integer> exampleLines = new HashMap<>();
        for (Envelope e : envelopes) {
            e.getParseError().ifPresent(err -> {
                throw new AssertionError(uri + " does not parse: " + err.getMessage());
            });
            e.getGherkinDocument().flatMap(GherkinDocument::getFeature).ifPresent(f -> index(f, steps, exampleLines));
        }
        Set<String> findings = new LinkedHashSet<>();
        int checked = 0;
        for (Envelope e : envelopes) {
            Pickle pickle = e.getPickle().orElse(null);
            if (pickle == null) {
                continue;
            }
            for (PickleStep ps : pickle.getSteps()) {
                Step step = steps.get(ps.getAstNodeIds().get(0));
                Integer example = ps.getAstNodeIds().size() > 1 ? exampleLines.get(ps.getAstNodeIds().get(1)) : null;
                if (ps.getArgument().flatMap(a -> a.getDataTable()).isPresent()) {
                    checked += checkTable(uri, step, example, ps.getArgument().get().getDataTable().get().getRows(), findings);
                }
                for (Pattern absence : ABSENCES) {
                    Matcher m = absence.matcher(ps.getText());
                    if (m.matches()) {
                        String where = uri + ":" + step.getLocation().getLine()
                                + (example != null && step.getText().contains("<") ? " (example at line " + example + ")" : "");
                        for (int g = 1; g <= m.groupCount(); g++) {
                            checked++;
                            String name = m.group(g);
                            if (!ObservableEvents.observable(name)) {
                                findings.add(where + ": absence step names '" + name + "', which no phone shows from outside "
                                        + "the app: " + kind(name));
                            }
                        }
                        break;
                    }
                }
            }
        }
        return new Report(List.copyOf(findings), checked);
    }

    private static int checkTable(String uri, Step step, Integer example, List<PickleTableRow> rows, Set<String> findings) {
        List<String> header = rows.get(0).getCells().stream().map(c -> c.getValue().trim()).toList();
        int eventCol = header.indexOf("event");
        int sourceCol = header.indexOf("source");
        if (eventCol < 0) {
            return 0; // not an event table
        }
        List<TableRow> astRows = step.getDataTable().orElseThrow().getRows();
        int checked = 0;
        for (int i = 1; i < rows.size(); i++) {
            TableRow ast = astRows.get(i);
            boolean fromExample = ast.getCells().get(eventCol).getValue().contains("<")
                    || sourceCol >= 0 && ast.getCells().get(sourceCol).getValue().contains("<");
            String where = uri + ":" + ast.getLocation().getLine()
                    + (example != null && fromExample ? " (example at line " + example + ")" : "");
            String name = rows.get(i).getCells().get(eventCol).getValue().trim();
            String sourceText = sourceCol < 0 ? "" : rows.get(i).getCells().get(sourceCol).getValue().trim();
            Source source;
            try {
                source = sourceText.isEmpty() ? null : Source.fromLabel(sourceText);
            } catch (IllegalArgumentException unknown) {
                findings.add(where + ": table row has an unknown source '" + sourceText + "'");
                continue;
            }
            for (String alternative : name.split("\\|")) {
                String n = alternative.trim();
                checked++;
                if (!ObservableEvents.observable(n)) {
                    findings.add(where + ": table row names '" + n + "'" + (source == null ? "" : " (source " + source.label() + ")")
                            + ", which no phone shows from outside the app: " + kind(n));
                } else if (!ObservableEvents.observable(source, n)) {
                    findings.add(where + ": table row names '" + n + "' with source " + source.label() + "; it comes from "
                            + ObservableEvents.sourcesOf(n).stream().map(Source::label).sorted().toList());
                }
            }
        }
        return checked;
    }

    private static String kind(String name) {
        return referenceLogWords().contains(name) ? "an app-private log word" : "not a platform-observable event";
    }

    private static Set<String> referenceLogWords;

    private static synchronized Set<String> referenceLogWords() {
        if (referenceLogWords == null) {
            Set<String> words = new TreeSet<>(KNOWN_PRIVATE_WORDS);
            try {
                String app = Files.readString(InProcessSuite.HOME.resolve("src/main/java/dev/callflow/iut/reference/ReferenceApp.java"));
                Matcher m = Pattern.compile("env\\.log\\(\"(\\w+)\"").matcher(app);
                while (m.find()) {
                    words.add(m.group(1));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            referenceLogWords = words;
        }
        return referenceLogWords;
    }

    /** Steps by AST id, and example rows' lines by id, for the whole feature (background, scenarios, rules). */
    private static void index(Feature feature, Map<String, Step> steps, Map<String, Integer> exampleLines) {
        for (FeatureChild child : feature.getChildren()) {
            child.getBackground().ifPresent(b -> b.getSteps().forEach(s -> steps.put(s.getId(), s)));
            child.getScenario().ifPresent(s -> index(s, steps, exampleLines));
            child.getRule().ifPresent(rule -> {
                for (RuleChild rc : rule.getChildren()) {
                    rc.getBackground().ifPresent(b -> b.getSteps().forEach(s -> steps.put(s.getId(), s)));
                    rc.getScenario().ifPresent(s -> index(s, steps, exampleLines));
                }
            });
        }
    }

    private static void index(Scenario scenario, Map<String, Step> steps, Map<String, Integer> exampleLines) {
        scenario.getSteps().forEach(s -> steps.put(s.getId(), s));
        for (Examples ex : scenario.getExamples()) {
            ex.getTableBody().forEach(r -> exampleLines.put(r.getId(), r.getLocation().getLine().intValue()));
        }
    }
}
