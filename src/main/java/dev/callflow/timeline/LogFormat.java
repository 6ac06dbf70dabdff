package dev.callflow.timeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The device-log format of the seed document, one line per event:
 * <pre>
 * 2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][CallKit] handleIncomingCall call=&lt;uuid&gt; key=value ...
 * </pre>
 * i.e. {@code <wall time, µs, with offset> <process>[<pid>:<thread>] [<level letter>][<tag>] <name>}, then an
 * optional {@code call=<uuid>} and the attributes in insertion order. Keys and values are bare, or quoted with
 * backslash escapes when empty or holding whitespace, {@code "}, {@code =} or unprintable characters.
 * <p>
 * Rendering writes each source's own {@link Source#logTag()}. Parsing reads a tag back with
 * {@link Source#fromLogTag}, except {@code CallKit} — the seed writes it on every line, app and SDK alike —
 * and unknown tags, whose source the {@link EventVocabulary} infers from the event name.
 * <p>
 * Round trip: {@code parse(render(t))} gives back every event's seq, source, level, name, call, thread and
 * attributes (in order), and its wall time to the microsecond. The parsed timeline's origin is its first
 * event's wall time, so its micros are the original micros minus the first event's. Exceptions: a
 * {@link Source#SYSTEM} event comes back as SYSTEM only if the vocabulary maps its name to SYSTEM (extend it
 * with {@link EventVocabulary#with}); a {@code null} attribute value comes back as {@code ""}; wall times are
 * written in the timeline's zone, so a parsed log whose offsets changed midway renders with one offset.
 * <p>
 * Immutable and thread-safe.
 */
public final class LogFormat {

    /** The tag the seed's sample writes on every line, whoever acted. */
    public static final String SEED_TAG = "CallKit";

    /** The wall time is written as these two around the 6-digit microsecond fraction. */
    private static final DateTimeFormatter WALL_SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.", Locale.ROOT);
    private static final DateTimeFormatter WALL_OFFSET = DateTimeFormatter.ofPattern("xx", Locale.ROOT);
    private static final LogFormat STANDARD = new LogFormat(EventVocabulary.standard());
    /** 0-based index where the process name starts: after the timestamp and one space. */
    private static final int PROCESS_INDEX = LogLineScanner.TIMESTAMP_EXAMPLE.length() + 1;

    private final EventVocabulary vocabulary;

    private LogFormat(EventVocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /** The format with {@link EventVocabulary#standard()}. */
    public static LogFormat standard() {
        return STANDARD;
    }

    public static LogFormat with(EventVocabulary vocabulary) {
        return new LogFormat(vocabulary);
    }

    public EventVocabulary vocabulary() {
        return vocabulary;
    }

    // ---------------------------------------------------------------- render

    /** Every event of {@code t}, one line each, each ending in {@code \n}; empty for an empty timeline. */
    public String render(Timeline t) {
        List<Event> events = t.events();
        if (events.isEmpty()) {
            return "";
        }
        checkProcess(t.processName());
        StringBuilder b = new StringBuilder(events.size() * 96);
        WallText wall = new WallText();
        for (Event e : events) {
            appendLine(b, e, t, wall);
            b.append('\n');
        }
        return b.toString();
    }

    /** One event's line, without a line break. */
    public String render(Event e, Timeline t) {
        checkProcess(t.processName());
        StringBuilder b = new StringBuilder(96);
        appendLine(b, e, t, new WallText());
        return b.toString();
    }

    private static void appendLine(StringBuilder b, Event e, Timeline t, WallText wall) {
        wall.append(b, t.originWall().plus(e.micros(), ChronoUnit.MICROS), t.zone());
        b.append(' ').append(t.processName()).append('[').append(t.pid()).append(':').append(e.thread())
                .append("] [").append(e.level().letter()).append("][").append(e.source().logTag()).append("] ")
                .append(e.name());
        Map<String, String> attributes = e.attributes();
        UUID call = e.call();
        if (call != null) {
            b.append(" call=").append(call);
        } else if (attributes.containsKey("call")) {
            b.append(" call=-"); // so that the attribute named "call" is not read back as the call id
        }
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            b.append(' ');
            AttributeText.append(b, a.getKey());
            b.append('=');
            AttributeText.append(b, a.getValue() == null ? "" : a.getValue());
        }
    }

    /** Formats wall times, remembering the last second's text: consecutive events nearly always share it. */
    private static final class WallText {
        private long second = Long.MIN_VALUE;
        private String prefix;
        private String offset;

        void append(StringBuilder b, Instant wall, ZoneId zone) {
            if (wall.getEpochSecond() != second) { // offsets change only on whole seconds
                OffsetDateTime t = OffsetDateTime.ofInstant(Instant.ofEpochSecond(wall.getEpochSecond()), zone);
                prefix = WALL_SECOND.format(t);
                offset = WALL_OFFSET.format(t);
                second = wall.getEpochSecond();
            }
            b.append(prefix);
            int micros = wall.getNano() / 1_000;
            for (int unit = 100_000; unit > 0; unit /= 10) {
                b.append((char) ('0' + micros / unit % 10));
            }
            b.append(offset);
        }
    }

    private static void checkProcess(String process) {
        boolean ok = !process.isEmpty();
        for (int i = 0; ok && i < process.length(); i++) {
            char c = process.charAt(i);
            ok = c != '[' && c != ']' && (c == ' ' || !AttributeText.needsEscape(process, i));
        }
        if (!ok) {
            throw new IllegalArgumentException("A process name in the device log is non-empty, on one line and "
                    + "without brackets; got '" + process + "'");
        }
    }

    // ---------------------------------------------------------------- parse

    /** Parses a whole log; lines may end in {@code \n}, {@code \r\n} or {@code \r}. */
    public Timeline parse(String text) {
        return parse(text.lines().toList());
    }

    public Timeline parse(Path file) throws IOException {
        return parse(readLines(file));
    }

    /**
     * Parses device-log lines into a recorded timeline: its origin is the first event's wall time and offset,
     * its process and pid the first event's. Blank lines and {@code //} comment lines are skipped, trailing
     * whitespace is ignored. Events keep line order even when a later line's wall time is earlier (its micros
     * are then negative or smaller). An input without events gives an empty timeline at the epoch, UTC,
     * process {@code ""}, pid 0.
     *
     * @throws LogParseException at the first malformed line
     */
    public Timeline parse(List<String> lines) {
        return run(lines, false).timeline();
    }

    /** Like {@link #parse(List)}, but a malformed line becomes a problem and parsing goes on. */
    public ParseResult parseLenient(List<String> lines) {
        return run(lines, true);
    }

    public ParseResult parseLenient(String text) {
        return parseLenient(text.lines().toList());
    }

    public ParseResult parseLenient(Path file) throws IOException {
        return parseLenient(readLines(file));
    }

    private ParseResult run(List<String> lines, boolean lenient) {
        LogLineScanner scanner = new LogLineScanner();
        List<LogParseException> problems = new ArrayList<>();
        Timeline t = null;
        long originMicros = 0;
        int firstLine = 0;
        int n = 0;
        for (String line : lines) {
            n++;
            int end = line.length();
            while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
                end--;
            }
            if (end == 0 || isComment(line, end)) {
                continue;
            }
            try {
                LogLine l = scanner.scan(n, line, end);
                if (t == null) {
                    originMicros = l.epochMicros();
                    firstLine = n;
                    Instant origin = Instant.ofEpochSecond(Math.floorDiv(originMicros, 1_000_000L),
                            Math.floorMod(originMicros, 1_000_000L) * 1_000L);
                    t = Timeline.recorded(origin, l.offset(), l.process(), l.pid());
                } else if (l.pid() != t.pid() || !l.process().equals(t.processName())) {
                    throw new LogParseException(n, line, PROCESS_INDEX + 1,
                            "the process " + t.processName() + "[" + t.pid() + ":<thread>] of line " + firstLine);
                }
                t.append(l.epochMicros() - originMicros, sourceOf(l.tag(), l.name()), l.level(), l.name(),
                        l.call(), l.thread(), l.attributes());
            } catch (LogParseException e) {
                if (!lenient) {
                    throw e;
                }
                problems.add(e);
            }
        }
        if (t == null) {
            t = Timeline.recorded(Instant.EPOCH, ZoneOffset.UTC, "", 0);
        }
        return new ParseResult(t, problems);
    }

    /** The source a line's tag stands for; the vocabulary decides for {@link #SEED_TAG} and unknown tags. */
    public Source sourceOf(String tag, String eventName) {
        if (SEED_TAG.equalsIgnoreCase(tag)) {
            return vocabulary.sourceOf(eventName);
        }
        return Source.fromLogTag(tag).orElseGet(() -> vocabulary.sourceOf(eventName));
    }

    private static boolean isComment(String line, int end) {
        int i = 0;
        while (i < end && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.startsWith("//", i);
    }

    private static List<String> readLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }
}
