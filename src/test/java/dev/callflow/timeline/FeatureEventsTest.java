package dev.callflow.timeline;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Background;
import io.cucumber.messages.types.DataTable;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Step;
import io.cucumber.messages.types.TableCell;
import io.cucumber.messages.types.TableRow;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios judge an implementation by what a real phone and its servers show, never by an app's private log words:
 * every event a feature names (an event table's {@code event} cell, the event and anchor of a {@code there is no …}
 * step, with Scenario Outline placeholders filled from each example row) must be a platform-observable kind of the
 * vocabulary ({@link EventKind}), from the source its row gives.
 */
class FeatureEventsTest {

    /** The absence steps of the glue, with the groups that name events. */
    private static final List<Pattern> ABSENCES = List.of(
            Pattern.compile("there is no (\\S+) before (\\S+) for call \\S+"),
            Pattern.compile("there is no (\\S+) after (\\S+)"),
            Pattern.compile("there is no (\\S+) for call \\S+"),
            Pattern.compile("there is no (\\S+) at all"),
            Pattern.compile("there is no (\\S+) with \".*\""),
            Pattern.compile("没有 (\\S+) 事件在 (\\S+) 之前，通话 ?\\S+"),
            Pattern.compile("没有 (\\S+) 事件在 (\\S+) 之后"),
            Pattern.compile("没有 (\\S+) 事件，通话 ?\\S+"),
            Pattern.compile("完全没有 (\\S+) 事件"),
            Pattern.compile("没有 (\\S+) 事件带有 \".*\""));

    /** The order and timing-window steps on {@code {event}}s; judged before the absences, which they would not match. */
    private static final List<Pattern> ORDERS = List.of(
            Pattern.compile("there is no (\\S+) for call \\S+ after (\\S+)"),
            Pattern.compile("(\\S+) happens after (\\S+) for call \\S+"),
            Pattern.compile("(\\S+) happens within \\d+ ms after (\\S+) for call \\S+"),
            Pattern.compile("(\\S+) does not happen before \\d+ ms after (\\S+)"));

    @Test
    void everyEventAFeatureNamesIsAPlatformObservableKind() throws IOException {
        assertThat(problems(Path.of("features")))
                .as("events the features name that are not platform-observable kinds of the vocabulary "
                        + "(docs/events.md, ./callflow events NAME)")
                .isEmpty();
    }

