package dev.callflow.devicelog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A log's lines are split as BufferedReader splits them, but no line is read into memory past the cap. */
class CappedLinesTest {

    private static List<String> lines(Reader in, int cap) throws IOException {
        CappedLines lines = new CappedLines(in, cap);
        List<String> out = new ArrayList<>();
        for (String l = lines.next(); l != null; l = lines.next()) {
            out.add(l);
        }
        return out;
    }

    private static List<String> bufferedReader(String text) throws IOException {
        return new BufferedReader(new StringReader(text)).lines().toList();
    }

    @Test
    void splitsAsBufferedReaderDoes() throws IOException {
        for (String text : List.of("", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "\n\n", "\r\n\r\n", "a\r\r\nb", "\r")) {
            assertThat(lines(new StringReader(text), 100)).as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(bufferedReader(text));
        }
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(300_000); i > 0; i--) {
                int r = random.nextInt(40);
                b.append(r == 0 ? '\n' : r == 1 ? '\r' : (char) ('a' + r));
            }
            // a reader that hands over odd-sized pieces puts a \r\n across reads
            Reader jagged = new java.io.FilterReader(new StringReader(b.toString())) {
                @Override
                public int read(char[] cbuf, int off, int len) throws IOException {
                    return super.read(cbuf, off, Math.min(len, 1 + random.nextInt(7000)));
                }
            };
            assertThat(lines(jagged, Integer.MAX_VALUE - 1)).isEqualTo(bufferedReader(b.toString()));
        }
    }

    @Test
    void aLongLineIsCutJustPastTheCapAndTheNextLineIsWhole() throws IOException {
        String text = "x".repeat(200_000) + "\r\nnext\n" + "y".repeat(10) + "\n";
        assertThat(lines(new StringReader(text), 1000)).containsExactly("x".repeat(1001), "next", "y".repeat(10));
    }

    /** A file that is one endless line: reading holds the cap, and check-log reports the cut line and reads the rest. */
    @Test
    void aLogWithAHugeLineIsReadWithTheLineCutAndReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge-line.log");
        String head = "2018-05-10 20:05:59.640136+0800 BigoOfree[19394:8610838] payload ";
        Files.writeString(file, "2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][CallKit] handleIncomingCall\n"
                + head + "z".repeat(5_000_000) + "\n"
                + "2018-05-10 20:06:00.640136+0800 BigoOfree[19394:8610838] [I][CallKit] startAudio\n");
        DeviceLog log = new DeviceLogReader(new Recogniser(Logs.SEED)).read(file);
        assertThat(log.lines()).isEqualTo(3);
        assertThat(log.problems()).singleElement().satisfies(p -> {
            assertThat(p.lineNumber()).isEqualTo(2);
            assertThat(p.expected()).contains("a line of at most " + DeviceLogReader.MAX_LINE_CHARS + " characters");
            assertThat(p.line()).hasSize(DeviceLog.PROBLEM_TEXT_KEPT);
        });
        assertThat(Logs.names(log)).containsExactly("handleIncomingCall@1", "log@2", "startAudio@3");
        assertThat(log.events().get(1).attribute("text").orElseThrow())
                .hasSize(DeviceLogReader.MAX_LINE_CHARS - head.length() + "payload ".length());
    }
}
