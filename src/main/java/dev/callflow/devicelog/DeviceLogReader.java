package dev.callflow.devicelog;

import dev.callflow.timeline.Event;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.LogParseException;
import dev.callflow.timeline.Source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a device log as teams paste it into timeline events. Per line it finds the shape (a paste may mix them),
 * attaches continuation lines to the record above, recognises each record with a {@link Recogniser} and keeps the
 * record's first line number as the event attribute {@code line}.
 * <p>
 * Shapes are tried in this order: NSLog with zone (the harness's format), {@code log}'s syslog and compact styles,
 * NSLog without zone, {@code log show}, Console export (tab-separated), NSLog without process name, NSLog without
 * process, syslog ({@code idevicesyslog}), liblinphone's logger, a NativeScript / React Native / Flutter console
 * prefix, and a bare line without timestamp.
 * <p>
 * A line continues the record above when it is indented (but not Metro's {@code  LOG  }), is a liblinphone line
 * whose message starts with a tab, starts with a closing bracket, {@code ***} or a stack frame, or when the record
 * above still has an open {@code {}, {@code (} or {@code [} (unless it starts like a syslog line). A line longer than
 * {@link #MAX_LINE_CHARS} is read cut there, and listed. Timestamps are optional:
 * events keep line order; an event without a time reuses the previous one; a time without a date takes the
 * previous date; a time without a zone takes the last zone seen (UTC before any). Micros count from the first
 * timestamp. Blank lines, {@code //} comments and {@code log show} headers are skipped. A line that starts like a
 * timestamp but is not one, or holds control characters, is reported as a problem with its number and skipped.
 * <p>
 * Each read keeps its own state, so one reader serves any number of threads; a large log is parsed in segments on all
 * cores, cut only where a record starts with a full date, time and zone, and joined as one pass would have read it.
 */
public final class DeviceLogReader {
    private static final Set<String> SYSTEM_PROCESSES = Set.of("callservicesd", "mediaserverd", "audiomxd",
            "apsd", "kernel", "SpringBoard", "InCallService", "CommCenter", "runningboardd", "symptomsd");

    private final Recogniser recogniser;
    /** Characters read to tell whether a record's brackets are still open, over every read (see the tests). */
    private final java.util.concurrent.atomic.LongAdder bracketChars = new java.util.concurrent.atomic.LongAdder();

    public DeviceLogReader(Recogniser recogniser) {
        this(recogniser, SEGMENT_LINES, Runtime.getRuntime().availableProcessors());
    }

    /** For tests: segments of at least {@code segmentLines} lines, parsed on {@code threads} threads (1: one pass). */
    DeviceLogReader(Recogniser recogniser, int segmentLines, int threads) {
        this.recogniser = recogniser;
        this.segmentLines = segmentLines;
        this.threads = threads;
    }

    public Recogniser recogniser() {
        return recogniser;
    }

    /** Characters read so far to follow open brackets across continuation lines: linear in the log's size. */
    long bracketCharsScanned() {
        return bracketChars.sum();
    }

    /**
     * Reads a log file (gzip-compressed or not, UTF-8 or UTF-16 with a byte-order mark); bytes that are not UTF-8 cost
     * only their line (reported, skipped).
     *
     * @throws TextFiles.NotText naming what the file is when it is no text log (a directory, a binary file, ...)
     */
    public DeviceLog read(Path file) throws IOException {
        try (java.io.Reader in = TextFiles.open(file)) {
            return read(in);
        }
    }

    /** Reads a log's text from a reader (check-log's standard input); the caller closes it. */
    public DeviceLog read(java.io.Reader in) throws IOException {
        return read(new CappedLines(in, MAX_LINE_CHARS)::next);
    }

    public DeviceLog read(List<String> lines) {
        Iterator<String> it = lines.iterator();
        try {
            return read(() -> it.hasNext() ? it.next() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line, or {@code null} at the end. */
    private interface LineSource {
        String next() throws IOException;
    }

    /**
     * Reads lines into segments of at least {@code segmentLines}, each cut at a line that starts a record with a full
     * date, time and zone (where nothing before it can change how it and the lines after it read). Segments are parsed
     * on {@code threads} worker threads while this thread reads on, then joined; the result is the same as one pass line
     * by line. A log of one segment is parsed on this thread, and so is one with no such line in its first two
     * segments' worth, as it is read (holding no lines).
     */
    private DeviceLog read(LineSource source) throws IOException {
        ArrayDeque<Future<Run>> inFlight = new ArrayDeque<>();
        List<Run> done = new ArrayList<>();
        ExecutorService pool = null;
        Timestamps timestamps = new Timestamps();
        LineShape[] dated = {NsLogShape.withZone(timestamps), NsLogShape.withoutZone(timestamps),
                new LogShowShape(timestamps), new ConsoleExportShape(timestamps), new NsLogNoProcessShape(timestamps)};
        RawLine raw = new RawLine();
        Run single = null;
        List<String> segment = new ArrayList<>();
        int segmentStart = 0;
        int count = 0;
        try {
            for (String line = source.next(); line != null; line = source.next(), count++) {
                if (single != null) {
                    single.line(line);
                    continue;
                }
                if (pool == null && segment.size() >= 2 * segmentLines) {
                    // no clean cut in sight: read the rest in one pass as it comes rather than hold it all
                    single = new Run(0);
                    segment.forEach(single::line);
                    segment = null;
                    single.line(line);
                    continue;
                }
                if (threads > 1 && segment.size() >= segmentLines && cleanRecordStart(line, dated, raw)) {
                    if (pool == null) {
                        pool = Executors.newFixedThreadPool(threads, r -> {
                            Thread t = new Thread(r, "callflow-log-parser");
                            t.setDaemon(true);
                            return t;
                        });
                    }
                    inFlight.add(pool.submit(parse(segmentStart, segment)));
                    while (inFlight.size() > threads) {
                        done.add(await(inFlight.poll())); // the parsers are behind: hold the reading, not the lines
                    }
                    segment = new ArrayList<>();
                    segmentStart = count;
                }
                segment.add(line);
            }
            if (single != null) {
                return single.finish();
            }
            if (pool == null) {
                Run run = new Run(0);
                segment.forEach(run::line);
                return run.finish();
            }
            inFlight.add(pool.submit(parse(segmentStart, segment)));
            while (!inFlight.isEmpty()) {
                done.add(await(inFlight.poll()));
            }
            return join(done, count);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private Callable<Run> parse(int firstLine, List<String> lines) {
        return () -> {
            Run run = new Run(firstLine);
            lines.forEach(run::line);
            run.end();
            return run;
        };
    }

    private static Run await(Future<Run> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing a device log", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("parsing a device log failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * A record stops growing at this many lines or characters (a bracket that never closes would swallow the rest of
     * the log into one record): the line that would pass the cap is reported and read on its own.
     */
    static final int MAX_RECORD_LINES = 4096;
    static final int MAX_RECORD_CHARS = 64 * 1024;
    /** A longer line is read cut to this many characters (a file is never read into memory past it), and reported. */
    static final int MAX_LINE_CHARS = MAX_RECORD_CHARS;

    /** Logs shorter than this are parsed in one pass on the calling thread; longer ones in segments of this many lines. */
    static final int SEGMENT_LINES = 25_000;

    private final int segmentLines;
    private final int threads;

    /**
     * A line that the first shape to read it (in a run's order: NSLog, {@code log show}, ...) reads with a full date,
     * time and UTC offset, with no leading space: it can continue no record, and it sets the whole clock (day, zone)
     * itself, so a chunk may start there.
     */
    private static boolean cleanRecordStart(String line, LineShape[] dated, RawLine raw) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        if (end == 0 || !Timestamps.isDigit(line.charAt(0)) || !Timestamps.looksLikeTimestamp(line, end)
                || skipped(line, end) || control(line, end) >= 0) {
            return false;
        }
        for (LineShape shape : dated) {
            raw.reset();
            if (shape.read(line, end, raw)) {
                return raw.hasTime && !raw.timeOnly && raw.hasOffset;
            }
        }
        return false;
    }

    /** Joins chunk runs as one run over the whole log would have: one clock origin, seq from 1, a kill counted once. */
    private static DeviceLog join(List<Run> runs, int lines) {
        long origin = runs.stream().filter(r -> r.anyTime).mapToLong(r -> r.originMicros).findFirst().orElse(0);
        List<Event> events = new ArrayList<>(runs.stream().mapToInt(r -> r.events.size()).sum());
        List<LogParseException> problems = new ArrayList<>();
        int unreadable = 0;
        Map<String, Integer> shapes = new LinkedHashMap<>();
        for (Run run : runs) {
            long shift = run.anyTime ? run.originMicros - origin : 0;
            for (Event e : run.events) {
                Event last = events.isEmpty() ? null : events.get(events.size() - 1);
                if (repeatsKill(last, e.name(), e.call())) { // here, not per run: a run cut before a kill knows not
                    // which kill came before it
                    continue;
                }
                if (e == run.events.get(0) && last != null && collapsible(last.name(), last.attributes())
                        && collapsible(e.name(), e.attributes()) && sameRun(last.call(), last.source(), e.call(), e.source())) {
                    events.set(events.size() - 1, withRecords(last, records(last) + records(e),
                            e.source() == Source.APP ? e.source() : last.source()));
                    continue;
                }
                events.add(e.seq() == events.size() + 1L && shift == 0 ? e : new Event(events.size() + 1L,
                        e.micros() + shift, e.source(), e.level(), e.name(), e.call(), e.thread(), e.attributes()));
            }
            run.problems.stream().limit(DeviceLog.PROBLEMS_KEPT - problems.size()).forEach(problems::add);
            unreadable += run.unreadable;
            for (int s = 0; s < run.shapes.length; s++) {
                if (run.shapeCounts[s] > 0) {
                    shapes.merge(run.shapes[s].name(), run.shapeCounts[s], Integer::sum);
                }
            }
        }
        return new DeviceLog(events, problems, unreadable, lines, shapes);
    }

    private static final String TEXT = "text";

    /**
     * Whether an event is a {@code log} record that may be counted in a run of them rather than kept on its own: one
     * that does not mention {@code 0xbaadca11} in any case or word (R-PUSH-7 reads every event's text for it). A long
     * log is mostly such chatter: one event per run of it keeps the timeline's memory to what the rules read.
     */
    static boolean collapsible(String name, Map<String, String> attributes) {
        if (!name.equals(Recogniser.LOG)) {
            return false;
        }
        String text = attributes.get(TEXT);
        return text == null || !mentionsBaadCall(text);
    }

    /**
     * Whether a collapsible record joins the run before it. Records that name no call join any such run, which is
     * then from the app if any of its records is. Records that name a call join only a run of the same call from the
     * same source: a rule asking whether a call (or a source) shows anything between two other events gets the same
     * answer from the run's one event as from its records (rules read neither the time, the thread nor the level of a
     * {@code log} event, and the text only for 0xbaadca11, which is never collapsed).
     */
    static boolean sameRun(UUID runCall, Source runSource, UUID call, Source source) {
        return java.util.Objects.equals(runCall, call) && (call == null || runSource == source);
    }

    private static boolean mentionsBaadCall(String text) {
        String needle = "0xbaadca11";
        for (int i = text.indexOf('0'); i >= 0 && i + needle.length() <= text.length(); i = text.indexOf('0', i + 1)) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    private static int records(Event log) {
        return log.attribute(DeviceLog.RECORDS).map(Integer::parseInt).orElse(1);
    }

    private static Event withRecords(Event log, int records, Source source) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(TEXT, log.attributes().get(TEXT));
        attributes.put(DeviceLog.RECORDS, Integer.toString(records));
        attributes.put(DeviceLog.LINE, log.attributes().get(DeviceLog.LINE));
        return new Event(log.seq(), log.micros(), source, log.level(), log.name(), log.call(), log.thread(), attributes);
    }

    /** PushKit's message and the exception that repeats it are one kill. */
    private static boolean repeatsKill(Event last, String name, UUID call) {
        return name.equals(EventKind.PUSH_NOT_REPORTED.wireName()) && last != null && last.is(EventKind.PUSH_NOT_REPORTED)
                && (call == null || last.call() == null || call.equals(last.call()));
    }

    public DeviceLog read(String text) {
        return read(text.lines().toList());
    }

    /** One pass over one log. */
    private final class Run implements Recogniser.Sink {
        private final Timestamps timestamps = new Timestamps();
        private final LineShape[] shapes = {NsLogShape.withZone(timestamps), LogStyleShape.syslog(timestamps),
                LogStyleShape.compact(timestamps), NsLogShape.withoutZone(timestamps),
                new LogShowShape(timestamps), new ConsoleExportShape(timestamps), new NsLogNoNameShape(timestamps),
                new NsLogNoProcessShape(timestamps), new SyslogShape(timestamps), new LinphoneShape(), new ConsolePrefixShape(),
                new BareShape()};
        private final int[] shapeCounts = new int[shapes.length];
        private final Recogniser.Scan scan = recogniser.newScan();
        private final RawLine raw = new RawLine();
        private final List<Event> events = new ArrayList<>();
        private final List<LogParseException> problems = new ArrayList<>();
        private int unreadable;
        private int n;

        /** A run over the lines from index {@code firstLine} on: line numbers count from there. */
        Run(int firstLine) {
            this.n = firstLine;
        }

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
        /** Open brackets less closed ones in the record so far, its lines and characters (capped). */
        private int depth;
        private int recordLines;
        private int recordChars;
        /** Characters scanned for brackets, added to the reader's count when the run ends. */
        private long scanned;

        // the run of collapsible log records not yet on the timeline: its first record's fields, and how many (its
        // source is the app's if any of them is)
        private int logRecords;
        private int logLine;
        private long logMicros;
        private Source logSource;
        private UUID logCall;
        private Level logLevel;
        private long logThread;
        private String logText;

        void line(String line) {
            n++;
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.length() > MAX_LINE_CHARS) {
                problem(line, 1, "a line of at most " + MAX_LINE_CHARS + " characters (this one is longer: its first "
                        + MAX_LINE_CHARS + " are read, the rest is skipped)");
                line = line.substring(0, MAX_LINE_CHARS);
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
                problem(line, bad + 1, line.charAt(bad) == '\uFFFD'
                        ? "UTF-8 text (bytes that are not UTF-8 are there; save the log as UTF-8)"
                        : "printable text (a control character is there)");
                return;
            }
            if (pending && continues(line, end)) {
                int from = 0;
                while (from < end && Character.isWhitespace(line.charAt(from))) {
                    from++;
                }
                if (recordLines < MAX_RECORD_LINES && recordChars + 1 + end - from <= MAX_RECORD_CHARS) {
                    if (continuation == null) {
                        continuation = new StringBuilder(recordText);
                    }
                    continuation.append('\n').append(line, from, end);
                    depth += depth(line, from, end);
                    recordLines++;
                    recordChars += 1 + end - from;
                    return;
                }
                problem(line, 1, "a record of at most " + MAX_RECORD_LINES
                        + " lines and " + MAX_RECORD_CHARS / 1024 + " KiB (the record from line " + recordLine
                        + " was cut before this line, which is read on its own)");
                flush();
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
                    problem(line, 1, (at == Timestamps.INVALID ? "a valid timestamp like "
                            : "a timestamp like ") + Timestamps.EXAMPLE + " and then a message");
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

        /**
         * Line {@code n} is unreadable: counted, and kept with what was expected where while few are, its text cut
         * (but not before the column where it broke).
         */
        private void problem(String line, int column, String expected) {
            unreadable++;
            if (problems.size() < DeviceLog.PROBLEMS_KEPT) {
                int keep = Math.max(DeviceLog.PROBLEM_TEXT_KEPT, column + 64);
                problems.add(new LogParseException(n, line.length() > keep ? line.substring(0, keep) : line, column,
                        expected));
            }
        }

        private void begin(String line, int end) {
            flush();
            pending = true;
            recordLine = n;
            recordText = raw.messageStart == 0 && end == line.length() ? line : line.substring(raw.messageStart, end);
            continuation = null;
            depth = depth(recordText, 0, recordText.length());
            recordLines = 1;
            recordChars = recordText.length();
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
            if (name.equals(Recogniser.LOG)) {
                attributes.remove(DeviceLog.RECORDS); // the reader's count of this log's lines; a line's own is not it
            }
            if (collapsible(name, attributes)) {
                if (logRecords > 0 && sameRun(logCall, logSource, call, source)) {
                    logRecords++;
                    logSource = source == Source.APP ? source : logSource;
                    return;
                }
                endLogRun();
                logRecords = 1;
                logLine = recordLine;
                logMicros = recordMicros;
                logSource = source;
                logCall = call;
                logLevel = level;
                logThread = recordThread;
                logText = attributes.get(TEXT);
                return;
            }
            endLogRun();
            attributes.put(DeviceLog.LINE, Integer.toString(recordLine));
            events.add(new Event(events.size() + 1L, recordMicros, source, level, name, call, recordThread, attributes));
        }

        /** The run of collapsible {@code log} records so far becomes one event that counts them. */
        private void endLogRun() {
            if (logRecords == 0) {
                return;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(TEXT, logText);
            if (logRecords > 1) {
                attributes.put(DeviceLog.RECORDS, Integer.toString(logRecords));
            }
            attributes.put(DeviceLog.LINE, Integer.toString(logLine));
            logRecords = 0;
            logText = null;
            events.add(new Event(events.size() + 1L, logMicros, logSource, logLevel, Recogniser.LOG, logCall, logThread,
                    attributes));
        }

        /** The end of this run's lines: the last record and log run recognised, the work counted. */
        void end() {
            flush();
            endLogRun();
            bracketChars.add(scanned);
            scanned = 0;
        }

        /** Brackets {@code text[from, to)} opens less those it closes: the record goes on while its sum is positive. */
        private int depth(String text, int from, int to) {
            scanned += to - from;
            int d = 0;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '{' || c == '(' || c == '[') {
                    d++;
                } else if (c == '}' || c == ')' || c == ']') {
                    d--;
                }
            }
            return d;
        }

        /** Whether this line continues the pending record rather than starting one. */
        private boolean continues(String line, int end) {
            if (ConsolePrefixShape.startsRecord(line, end) || LinphoneShape.continues(line, end)) {
                return !ConsolePrefixShape.startsRecord(line, end); // Metro's " LOG  ", liblinphone's tab dumps
            }
            char c = line.charAt(0);
            if (c == ' ' || c == '\t') {
                return true;
            }
            if (SyslogShape.startsRecord(line, end)) {
                return false;
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
            return depth > 0;
        }

        private DeviceLog finish() {
            end();
            return join(List.of(this), n); // one run joined alone: repeated kills dropped as a segmented read drops them
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


    private static boolean skipped(String line, int end) {
        int i = 0;
        while (i < end && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (line.startsWith("//", i)) {
            return true;
        }
        if (line.startsWith("Timestamp", i) && (line.contains("Thread") && line.contains("Type")
                || line.contains(" Ty ") && line.contains("Process["))) {
            return true; // the log show header, and its compact style's
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
