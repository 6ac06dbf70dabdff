package dev.callflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * parse(render(t)) for a live timeline gives back, per event: seq, source, level, name, call, thread,
 * attributes (in order) exactly, and the wall time to the microsecond. The parsed origin is the first
 * event's wall time, so parsed micros = original micros - first event's micros.
 */
class LogFormatRoundTripTest {

    final LogFormat format = LogFormat.standard();
    final UUID call1 = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    final UUID call2 = UUID.randomUUID();

    @Test
    void liveTimelineRoundTripsFieldByField() throws Exception {
        Timeline t = Timeline.start("BigoOfree", 19394);
        t.record(Source.PUSH, Level.DEBUG, "sendVoipPush", call1, Timeline.attrs("apns-id", "abc-1", "priority", "10"));
        t.record(Source.SYSTEM, "didReceiveIncomingPush", call1, "payload", "{\"aps\":{}, \"caller\":\"Bob\"}");
        t.record(Source.APP, Level.INFO, "handleIncomingCall", call1, Timeline.attrs(
                "empty", "", "spaced", "a b", "quote", "say \"hi\"", "eq", "x=y", "controls", "tab\tnl\nret\r\u0001",
                "backslash", "C:\\dir\\file", "quotedBackslash", "a \\ b", "unicode", "naïve 来电 😀",
                "nbsp", "a\u00A0b", "zwsp", "a\u200Bb", "loneSurrogate", "x\uD800y", "del", "\u007F"));
        t.record(Source.SDK, Level.VERBOSE, "prepareSDK", null, Map.of());
        t.record(Source.SIGNALLING, Level.WARNING, "callInvite", call2, Timeline.attrs("from", "alice@example.com"));
        t.record(Source.USER, Level.INFO, "tapAnswer", call2, Map.of());
        // keys that need quoting, and an attribute literally named "call" on an event without a call
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("call", "not-the-call-id");
        odd.put("my key", "v");
        odd.put("", "empty key");
        t.record(Source.APP, Level.ERROR, "weird", null, odd);
        Map<String, String> alsoCall = new LinkedHashMap<>();
        alsoCall.put("call", call1.toString());
        t.record(Source.APP, Level.INFO, "transfer", call2, alsoCall);
        Thread other = new Thread(() -> t.record(Source.SYSTEM, Level.INFO, "performAnswerCallAction", call2,
                Map.of("action", "answer")));
        other.start();
        other.join();
        t.record(Source.SYSTEM, Level.INFO, "didActivateAudioSession", call2, Map.of());

        String rendered = format.render(t);
        Timeline back = format.parse(rendered);

        List<Event> original = t.events();
        List<Event> parsed = back.events();
        assertThat(parsed).hasSameSizeAs(original);
        long shift = original.get(0).micros();
        for (int i = 0; i < original.size(); i++) {
            Event o = original.get(i);
            Event p = parsed.get(i);
            assertThat(p.seq()).as("seq of %s", o.brief()).isEqualTo(o.seq());
            assertThat(p.micros()).as("micros of %s", o.brief()).isEqualTo(o.micros() - shift);
            assertThat(p.source()).as("source of %s", o.brief()).isEqualTo(o.source());
            assertThat(p.level()).as("level of %s", o.brief()).isEqualTo(o.level());
            assertThat(p.name()).isEqualTo(o.name());
            assertThat(p.call()).as("call of %s", o.brief()).isEqualTo(o.call());
            assertThat(p.thread()).as("thread of %s", o.brief()).isEqualTo(o.thread());
            assertThat(new ArrayList<>(p.attributes().entrySet())).as("attributes of %s", o.brief())
                    .containsExactlyElementsOf(new ArrayList<>(o.attributes().entrySet()));
            assertThat(wall(back, p)).isEqualTo(wall(t, o).truncatedTo(ChronoUnit.MICROS));
        }
        assertThat(parsed.get(8).thread()).isNotEqualTo(parsed.get(7).thread());
        assertThat(back.processName()).isEqualTo("BigoOfree");
        assertThat(back.pid()).isEqualTo(19394);
        assertThat(back.zone()).isEqualTo(t.zone().getRules().getOffset(wall(t, original.get(0))));
        assertThat(format.render(back)).isEqualTo(rendered);
    }

