package dev.callflow.devicelog;

import dev.callflow.cli.CallflowCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code check-log} makes of files that are no UTF-8 text log: gzip and UTF-16 with a byte-order mark are read;
 * a directory, a device, UTF-16 without a mark and binary files are usage errors (exit 2) that say what the file is,
 * for a log as for {@code --grammar}; never a stack trace.
 */
class CheckLogFileKindsTest {
    private static final Path R_AUD_2 = Path.of("fixtures/logs/aud2-media-before-did-activate.log");
    private static final String R_AUD_2_LINE = "line 9: startAudio before the system activated the audio session";

    @Test
    void aGzipCompressedLogIsReadAsItsText(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("aud2.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(R_AUD_2));
        }
        Cli r = Cli.run("check-log", gz.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(r.out()).contains(R_AUD_2_LINE).doesNotContain("control character");
    }

    @Test
    void utf16WithAByteOrderMarkIsDecoded(@TempDir Path dir) throws IOException {
        String text = Files.readString(R_AUD_2);
        Path le = Files.write(dir.resolve("le.log"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        Path be = Files.write(dir.resolve("be.log"), text.getBytes(StandardCharsets.UTF_16)); // Java writes a BE mark
        for (Path f : new Path[] {le, be}) {
            Cli r = Cli.run("check-log", f.toString());
            assertThat(r.exit()).as(f + ": " + r.out() + r.err()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
            assertThat(r.out()).contains(R_AUD_2_LINE).doesNotContain("Unreadable lines");
        }
    }

    @Test
    void utf16WithoutAByteOrderMarkIsNamedWithTheCommandToConvertIt(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("export.log"), Files.readString(R_AUD_2).getBytes(StandardCharsets.UTF_16LE));
        Cli r = Cli.run("check-log", f.toString());
        assertThat(r.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(r.out()).contains("UNREADABLE: " + f + " is UTF-16LE text without a byte-order mark")
                .contains("iconv -f UTF-16LE -t UTF-8 " + f).doesNotContain("control character");
    }

    @Test
    void aDirectoryIsNamedAsOne(@TempDir Path dir) {
        Cli r = Cli.run("check-log", dir.toString());
        assertThat(r.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(r.out()).contains("UNREADABLE: " + dir + " is a directory, not a file").doesNotContain("no such file");
    }

    @Test
    void aDeviceIsNotARegularFile() {
        Cli r = Cli.run("check-log", "/dev/null");
        assertThat(r.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(r.out()).contains("UNREADABLE: /dev/null is not a regular file (a device, socket or pipe)");
    }

    @Test
    void aBinaryFileIsNamedAsOne(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("core.log"), new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        Cli r = Cli.run("check-log", f.toString());
        assertThat(r.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(r.out()).contains("UNREADABLE: " + f + " is a binary file (it holds NUL bytes), not a text log");
    }

    @Test
    void aGrammarThatIsADirectoryOrBinaryIsAUsageErrorWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path binary = Files.write(dir.resolve("seed.grammar"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61});
        Cli asDirectory = Cli.run("check-log", "--grammar", dir.toString(), R_AUD_2.toString());
        assertThat(asDirectory.exit()).as(asDirectory.err()).isEqualTo(CallflowCli.USAGE);
        assertThat(asDirectory.err()).contains("--grammar " + dir + " is a directory, not a file").doesNotContain("\tat ");
        Cli asBinary = Cli.run("check-log", "--grammar", binary.toString(), R_AUD_2.toString());
        assertThat(asBinary.exit()).as(asBinary.err()).isEqualTo(CallflowCli.USAGE);
        assertThat(asBinary.err()).contains("--grammar " + binary + " is a binary file (it holds NUL bytes), not a grammar file")
                .doesNotContain("\tat ");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
