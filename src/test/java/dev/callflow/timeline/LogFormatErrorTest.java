package dev.callflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogFormatErrorTest {

    static final String GOOD = "2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][CallKit] handleIncomingCall";
    final LogFormat format = LogFormat.standard();

    /** Parses a comment, a good line, then {@code bad} as line 3. */
    private LogParseException failOnLine3(String bad) {
        LogParseException e = catchThrowableOfType(LogParseException.class,
                () -> format.parse(List.of("// 来电", GOOD, bad)));
        assertThat(e).as("parsing %s", bad).isNotNull().isInstanceOf(IllegalArgumentException.class);
        assertThat(e.lineNumber()).isEqualTo(3);
        assertThat(e.line()).isEqualTo(bad);
        assertThat(e.getMessage()).startsWith("line 3: expected ");
        return e;
    }

    @Test
    void badTimestamp() {
        LogParseException e = failOnLine3("20180510 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][CallKit] x");
        assertThat(e.getMessage()).isEqualTo(
                "line 3: expected a timestamp like 2018-05-10 20:05:58.640136+0800 at column 1, found \"20180510 ...\"");
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void timestampWithImpossibleValues() {
        assertThat(failOnLine3("2018-13-10 20:05:58.640136+0800 BigoOfree[19394:1] [I][CallKit] x").getMessage())
                .startsWith("line 3: expected a valid timestamp like 2018-05-10 20:05:58.640136+0800 at column 1,"
                        + " found \"2018-13-10 ...\" (")
                .contains("MonthOfYear");
        assertThat(failOnLine3("2018-05-10 24:05:58.640136+0800 BigoOfree[19394:1] [I][CallKit] x").getMessage())
                .contains("HourOfDay");
        assertThat(failOnLine3("2018-05-10 20:05:58.640136+2500 BigoOfree[19394:1] [I][CallKit] x").getMessage())
                .contains("valid timestamp");
        assertThat(failOnLine3("2018-05-10 20:05:58.64+0800 BigoOfree[19394:1] [I][CallKit] x").getMessage())
                .contains("expected a timestamp like");
    }

    @Test
    void missingPidAndThread() {
        LogParseException e = failOnLine3("2018-05-10 20:05:58.640136+0800 BigoOfree [I][CallKit] handleIncomingCall");
        assertThat(e.getMessage()).isEqualTo(
                "line 3: expected [<pid>:<thread>] like [19394:8610838] at column 43, found \"[I][CallKit] ...\"");
        assertThat(failOnLine3("2018-05-10 20:05:58.640136+0800 BigoOfree handleIncomingCall").getMessage())
                .isEqualTo("line 3: expected <process>[<pid>:<thread>] like BigoOfree[19394:8610838] at column 33,"
                        + " found \"BigoOfree ...\"");
        assertThat(failOnLine3("2018-05-10 20:05:58.640136+0800 BigoOfree[19394] [I][CallKit] x").getMessage())
                .contains("expected [<pid>:<thread>] like [19394:8610838] at column 42");
    }

    @Test
    void missingLevelAndTag() {
        LogParseException e = failOnLine3("2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] handleIncomingCall");
        assertThat(e.getMessage()).isEqualTo(
                "line 3: expected [<level>][<tag>] like [I][CallKit] at column 58, found \"handleIncomingCall\"");
        assertThat(failOnLine3("2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I] handleIncomingCall")
                .getMessage()).contains("expected [<tag>] like [CallKit] at column 61");
    }

    @Test
    void unknownLevelLetter() {
        LogParseException e = failOnLine3("2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [X][CallKit] x");
        assertThat(e.getMessage()).isEqualTo(
                "line 3: expected a level letter V, D, I, W or E at column 59, found \"X][CallKit] ...\"");
    }

    @Test
    void badCallUuid() {
        LogParseException e = failOnLine3(GOOD + " call=1-2-3-4-5 k=v");
        assertThat(e.getMessage()).isEqualTo(
                "line 3: expected a call UUID like 123e4567-e89b-12d3-a456-426614174000 at column 95,"
                        + " found \"1-2-3-4-5 ...\"");
    }

    @Test
    void unterminatedQuote() {
        LogParseException e = failOnLine3(GOOD + " reason=\"busy here");
        assertThat(e.getMessage()).isEqualTo(
                "line 3: expected a closing \" for the quoted string at column 97, found \"\"busy ...\"");
    }

    @Test
    void otherAttributeMistakes() {
        assertThat(failOnLine3(GOOD + " lonely").getMessage()).contains("expected an attribute key=value at column 90");
        assertThat(failOnLine3(GOOD + " k=\"bad \\q escape\"").getMessage()).contains("expected an escape");
        assertThat(failOnLine3(GOOD + " k=\"v\"x").getMessage()).contains("a space after the closing quote");
        assertThat(failOnLine3(GOOD + " k=1 k=2").getMessage()).contains("\"k\" repeats");
        assertThat(failOnLine3(GOOD.replace("19394", "4242")).getMessage())
                .isEqualTo("line 3: expected the process BigoOfree[19394:<thread>] of line 2 at column 33,"
                        + " found \"BigoOfree[4242:8610838] ...\"");
    }

    @Test
    void lenientModeKeepsGoodLinesAndNumbersTheBadOnes() {
        List<String> lines = List.of(
                "// 来电",
                GOOD,
                "garbage",
                "",
                GOOD.replace("handleIncomingCall", "prepareSDK"),
                GOOD.replace("[I]", "[Q]"),
                GOOD.replace("handleIncomingCall", "performAnswerCallAction call=") + " ",
                GOOD.replace("handleIncomingCall", "startAudio"));

        ParseResult r = format.parseLenient(lines);

        assertThat(r.clean()).isFalse();
        assertThat(r.timeline().events()).extracting(Event::name)
                .containsExactly("handleIncomingCall", "prepareSDK", "startAudio");
        assertThat(r.timeline().events()).extracting(Event::seq).containsExactly(1L, 2L, 3L);
        assertThat(r.problems()).extracting(LogParseException::lineNumber).containsExactly(3, 6, 7);
        assertThat(r.problems().get(0).getMessage()).isEqualTo(
                "line 3: expected a timestamp like 2018-05-10 20:05:58.640136+0800 at column 1, found \"garbage\"");
        assertThat(r.problems().get(2).getMessage()).contains("call UUID").endsWith("found end of line");
        assertThat(format.parseLenient(List.of(GOOD)).clean()).isTrue();
    }
}
