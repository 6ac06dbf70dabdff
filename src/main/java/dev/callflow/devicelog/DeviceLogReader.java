package dev.callflow.devicelog;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.LogParseException;
import dev.callflow.timeline.Source;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a device log as teams paste it into timeline events. Per line it finds the shape (a paste may mix them),
 * attaches continuation lines to the record above, recognises each record with a {@link Recogniser} and keeps the
 * record's first line number as the event attribute {@code line}.
 * <p>
 * Shapes are tried in this order: NSLog with zone (the harness's format), NSLog without zone, {@code log show},
 * Console export (tab-separated), NSLog without process, and a bare line without timestamp.
 * <p>
 * A line continues the record above when it is indented, starts with a closing bracket, {@code ***} or a stack
 * frame, or when the record above still has an open {@code {}, {@code (} or {@code [}. Timestamps are optional:
 * events keep line order; an event without a time reuses the previous one; a time without a date takes the
 * previous date; a time without a zone takes the last zone seen (UTC before any). Micros count from the first
 * timestamp. Blank lines, {@code //} comments and {@code log show} headers are skipped. A line that starts like a
 * timestamp but is not one, or holds control characters, is reported as a problem with its number and skipped.
 * <p>
 * Not thread-safe; cheap to create, one per thread.
 */
public final class DeviceLogReader {
    private static final Set<String> SYSTEM_PROCESSES = Set.of("callservicesd", "mediaserverd", "audiomxd",
            "apsd", "kernel", "SpringBoard", "InCallService", "CommCenter", "runningboardd", "symptomsd");

    private final Recogniser recogniser;

    public DeviceLogReader(Recogniser recogniser) {
        this.recogniser = recogniser;
    }

    public Recogniser recogniser() {
        return recogniser;
    }

    /**
     * Reads a log file. Decoding and splitting lines runs on a second thread, a batch ahead of the parsing, so a log of
     * millions of lines costs little more than its parsing.
     */
    public DeviceLog read(Path file) throws IOException {
        BlockingQueue<List<String>> batches = new ArrayBlockingQueue<>(8);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread decoder = new Thread(() -> decode(file, batches, failure, abandoned), "callflow-log-decoder");
        decoder.setDaemon(true);
        decoder.start();
        Run run = new Run();
        try {
            for (List<String> batch = take(batches); !batch.isEmpty(); batch = take(batches)) {
                batch.forEach(run::line);
            }
        } finally {
            abandoned.set(true);
            batches.clear();
        }
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        }
        if (t != null) {
            throw new IOException("Reading " + file + " failed: " + t, t);
        }
        return run.finish();
    }

    private static final int BATCH = 4096;

    /** Puts the file's lines in batches, then an empty batch for the end (also after a failure). */
    private static void decode(Path file, BlockingQueue<List<String>> batches, AtomicReference<Throwable> failure,
                               AtomicBoolean abandoned) {
        // Bytes that are not UTF-8 become U+FFFD, and their line is reported and skipped like any unreadable line.
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), utf8), 1 << 16)) {
            List<String> batch = new ArrayList<>(BATCH);
            String line;
            while ((line = in.readLine()) != null && !abandoned.get()) {
                batch.add(line);
                if (batch.size() == BATCH) {
                    offer(batches, batch, abandoned);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                offer(batches, batch, abandoned);
            }
        } catch (IOException | RuntimeException e) {
            failure.set(e);
        } finally {
            offer(batches, List.of(), abandoned);
        }
    }

    private static void offer(BlockingQueue<List<String>> batches, List<String> batch, AtomicBoolean abandoned) {
        try {
            while (!abandoned.get() && !batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the parser is behind; keep the batch until it has room, or stop when it has given up
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> take(BlockingQueue<List<String>> batches) throws IOException {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading a device log");
        }
    }

    public DeviceLog read(List<String> lines) {
        Run run = new Run();
        lines.forEach(run::line);
        return run.finish();
    }

    public DeviceLog read(String text) {
        return read(text.lines().toList());
    }

    /** One pass over one log. */
    private final class Run implements Recogniser.Sink {
        private final Timestamps timestamps = new Timestamps();
        private final LineShape[] shapes = {NsLogShape.withZone(timestamps), NsLogShape.withoutZone(timestamps),
                new LogShowShape(timestamps), new ConsoleExportShape(timestamps), new NsLogNoProcessShape(timestamps),
                new BareShape()};
        private final int[] shapeCounts = new int[shapes.length];
        private final Recogniser.Scan scan = recogniser.newScan();
        private final RawLine raw = new RawLine();
        private final List<Event> events = new ArrayList<>();
        private final List<LogParseException> problems = new ArrayList<>();
        private int n;

        // the record being read: its first line's fields and its text so far
        private boolean pending;
        private int recordLine;
        private String recordText;
        private StringBuilder continuation;
        private Level recordLevel;
        private String recordTag;
        private long recordThread;
        private boolean recordSystem;
        private long recordMicros;

        // the clock: last date, zone and time seen
        private boolean anyTime;
        private long originMicros;
        private long lastEpochMicros;
        private long lastDayMicros;
        private int lastOffset;
        private String lastLineText;
        private Event lastEvent;

        void line(String line) {
            n++;
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            int end = line.length();
            while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                end--;
            }
            if (end == 0 || skipped(line, end)) {
                return;
            }
            int bad = control(line, end);
            if (bad >= 0) {
                problems.add(new LogParseException(n, line, bad + 1, line.charAt(bad) == '\uFFFD'
                        ? "UTF-8 text (bytes that are not UTF-8 are there; save the log as UTF-8)"
                        : "printable text (a control character is there)"));
                return;
            }
            if (pending && continues(line, end)) {
                if (continuation == null) {
                    continuation = new StringBuilder(recordText);
                }
                int from = 0;
                while (from < end && Character.isWhitespace(line.charAt(from))) {
                    from++;
                }
                continuation.append('\n').append(line, from, end);
                return;
            }
            int start = 0;
            while (start < end && Character.isWhitespace(line.charAt(start))) {
                start++;
            }
            if (start > 0) {
                line = line.substring(start, end);
                end = line.length();
            }
            for (int s = 0; s < shapes.length; s++) {
                raw.reset();
                if (s == shapes.length - 1 && Timestamps.looksLikeTimestamp(line, end)) {
                    int at = timestamps.dateTime(line, 0, end, raw);
                    problems.add(new LogParseException(n, line, 1, (at == Timestamps.INVALID ? "a valid timestamp like "
                            : "a timestamp like ") + Timestamps.EXAMPLE + " and then a message"));
                    return;
                }
                if (shapes[s].read(line, end, raw)) {
                    shapeCounts[s]++;
                    raw.shape = shapes[s].name();
                    begin(line, end);
                    return;
                }
            }
        }

        private void begin(String line, int end) {
            flush();
            pending = true;
            recordLine = n;
            recordText = raw.messageStart == 0 && end == line.length() ? line : line.substring(raw.messageStart, end);
            lastLineText = recordText;
            continuation = null;
            recordLevel = raw.level;
            recordTag = raw.tag;
            recordThread = raw.thread;
            recordSystem = raw.process != null && SYSTEM_PROCESSES.contains(raw.process);
            if (raw.hasTime) {
                long local = raw.localMicros;
                if (raw.timeOnly) {
                    local += lastDayMicros;
                } else {
                    lastDayMicros = Math.floorDiv(local, 86_400_000_000L) * 86_400_000_000L;
                }
                if (raw.hasOffset) {
                    lastOffset = raw.offsetSeconds;
                }
                long epoch = local - lastOffset * 1_000_000L;
                if (!anyTime) {
                    anyTime = true;
                    originMicros = epoch;
                }
                lastEpochMicros = epoch;
            }
            recordMicros = anyTime ? lastEpochMicros - originMicros : 0;
        }

        private void flush() {
            if (!pending) {
                return;
            }
            pending = false;
            String text = continuation == null ? recordText : continuation.toString();
            scan.recognise(text, recordLevel, recordTag, recordSystem, this);
        }

        @Override
        public void event(String name, Source source, Level level, UUID call, Map<String, String> attributes) {
            if (name.equals("pushNotReported") && lastEvent != null && lastEvent.is("pushNotReported")
                    && (call == null || lastEvent.call() == null || call.equals(lastEvent.call()))) {
                return; // PushKit's message and the exception that repeats it are one kill
            }
            attributes.put(DeviceLog.LINE, Integer.toString(recordLine));
            lastEvent = new Event(events.size() + 1L, recordMicros, source, level, name, call, recordThread, attributes);
            events.add(lastEvent);
        }

        /** Whether this line continues the pending record rather than starting one. */
        private boolean continues(String line, int end) {
            char c = line.charAt(0);
            if (c == ' ' || c == '\t') {
                return true;
            }
            if (c == '}' || c == ')' || c == ']' || line.startsWith("***") || line.startsWith("(0x")) {
                return true;
            }
            if (Timestamps.isDigit(c)) {
                if (Timestamps.looksLikeTimestamp(line, end)) {
                    return false;
                }
                if (stackFrame(line, end)) {
                    return true;
                }
            }
            if (line.indexOf('\t') >= 0) {
                return false; // a Console export row starts with its level word
            }
            return open(continuation != null ? continuation : lastLineText);
        }

        private DeviceLog finish() {
            flush();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int s = 0; s < shapes.length; s++) {
                if (shapeCounts[s] > 0) {
                    counts.put(shapes[s].name(), shapeCounts[s]);
                }
            }
            return new DeviceLog(events, problems, n, counts);
        }
    }

    /** {@code 0   CoreFoundation   0x00000001a2b3c4d5 __exceptionPreprocess + 164} */
    private static boolean stackFrame(String line, int end) {
        int i = 0;
        while (i < end && Timestamps.isDigit(line.charAt(i))) {
            i++;
        }
        return i > 0 && i < end && line.charAt(i) == ' ' && line.indexOf(" 0x", i) > 0;
    }

    /** Whether the text opens more brackets than it closes, so the record goes on. */
    private static boolean open(CharSequence text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            }
        }
        return depth > 0;
    }

    private static boolean skipped(String line, int end) {
        int i = 0;
        while (i < end && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (line.startsWith("//", i)) {
            return true;
        }
        if (line.startsWith("Timestamp", i) && line.contains("Thread") && line.contains("Type")) {
            return true; // the log show header
        }
        if (line.startsWith("Filtering the log data") || line.startsWith("Skipping info and debug messages")) {
            return true;
        }
        char c = line.charAt(i);
        if (c == '-' || c == '=') {
            for (int k = i; k < end; k++) {
                if (line.charAt(k) != c) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The index of the first control character other than a tab, or of an undecodable byte (U+FFFD), or -1. */
    private static int control(String line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (c < ' ' && c != '\t' || c == 0x7F || c == '\uFFFD') {
                return i;
            }
        }
        return -1;
    }
}
