package dev.callflow.iut.external;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the codec and the line reader refuse or bound (issue 12, rows 3 and 6): each refusal names the message, the
 * field, what was expected and what came; no line is held past 1 MiB, counted in bytes of UTF-8.
 */
class CodecLimitsTest {
    private static final String CALL = "ed7aa169-3c1e-4bd8-9d5a-2f2ba0c3d0a1";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"audioSession\",\"op\":\"setActive\",\"active\":null}|audioSession: \"active\" must be true or false, got null",
        "{\"type\":\"sdk\",\"op\":\"prepareSDK\",\"call\":null}|sdk: \"call\" must be a call UUID, e.g.",
        "{\"type\":\"reportEnded\",\"call\":null,\"reason\":\"failed\"}|reportEnded: \"call\" must be a call UUID, e.g.",
        "{\"type\":\"setTimer\",\"timer\":\"t\",\"afterMs\":-1}|setTimer: \"afterMs\" must be an integer >= 0, got -1",
        "{\"type\":\"idle\",\"seen\":-1}|unknown message type \"idle\"",
    })
    void aFieldOfTheWrongFormIsRefusedNamingMessageFieldExpectedAndGot(String line, String expected) {
        assertThatThrownBy(() -> Codec.parse(line)).isInstanceOf(ProtocolException.class).hasMessageContaining(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"hello\",\"protocol\":\"callflow-iut/2\",\"name\":\"LONG\"}|hello: \"name\" must be at most 256 characters long, got 100000 characters: \"xxx",
        "{\"type\":\"log\",\"event\":\"LONG\"}|log: \"event\" must be at most 256 characters long, got 100000 characters",
        "{\"type\":\"setTimer\",\"timer\":\"LONG\",\"afterMs\":1}|setTimer: \"timer\" must be at most 256 characters long",
        "{\"type\":\"reportIncoming\",\"id\":1,\"call\":\"" + CALL + "\",\"handle\":{\"type\":\"generic\",\"value\":\"LONG\"}}|reportIncoming: \"handle.value\" must be at most 256 characters long",
        "{\"type\":\"log\",\"event\":\"e\",\"attributes\":{\"why\":\"LONG\"}}|log: \"attributes.why\" must be at most 1024 characters long, got 100000",
        "{\"type\":\"http\",\"id\":1,\"method\":\"GET\",\"path\":\"/v1/LONG\"}|http: \"path\" must be at most 2048 characters long, got 100004",
        "{\"type\":\"createProvider\",\"configuration\":{\"localizedName\":\"LONG\"}}|createProvider.configuration: \"localizedName\" must be at most 256 characters long",
    })
    void aStringPastItsLimitIsRefusedSayingBothLengths(String line, String expected) {
        String long100k = "x".repeat(100_000);
        assertThatThrownBy(() -> Codec.parse(line.replace("LONG", long100k))).isInstanceOf(ProtocolException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void stringsUpToTheirLimitsPass() throws ProtocolException {
        Codec.parse("{\"type\":\"log\",\"event\":\"" + "é".repeat(256) + "\",\"attributes\":{\"a\":\"" + "x".repeat(1024) + "\"}}");
        Codec.parse("{\"type\":\"http\",\"id\":1,\"method\":\"GET\",\"path\":\"/v1/" + "p".repeat(2044) + "\"}");
    }

    /** The limit is 1 MiB of UTF-8: 600,000 é are 1.2 MB on the wire though fewer than 1,048,576 characters. */
    @Test
    void theLineLimitCountsBytesNotCharacters() {
        String line = "{\"type\":\"log\",\"event\":\"e\",\"attributes\":{\"a\":\"" + "é".repeat(600_000) + "\"}}";
        assertThat(line.length()).isLessThan(Codec.MAX_LINE_BYTES);
        assertThatThrownBy(() -> Codec.parse(line)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("the line is longer than the protocol's limit of 1 MiB (1048576 bytes of UTF-8)");
    }

    /** A writer that never ends its line: the line is handed on as it passes the limit, without waiting for its end. */
    @Test
    @Timeout(20)
    void aLineThatNeverEndsIsHandedOnAtTheLimit() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        class Enough extends RuntimeException { }
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> IutChannel.readLines(endless, line -> {
            lines.add(line);
            throw new Enough();
        })).isInstanceOf(Enough.class);
        assertThat(lines).singleElement().satisfies(l -> assertThat(l).hasSize(Codec.MAX_LINE_BYTES + 1));
    }

    /** 50 MB in one line, then a short one: the long one is cut past the limit, the rest skipped and counted. */
    @Test
    void theRestOfAnOverLongLineIsSkippedAndTheNextLineRead() throws Exception {
        byte[] big = new byte[50_000_000];
        java.util.Arrays.fill(big, (byte) 'x');
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(big),
                new ByteArrayInputStream("\r\nok\r\nlast".getBytes(StandardCharsets.UTF_8)));
        List<String> lines = new ArrayList<>();
        List<Boolean> overLong = new ArrayList<>();
        LineReader reader = new LineReader(in, 1024);
        reader.readAll((text, over) -> {
            lines.add(text.length() > 20 ? text.length() + " chars" : text);
            overLong.add(over);
        });
        assertThat(lines).containsExactly("1025 chars", "ok", "last");
        assertThat(overLong).containsExactly(true, false, false);
        assertThat(reader.skippedBytes()).isEqualTo(50_000_000 - 1025 + 1); // the \r too
    }
}
