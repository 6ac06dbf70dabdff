package dev.callflow.iut.external;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated UTF-8 lines (a {@code \r} before the {@code \n} dropped) holding at most {@code maxBytes}
 * of any one line, so that a writer that never ends its line cannot grow the heap. A line that passes the bound is
 * handed on at once, as its first {@code maxBytes + 1} bytes and marked over-long; the rest of it, up to its
 * {@code \n}, is skipped and only counted.
 */
final class LineReader {
    /** Receives each line; {@code overLong}: the line passed the bound and {@code text} is its first bytes only. */
    @FunctionalInterface
    interface Sink {
        void line(String text, boolean overLong);
    }

    private final InputStream in;
    private final int maxBytes;
    private volatile long skippedBytes;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Bytes of over-long lines that were read past the bound and dropped. */
    long skippedBytes() {
        return skippedBytes;
    }

    /** Reads to the end of the stream; a last line without {@code \n} is handed on too. */
    void readAll(Sink sink) throws IOException {
        byte[] buf = new byte[16 * 1024];
        byte[] line = new byte[Math.min(maxBytes + 1, 64 * 1024)];
        int length = 0;
        boolean skipping = false;
        int n;
        while ((n = in.read(buf)) >= 0) {
            int from = 0;
            while (from <= n) {
                int end = from;
                while (end < n && buf[end] != '\n') {
                    end++;
                }
                if (skipping) {
                    skippedBytes += end - from;
                } else {
                    int take = Math.min(end - from, maxBytes + 1 - length);
                    line = append(line, length, buf, from, take);
                    length += take;
                    if (length > maxBytes) {
                        sink.line(decode(line, length), true);
                        skippedBytes += end - from - take;
                        skipping = true;
                        length = 0;
                    }
                }
                if (end == n) {
                    break;
                }
                if (!skipping) {
                    sink.line(decode(line, length > 0 && line[length - 1] == '\r' ? length - 1 : length), false);
                }
                skipping = false;
                length = 0;
                from = end + 1;
            }
        }
        if (length > 0) {
            sink.line(decode(line, length), false);
        }
    }

    private static byte[] append(byte[] line, int length, byte[] buf, int from, int count) {
        byte[] out = line;
        if (length + count > out.length) {
            out = Arrays.copyOf(out, Math.max(length + count, Math.min(out.length * 2, Integer.MAX_VALUE - 8)));
        }
        System.arraycopy(buf, from, out, length, count);
        return out;
    }

    private static String decode(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
