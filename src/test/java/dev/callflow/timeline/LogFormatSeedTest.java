package dev.callflow.timeline;

import static dev.callflow.timeline.Source.APP;
import static dev.callflow.timeline.Source.SDK;
import static dev.callflow.timeline.Source.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed document's CallKit sample (section 三.2), verbatim in fixtures/logs/seed-sample.log. */
class LogFormatSeedTest {

    static final Path SEED = Path.of("fixtures/logs/seed-sample.log");
    final LogFormat format = LogFormat.standard();

    @Test
    void fixtureIsTheSeedVerbatim() throws IOException {
        List<String> lines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(14).contains("// 来电", "// 挂断");
        assertThat(lines.get(1)).endsWith("handleIncomingCall ");
    }

    @Test
    void parsesTheSeedSampleLineForLine() throws IOException {
        Timeline t = format.parse(SEED);

        assertThat(t.processName()).isEqualTo("BigoOfree");
        assertThat(t.pid()).isEqualTo(19394);
        assertThat(t.zone()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(t.originWall())
                .isEqualTo(OffsetDateTime.parse("2018-05-10T20:05:58.640136+08:00").toInstant());

        List<Event> events = t.events();
        assertThat(events).extracting(Event::name).containsExactly(
                "handleIncomingCall", "unprepareSDK", "prepareSDK", "performAnswerCallAction",
                "didActivateAudioSession", "configAudio", "startAudio", "endCallWithCompletion",
                "performEndCallAction", "releaseAudio", "unprepareSDK", "didDeactivateAudioSession");
        assertThat(events).extracting(Event::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(events).extracting(Event::source).containsExactly(
                APP, SDK, SDK, SYSTEM, SYSTEM, SDK, SDK, APP, SYSTEM, SDK, SDK, SYSTEM);
        assertThat(events).extracting(Event::thread).containsExactly(
                8610838L, 8610838L, 8610627L, 8610627L, 8610627L, 8610628L, 8610627L,
                8610838L, 8610838L, 8610628L, 8610838L, 8610850L);
        assertThat(events).extracting(Event::micros).containsExactly(
                0L, 85_819L, 86_860L, 3_687_436L, 4_252_315L, 4_447_453L, 4_600_631L,
                15_020_292L, 15_039_902L, 15_158_245L, 15_158_931L, 15_752_721L);
        assertThat(events).extracting(Event::level).containsExactly(
                Level.INFO, Level.INFO, Level.VERBOSE, Level.INFO, Level.INFO, Level.INFO, Level.INFO,
                Level.INFO, Level.INFO, Level.INFO, Level.INFO, Level.INFO);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.call()).isNull();
            assertThat(e.attributes()).isEmpty();
        });
    }

    /**
     * The round-trip contract for a device log: rendering what was parsed reproduces every event line
     * character for character, except that trailing whitespace is gone and the tag is the inferred source's
     * own tag ([App], [MediaSDK], [CallKit]) instead of [CallKit] everywhere. Comment and blank lines are not
     * events and are not rendered.
     */
    @Test
    void renderOfParsedSeedReproducesItsEventLines() throws IOException {
        List<String> seedLines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
        Timeline t = format.parse(seedLines);

        List<String> eventLines = seedLines.stream().filter(l -> !l.startsWith("//")).toList();
        List<Event> events = t.events();
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            expected.add(eventLines.get(i).stripTrailing()
                    .replace("[CallKit]", "[" + events.get(i).source().logTag() + "]"));
        }
        String rendered = format.render(t);

        assertThat(rendered.lines()).containsExactlyElementsOf(expected);
        assertThat(rendered).endsWith("didDeactivateAudioSession\n");
        assertThat(expected.get(0)).isEqualTo(
                "2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][App] handleIncomingCall");
        assertThat(expected.get(2)).isEqualTo(
                "2018-05-10 20:05:58.726996+0800 BigoOfree[19394:8610627] [V][MediaSDK] prepareSDK");
        assertThat(expected.get(3)).isEqualTo(
                "2018-05-10 20:06:02.327572+0800 BigoOfree[19394:8610627] [I][CallKit] performAnswerCallAction");

        // and the rendered form is a fixed point: parsing it gives the same events again
        assertThat(format.parse(rendered).events()).containsExactlyElementsOf(events);
        assertThat(format.render(format.parse(rendered))).isEqualTo(rendered);
    }

    @Test
    void renderSingleEventHasNoLineBreak() throws IOException {
        Timeline t = format.parse(SEED);
        assertThat(format.render(t.events().get(3), t)).isEqualTo(
                "2018-05-10 20:06:02.327572+0800 BigoOfree[19394:8610627] [I][CallKit] performAnswerCallAction");
    }

    @Test
    void aLaterLineWithAnEarlierTimeKeepsItsLinePositionAndANegativeOffset() {
        Timeline t = format.parse("""
                2018-05-10 20:05:58.640136+0800 BigoOfree[19394:1] [I][CallKit] handleIncomingCall
                2018-05-10 20:05:58.640000+0800 BigoOfree[19394:1] [I][CallKit] prepareSDK
                2018-05-10 12:05:59.000000+0000 BigoOfree[19394:1] [I][CallKit] startAudio
                """);
        assertThat(t.events()).extracting(Event::name).containsExactly("handleIncomingCall", "prepareSDK", "startAudio");
        assertThat(t.events()).extracting(Event::micros).containsExactly(0L, -136L, 359_864L);
        assertThat(t.events()).extracting(Event::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void inputWithoutEventsIsAnEmptyTimeline() {
        Timeline t = format.parse("// nothing here\n\n   \n");
        assertThat(t.events()).isEmpty();
        assertThat(t.originWall()).isEqualTo(Instant.EPOCH);
        assertThat(format.render(t)).isEmpty();
    }
}
