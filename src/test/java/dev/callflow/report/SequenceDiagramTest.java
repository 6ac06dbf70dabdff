package dev.callflow.report;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.Source;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A scenario's timeline drawn as a sequence diagram: lanes, who talks to whom, labels, the failure's place, and SVG. */
class SequenceDiagramTest {
    private static final UUID CALL = UUID.fromString("cbef32b5-97da-489c-83b9-29325f5eebea");
    private static final Function<UUID, String> NAMES = id -> id.equals(CALL) ? "call A" : "call ?";

    private static List<Event> answerFlow() {
        List<Event> events = new ArrayList<>();
        add(events, Source.SIGNALLING, "login", null, "method", "POST", "status", "200");
        add(events, Source.SIGNALLING, "serverEvent", CALL, "type", "offer");
        add(events, Source.APP, "reportNewIncomingCall", CALL, "handle", "alice");
        add(events, Source.USER, "userTappedAnswer", CALL, "lockScreen", "false");
        add(events, Source.SYSTEM, "performAnswerCallAction", CALL, "action", "1");
        add(events, Source.APP, "fulfill", CALL, "action", "answer");
        add(events, Source.SYSTEM, "didActivateAudioSession", CALL);
        add(events, Source.SDK, "startAudio", CALL, "result", "failed", "why", "no active audio session: AUIOClient_StartIO failed");
        return events;
    }

    private static void add(List<Event> events, Source source, String name, UUID call, String... kv) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            attributes.put(kv[i], kv[i + 1]);
        }
        long seq = events.size() + 1;
        events.add(new Event(seq, seq * 100_500, source, Level.INFO, name, call, 259, attributes));
    }

    @Test
    void oneLanePerSourceInTheOrderAPersonReadsAFlow() {
        String src = SequenceDiagram.of(answerFlow(), NAMES).source();

        assertThat(src).startsWith("@startuml").endsWith("@enduml\n");
        assertThat(src.lines().filter(l -> l.startsWith("participant")).map(l -> l.substring(l.lastIndexOf(' ') + 1)))
                .containsExactly("user", "system", "app", "sdk", "push", "signalling");
    }

    @Test
    void eachEventIsAnArrowFromWhoActedToWhomItIsFor() {
        String src = SequenceDiagram.of(answerFlow(), NAMES).source();

        assertThat(src).contains("app -> signalling : <size:10>#1 +100.5 ms</size> <b>login</b> method=POST status=200\n")
                .contains("signalling -> app : <size:10>#2 +201.0 ms</size> <b>serverEvent</b> call A type=offer\n")
                .contains("app -> system : <size:10>#3 +301.5 ms</size> <b>reportNewIncomingCall</b> call A handle=alice\n")
                .contains("user -> system : <size:10>#4 +402.0 ms</size> <b>userTappedAnswer</b> call A lockScreen=false\n")
                .contains("system -> app : <size:10>#5 +502.5 ms</size> <b>performAnswerCallAction</b> call A action=1\n")
                .contains("app -> system : <size:10>#6 +603.0 ms</size> <b>fulfill</b> call A action=answer\n")
                .contains("system -> app : <size:10>#7 +703.5 ms</size> <b>didActivateAudioSession</b> call A\n")
                // an attribute too long for an arrow is left to the timeline file
                .contains("app -> sdk : <size:10>#8 +804.0 ms</size> <b>startAudio</b> call A result=failed\n");
    }

    @Test
    void aPassingScenarioHasNoFailureMark() {
        assertThat(SequenceDiagram.of(answerFlow(), NAMES).source()).doesNotContain("#FF3333");
    }

    @Test
    void theFailedStepIsMarkedRightAfterTheLastEventBeforeIt() {
        String src = SequenceDiagram.of(answerFlow(), NAMES).failedStepAfter(4).source();

        List<String> lines = src.lines().toList();
        int arrow = indexOf(lines, "<b>userTappedAnswer</b>");
        assertThat(lines.get(arrow + 1)).isEqualTo("note over user, signalling #FF3333 : <b>the failed step starts here</b> "
                + "(after #4)");
        assertThat(indexOf(lines, "the failed step")).isEqualTo(arrow + 1);
    }

    @Test
    void aRuleFindingTurnsItsEventsArrowRedWithTheRuleId() {
        String src = SequenceDiagram.of(answerFlow(), NAMES).ruleFindings(Map.of(8L, List.of("R-AUD-2"))).source();

        List<String> lines = src.lines().toList();
        int arrow = indexOf(lines, "<b>startAudio</b>");
        assertThat(lines.get(arrow)).startsWith("app -[#FF3333,bold]> sdk : ");
        assertThat(lines.get(arrow + 1)).isEqualTo("note right #FF3333 : <b>R-AUD-2</b> finding");
    }

    @Test
    void aLongTimelineIsCutWithANoteThatSaysWhatIsLeftOut() {
        String src = SequenceDiagram.of(answerFlow(), NAMES).maxEvents(3).failedStepAfter(6).source();

        assertThat(src).contains("<b>reportNewIncomingCall</b>").doesNotContain("<b>userTappedAnswer</b>")
                .contains("5 more events not drawn (#4 to #8)")
                .contains("the failed step starts after #6, not drawn");
    }

    @Test
    void eventTextCannotBreakTheDiagram() {
        assertThat(SequenceDiagram.escape("a<b>\n**x** -> @enduml")).isEqualTo("a&lt;b&gt; ~*~*x~*~* ~-&gt; @enduml");
    }

    @Test
    void itRendersToTheSameSvgEveryTimeWithoutGraphviz() {
        String src = SequenceDiagram.of(answerFlow(), NAMES).failedStepAfter(4)
                .ruleFindings(Map.of(8L, List.of("R-AUD-2"))).source();

        byte[] svg = DiagramSvg.render(src);
        String text = new String(svg, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<svg").contains("performAnswerCallAction").contains("R-AUD-2")
                .contains("the failed step starts here").doesNotContain("Syntax Error").doesNotContain("Cannot find Graphviz");
        assertThat(DiagramSvg.render(src)).isEqualTo(svg);
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("No line with " + part + " in\n" + String.join("\n", lines));
    }
}