    @Test
    void theCheckReadsTheOrderAndTimingWindowSteps(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("order.feature"), """
                Feature: order

                  Scenario: order steps
                    Then startAudio happens after timePasses for call A
                    And didActivateAudioSession happens within 1000 ms after handleIncomingCall for call A
                    And serverSends does not happen before 500 ms after userTappedAnswer
                    And there is no phantomCall for call A after didActivateAudioSession
                """);
        assertThat(problems(dir)).containsExactly(
                "order.feature:4: timePasses: not platform-observable (harness-internal)",
                "order.feature:5: handleIncomingCall: not platform-observable (app log word)",
                "order.feature:6: serverSends: not platform-observable (harness-internal)",
                "order.feature:7: phantomCall: 'phantomCall' is not an event of the vocabulary (an app's own log word?)");
    }

    @Test
    void theCheckReadsTablesOutlinesAndAbsences(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sample.feature"), """
                Feature: sample

                  Scenario: a table
                    Then the timeline shows in order:
                      | source | event                   | call |
                      | system | performAnswerCallAction | A    |
                      | app    | lateServerAnswerIgnored | A    |
                      |        | timePasses              |      |
                      | app    | startAudio              | A    |
                    And there is no phantomCall at all
                    And there is no prepareSDK before reportNewIncomingCallCompletion for call A
                    And there is no fulfill after serverSends
                    And there is no startAudio with "result=ok"

                  Scenario Outline: an outline
                    Then the timeline shows in order:
                      | source | event   |
                      | user   | <gesture> |
                    And there is no <absent> for call A

                    Examples:
                      | gesture          | absent       |
                      | userTappedAnswer | fulfill      |
                      | userTapedAnswer  | handleIncomingCall |
                """);
        assertThat(problems(dir)).containsExactly(
                "sample.feature:7: lateServerAnswerIgnored: 'lateServerAnswerIgnored' is not an event of the vocabulary "
                        + "(an app's own log word?)",
                "sample.feature:8: timePasses: not platform-observable (harness-internal)",
                "sample.feature:9: startAudio: from app, but startAudio comes from sdk",
                "sample.feature:10: phantomCall: 'phantomCall' is not an event of the vocabulary (an app's own log word?)",
                "sample.feature:12: serverSends: not platform-observable (harness-internal)",
                "sample.feature:18 (example at line 24): userTapedAnswer: 'userTapedAnswer' is not an event of the "
                        + "vocabulary (an app's own log word?); did you mean userTappedAnswer?",
                "sample.feature:19 (example at line 24): handleIncomingCall: not platform-observable (app log word)");
    }

    @Test
    void theCheckReadsChineseTablesAndAbsences(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sample.feature"), """
                # language: zh-CN
                功能: 示例

                  场景: 一个表
                    那么 时间线按顺序显示：
                      | 来源   | 事件                    | 通话 |
                      | system | performAnswerCallAction | A    |
                      | app    | lateServerAnswerIgnored | A    |
                      | app    | startAudio              | A    |
                    并且 完全没有 phantomCall 事件
                    并且 没有 prepareSDK 事件在 serverSends 之前，通话A
                    并且 没有 fulfill 事件在 timePasses 之后
                    并且 没有 handleIncomingCall 事件，通话 A
                    并且 没有 startAudio 事件带有 "result=ok"
                """);
        assertThat(problems(dir)).containsExactly(
                "sample.feature:8: lateServerAnswerIgnored: 'lateServerAnswerIgnored' is not an event of the vocabulary "
                        + "(an app's own log word?)",
                "sample.feature:9: startAudio: from app, but startAudio comes from sdk",
                "sample.feature:10: phantomCall: 'phantomCall' is not an event of the vocabulary (an app's own log word?)",
                "sample.feature:11: serverSends: not platform-observable (harness-internal)",
                "sample.feature:12: timePasses: not platform-observable (harness-internal)",
                "sample.feature:13: handleIncomingCall: not platform-observable (app log word)");
    }

    /** The Chinese features are checked too: their tables have Chinese headers, their absences Chinese words. */
    @Test
    void theChineseFeaturesNameEventsTheCheckReads() throws IOException {
        assertThat(Path.of("features/zh-CN")).isDirectory();
        assertThat(problems(Path.of("features/zh-CN"))).isEmpty();
        Path answer = Path.of("features/zh-CN/answer.feature");
        String text = Files.readString(answer);
        assertThat(text).startsWith("# language: zh-CN").contains("| 来源", "| 事件", "完全没有 audioSessionSetActive 事件");
    }

    /** Every event name the features under {@code dir} use that is not a platform-observable kind, as file:line: why. */
    static List<String> problems(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> features;
        try (Stream<Path> files = Files.walk(dir)) {
            features = files.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
        }
        for (Path f : features) {
            String where = dir.relativize(f).toString();
            List<Envelope> envelopes;
            try (Stream<Envelope> parsed = GherkinParser.builder().includeSource(false).includePickles(false).build()
                    .parse(f)) {
                envelopes = parsed.toList();
            }
            for (Envelope e : envelopes) {
                e.getGherkinDocument().flatMap(GherkinDocument::getFeature).ifPresent(feature -> check(where, feature, out));
            }
        }
        return out;
    }

    private static void check(String file, Feature feature, List<String> out) {
        for (FeatureChild child : feature.getChildren()) {
            child.getBackground().ifPresent(b -> steps(file, b.getSteps(), List.of(Map.of()), out));
            child.getScenario().ifPresent(s -> scenario(file, s, out));
            child.getRule().ifPresent(r -> {
                for (RuleChild rc : r.getChildren()) {
                    rc.getBackground().map(Background::getSteps).ifPresent(steps -> steps(file, steps, List.of(Map.of()), out));
                    rc.getScenario().ifPresent(s -> scenario(file, s, out));
                }
            });
        }
    }

    /** A scenario's steps once, or an outline's once per example row with its placeholders filled in. */
    private static void scenario(String file, Scenario s, List<String> out) {
        List<Map<String, String>> examples = new ArrayList<>();
        for (Examples ex : s.getExamples()) {
            List<String> header = ex.getTableHeader().map(h -> h.getCells().stream().map(TableCell::getValue).toList())
                    .orElse(List.of());
            for (TableRow row : ex.getTableBody()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put("<" + header.get(i) + ">", row.getCells().get(i).getValue());
                }
                values.put("", String.valueOf(row.getLocation().getLine()));
                examples.add(values);
            }
        }
        steps(file, s.getSteps(), examples.isEmpty() ? List.of(Map.of()) : examples, out);
    }

    private static void steps(String file, List<Step> steps, List<Map<String, String>> examples, List<String> out) {
        for (Map<String, String> example : examples) {
            for (Step step : steps) {
                int line = step.getLocation().getLine().intValue();
                String text = fill(step.getText().trim(), example);
                for (Pattern p : java.util.stream.Stream.concat(ORDERS.stream(), ABSENCES.stream()).toList()) {
                    Matcher m = p.matcher(text);
                    if (m.matches()) {
                        for (int g = 1; g <= m.groupCount(); g++) {
                            judge(at(file, line, example), m.group(g), null, out);
                        }
                        break;
                    }
                }
                step.getDataTable().ifPresent(t -> table(file, t, example, out));
            }
        }
    }

    private static void table(String file, DataTable table, Map<String, String> example, List<String> out) {
        List<TableRow> rows = table.getRows();
        int[] at = EventTableColumn.positions(rows.get(0).getCells().stream().map(TableCell::getValue).toList());
        int event = at[EventTableColumn.EVENT.ordinal()];
        int source = at[EventTableColumn.SOURCE.ordinal()];
        if (event < 0) {
            return;
        }
        for (TableRow row : rows.subList(1, rows.size())) {
            String name = fill(row.getCells().get(event).getValue().trim(), example);
            String src = source < 0 ? "" : fill(row.getCells().get(source).getValue().trim(), example);
            judge(at(file, row.getLocation().getLine().intValue(), example), name, src.isEmpty() ? null : src, out);
        }
    }

    /** A cell may list alternatives ({@code releaseAudio|unprepareSDK}): each must be a platform-observable kind. */
    private static void judge(String where, String names, String source, List<String> out) {
        for (String name : names.split("\\|")) {
            judgeOne(where, name.trim(), source, out);
        }
    }

    private static void judgeOne(String where, String name, String source, List<String> out) {
        if (name.isEmpty()) {
            return;
        }
        Optional<EventKind> kind = EventKind.named(name);
        if (kind.isEmpty()) {
            out.add(where + ": " + name + ": " + EventKind.explain(name));
        } else if (!kind.get().platformObservable()) {
            out.add(where + ": " + name + ": not platform-observable (" + kind.get().category().label() + ")");
        } else if (source != null && kind.get().sources().stream().noneMatch(s -> s.label().equalsIgnoreCase(source))) {
            out.add(where + ": " + name + ": from " + source + ", but " + name + " comes from "
                    + String.join(" or ", kind.get().sources().stream().map(Source::label).toList()));
        }
    }

    private static String at(String file, int line, Map<String, String> example) {
        String exampleLine = example.get("");
        return file + ":" + line + (exampleLine == null ? "" : " (example at line " + exampleLine + ")");
    }

    private static String fill(String text, Map<String, String> example) {
        String t = text;
        for (Map.Entry<String, String> e : example.entrySet()) {
            if (!e.getKey().isEmpty()) {
                t = t.replace(e.getKey(), e.getValue());
            }
        }
        return t;
    }

    /**
     * The reference app's own log words (its diagnostics, tested in ReferenceAppDiagnosticsTest) are never
     * platform-observable kinds: no conformance table can come to depend on them through the vocabulary.
     */
    @Test
    void noLogWordOfTheReferenceAppIsAPlatformObservableKind() throws java.io.IOException {
        java.util.Set<String> words = new java.util.TreeSet<>(dev.callflow.iut.reference.ReferenceAppDiagnosticsTest.LOG_WORDS);
        String app = java.nio.file.Files.readString(dev.callflow.testing.Runs.HOME
                .resolve("src/main/java/dev/callflow/iut/reference/ReferenceApp.java"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("env\\.log\\(\"(\\w+)\"").matcher(app);
        while (m.find()) {
            words.add(m.group(1));
        }
        org.assertj.core.api.Assertions.assertThat(words).as("the reference app's log words")
                .hasSizeGreaterThan(10).contains("lateServerAnswerIgnored", "phantomCall");
        org.assertj.core.api.Assertions.assertThat(words.stream()
                        .filter(w -> EventKind.named(w).map(EventKind::platformObservable).orElse(false)).toList())
                .as("reference-app log words the vocabulary calls platform-observable").isEmpty();
    }
}
