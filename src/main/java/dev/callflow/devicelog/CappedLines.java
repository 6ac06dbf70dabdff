package dev.callflow.devicelog;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a reader as {@link java.io.BufferedReader#readLine} splits them ({@code \n}, {@code \r} or {@code \r\n}),
 * but a line longer than {@code cap} characters is returned as its first {@code cap + 1} characters and the rest is
 * skipped unread into memory: a log that is one endless line (a binary dump, a payload printed without newlines) costs
 * the cap, not the line.
 */
final class CappedLines {
    private final Reader in;
    private final int cap;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean skipLf;
    /** Where a line longer than the buffer is put together (reused: it never grows past the cap). */
    private final StringBuilder longLine = new StringBuilder();

    CappedLines(Reader in, int cap) {
        this.in = in;
        this.cap = cap;
    }

    /** The next line, at most {@code cap + 1} characters long (longer: it was cut), or {@code null} at the end. */
    String next() throws IOException {
        StringBuilder part = null;
        boolean cut = false;
        while (true) {
            if (pos >= limit && !fill()) {
                return part == null ? null : part.toString(); // a last line without a terminator, or the end
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            boolean ended = pos < limit;
            if (!cut) {
                int room = cap + 1 - (part == null ? 0 : part.length());
                int take = Math.min(room, pos - start);
                if (part == null && ended && take == pos - start) {
                    String line = new String(buf, start, take);
                    end();
                    return line;
                }
                if (part == null) {
                    part = longLine;
                    part.setLength(0);
                }
                part.append(buf, start, take);
                cut = part.length() > cap;
            }
            if (ended) {
                end();
                return part.toString();
            }
        }
    }

    /** Steps over the terminator at {@code pos}; a {@code \r} may be followed by a {@code \n} in the next read. */
    private void end() {
        skipLf = buf[pos] == '\r';
        pos++;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