    @Test
    void quotingIsVisibleAndReadable() {
        Timeline t = fixed();
        Event e = t.append(0, Source.APP, Level.INFO, "x", call1, 7, Timeline.attrs(
                "bare", "ok-value/1.2", "empty", "", "spaced", "a b", "quote", "say \"hi\"", "eq", "x=y",
                "ctl", "tab\tnl\n\u0001", "bs", "a \\ b"));
        assertThat(format.render(e, t)).isEqualTo("2018-05-10 20:05:58.640136+0800 BigoOfree[19394:7] [I][App] x"
                + " call=123e4567-e89b-12d3-a456-426614174000 bare=ok-value/1.2 empty=\"\" spaced=\"a b\""
                + " quote=\"say \\\"hi\\\"\" eq=\"x=y\" ctl=\"tab\\tnl\\n\\u0001\" bs=\"a \\\\ b\"");
    }

    @Test
    void attributeNamedCallOnAnEventWithoutCallIsMarkedSoItIsNotReadAsTheCall() {
        Timeline t = fixed();
        Event e = t.append(5, Source.APP, Level.INFO, "x", null, 7, Timeline.attrs("call", "later"));
        assertThat(format.render(e, t)).endsWith("[App] x call=- call=later");
    }

    /** The one lossy spot: [CallKit] lines get their source from the vocabulary. */
    @Test
    void systemEventWithANameUnknownToTheVocabularyNeedsTheVocabularyExtended() {
        Timeline t = fixed();
        t.append(0, Source.SYSTEM, Level.INFO, "performSetMutedCallAction", null, 1, Map.of());
        t.append(1, Source.SYSTEM, Level.INFO, "lockScreenShown", null, 1, Map.of());
        String rendered = format.render(t);

        assertThat(format.parse(rendered).events()).extracting(Event::source)
                .containsExactly(Source.SYSTEM, Source.APP);
        LogFormat extended = LogFormat.with(EventVocabulary.standard().with(Source.SYSTEM, "lockScreen*"));
        assertThat(extended.parse(rendered).events()).extracting(Event::source)
                .containsExactly(Source.SYSTEM, Source.SYSTEM);
    }

    @Test
    void unknownTagTakesTheSourceFromTheVocabularyAndKnownTagsWin() {
        Timeline t = format.parse("""
                2018-05-10 20:05:58.640136+0800 P[1:2] [I][Whatever] startAudio
                2018-05-10 20:05:58.640136+0800 P[1:2] [I][Whatever] somethingElse
                2018-05-10 20:05:58.640136+0800 P[1:2] [I][MediaSDK] handleIncomingCall
                2018-05-10 20:05:58.640136+0800 P[1:2] [I][callkit] prepareSDK
                """);
        assertThat(t.events()).extracting(Event::source)
                .containsExactly(Source.SDK, Source.APP, Source.SDK, Source.SDK);
    }

    @Test
    void renderRefusesAProcessNameThatCannotBeReadBack() {
        Timeline t = Timeline.recorded(Instant.EPOCH, ZoneId.of("UTC"), "Bad[name]", 1);
        t.append(0, Source.APP, Level.INFO, "x", null, 1, Map.of());
        assertThatThrownBy(() -> format.render(t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad[name]");
    }

    @Test
    void vocabularyMapsTheSeedNames() {
        EventVocabulary v = EventVocabulary.standard();
        assertThat(v.sourceOf("handleIncomingCall")).isEqualTo(Source.APP);
        assertThat(v.sourceOf("endCallWithCompletion")).isEqualTo(Source.APP);
        assertThat(List.of("prepareSDK", "unprepareSDK", "configAudio", "startAudio", "stopAudio", "releaseAudio"))
                .allSatisfy(n -> assertThat(v.sourceOf(n)).isEqualTo(Source.SDK));
        assertThat(List.of("performAnswerCallAction", "performStartCallAction", "performEndCallAction",
                "didActivateAudioSession", "didDeactivateAudioSession", "providerDidReset",
                "timedOutPerformingAction", "didReceiveIncomingPush"))
                .allSatisfy(n -> assertThat(v.sourceOf(n)).isEqualTo(Source.SYSTEM));
        assertThat(v.sourceOf("neverHeardOf")).isEqualTo(Source.APP);
        assertThat(v.knows("neverHeardOf")).isFalse();
        assertThat(v.with(Source.SDK, "neverHeardOf").sourceOf("neverHeardOf")).isEqualTo(Source.SDK);
    }

    private static Instant wall(Timeline t, Event e) {
        return t.originWall().plus(e.micros(), ChronoUnit.MICROS);
    }

    private static Timeline fixed() {
        return Timeline.recorded(Instant.parse("2018-05-10T12:05:58.640136Z"), java.time.ZoneOffset.ofHours(8),
                "BigoOfree", 19394);
    }
}
