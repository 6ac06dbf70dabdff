package dev.callflow.iut.variants;

import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.testing.Runs;
import dev.callflow.monitor.RuleCatalog;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite is implementation-neutral: every variant of {@link Variants} (a correct implementation making choices the
 * rules leave to the app, differently from the reference app) passes every scenario of features/ with no undeclared
 * rule violation. A scenario that fails here demands one implementation's choice: fix the table, or, if the rules do
 * forbid the choice, the variant is wrong. Each variant must also show its choice on the timeline ({@link #SIGNATURES}),
 * so that a variant which silently behaves like the reference app proves nothing.
 */
class VariantNeutralityTest {
    private static final Path OUT = Runs.HOME.resolve("target/variants");

    /** A timeline of one scenario, as the run wrote it (reports/timelines/...). */
    private record Scenario(String file, List<Event> events) { }

    /** How each variant's choice shows on its timelines; at least one scenario must show it. */
    private static final Map<String, Predicate<Scenario>> SIGNATURES = Map.of(
            "config-audio-in-perform", s -> before(s, "configAudio", "didActivateAudioSession")
                    && before(s, "audioSessionSetCategory", "reportNewIncomingCall"),
            "stop-audio-in-did-deactivate", s -> before(s, "didDeactivateAudioSession", "stopAudio")
                    && s.events().stream().anyMatch(e -> e.is("reportCallEnded")),
            "silent", s -> !s.events().isEmpty(),
            "lazy-sdk", s -> before(s, "performAnswerCallAction", "prepareSDK")
                    && s.events().stream().noneMatch(e -> e.is("unprepareSDK") && "false".equals(e.attributes().get("wasPrepared"))),
            "quiet-server", s -> s.events().stream().anyMatch(e -> e.is("reportNewIncomingCallCompletion")
                    && e.attribute("error").filter(x -> !x.equals("callUUIDAlreadyExists")).isPresent())
                    && s.events().stream().noneMatch(e -> e.is("busy")),
            "other-end-reasons", s -> s.events().stream().anyMatch(e -> e.is("reportCallEnded")
                    && "unanswered".equals(e.attributes().get("reason")))
                    && s.events().stream().anyMatch(e -> e.is("serverEvent") && "cancel".equals(e.attributes().get("type"))),
            "late-push-completion", VariantNeutralityTest::everyPushCompletionComesLate);

    static Stream<String> variants() {
        return Variants.all().stream().map(Variant::name);
    }

    @Test
    void everyVariantNamesItsChoiceAndTheRuleTextThatAllowsIt() {
        assertThat(Variants.all()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(Variants.all()).extracting(Variant::name).doesNotHaveDuplicates();
        assertThat(SIGNATURES.keySet()).as("a signature per variant").containsExactlyInAnyOrderElementsOf(
                Variants.all().stream().map(Variant::name).toList());
        Pattern ruleId = Pattern.compile("R-[A-Z]+-\\d+");
        for (Variant v : Variants.all()) {
            assertThat(v.choice()).as("choice of %s", v.name()).isNotBlank();
            assertThat(v.allowedBy()).as("what allows %s", v.name()).isNotBlank();
            Matcher m = ruleId.matcher(v.allowedBy());
            while (m.find()) {
                assertThat(RuleCatalog.byId(m.group())).as("%s cites %s, a rule of the catalogue", v.name(), m.group()).isPresent();
            }
        }
    }

    @ParameterizedTest(name = "variant {0} passes the whole suite")
    @MethodSource("variants")
    void everyVariantPassesTheWholeSuiteWithNoUndeclaredViolation(String name) throws IOException {
        Path dir = OUT.resolve(name);
        RunResult run = Runs.run("variant:" + name, dir, null);
        System.out.printf("variant %s: %d scenarios, %d failed, in %.1f s%n", name, run.scenarios().size(),
                run.failed().size(), run.wallMillis() / 1000.0);

        assertThat(run.scenarios()).as("scenarios run against variant %s", name).hasSizeGreaterThan(100);
        assertThat(run.failed()).as("scenarios that demand the reference app's choice, failed by variant %s (%s)\n%s", name,
                Variants.named(name).orElseThrow().choice(), ScenarioOutcome.describe(run.failed())).isEmpty();
        assertThat(run.scenarios()).extracting(ScenarioOutcome::status).containsOnly("PASSED");
        assertThat(run.undeclaredViolations())
                .as("undeclared rule violations of variant %s: if a rule forbids its choice, it is no valid variant", name)
                .isEmpty();

        List<Scenario> timelines = timelines(dir.resolve("timelines"));
        assertThat(timelines).as("timelines written for variant %s", name).hasSameSizeAs(run.scenarios());
        assertThat(timelines).as("scenarios of variant %s that show its choice (%s)", name,
                Variants.named(name).orElseThrow().choice()).anyMatch(SIGNATURES.get(name));
        if (name.equals("silent")) {
            assertThat(appLines(dir.resolve("timelines")).stream().filter(n -> dev.callflow.timeline.EventKind.named(n)
                    .filter(k -> k.platformObservable() && k.sources().contains(Source.APP)).isEmpty())
                    .distinct().toList())
                    .as("[App] lines of the silent variant other than its calls into the platform").isEmpty();
        }
    }

    /** Within one scenario, some event named {@code first} comes before some {@code then} of the same call. */
    private static boolean before(Scenario s, String first, String then) {
        List<Event> events = s.events();
        for (int i = 0; i < events.size(); i++) {
            if (!events.get(i).is(first)) {
                continue;
            }
            for (int j = i + 1; j < events.size(); j++) {
                if (events.get(j).is(then) && (events.get(i).call() == null || events.get(j).call() == null
                        || Objects.equals(events.get(i).call(), events.get(j).call()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The scenario has push completions, and each comes at least the variant's 100 ms (virtual time, exactly) after the
     * last report completion before it; the reference app's comes within the same block.
     */
    private static boolean everyPushCompletionComesLate(Scenario s) {
        List<Event> events = s.events();
        boolean any = false;
        Event lastCompletion = null;
        for (Event e : events) {
            if (e.is("reportNewIncomingCallCompletion")) {
                lastCompletion = e;
            } else if (e.is("pushCompletion")) {
                if (lastCompletion == null || e.micros() - lastCompletion.micros() < 100_000) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The event names of every {@code [App]} line of the rendered timelines, as the log shows who acted. */
    private static List<String> appLines(Path root) throws IOException {
        Pattern app = Pattern.compile("\\]\\[App\\] (\\S+)");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = app.matcher(line);
                    if (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    private static List<Scenario> timelines(Path root) throws IOException {
        List<Scenario> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                out.add(new Scenario(root.relativize(f).toString(), LogFormat.standard().parse(f).events()));
            }
        }
        return out;
    }
}
