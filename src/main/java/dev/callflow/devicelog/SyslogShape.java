package dev.callflow.devicelog;

/**
 * The syslog shape that {@code idevicesyslog} (libimobiledevice, the usual way to capture a device's log on Linux and
 * in CI) and older Xcode device consoles print:
 * {@code Dec  2 07:23:13 Johns-iPhone MyApp(CallKit)[1234] <Notice>: message}: month, day, time (a fraction
 * allowed), the device's name, the process with its library in parentheses or none, {@code [pid]}, and the level in
 * angle brackets. The line names no year: the year of the last dated line, else 2000, so only the order and the
 * intervals count. The time is local, read in the last zone the log named (UTC before any). The message may start
 * with the harness's {@code [I][CallKit]} block.
 */
final class SyslogShape implements LineShape {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
            "Dec"};

    private final Timestamps timestamps;

    SyslogShape(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int month = month(line, end);
        if (month < 0) {
            return false;
        }
        int i = 4;
        if (line.charAt(i) == ' ') {
            i++;
        }
        if (i + 2 > end || !Timestamps.isDigit(line.charAt(i))) {
            return false;
        }
        int day = line.charAt(i++) - '0';
        if (Timestamps.isDigit(line.charAt(i))) {
            day = day * 10 + line.charAt(i++) - '0';
        }
        if (line.charAt(i++) != ' ' || day < 1 || day > 31) {
            return false;
        }
        i = timestamps.time(line, i, end, out);
        if (i < 0 || out.hasOffset || i >= end || line.charAt(i) != ' ') {
            return false;
        }
        int host = i + 1;
        int hostEnd = line.indexOf(' ', host);
        if (hostEnd <= host || hostEnd >= end) {
            return false;
        }
        int level = line.indexOf("] <", hostEnd);
        if (level < 0) {
            return false;
        }
        int levelEnd = line.indexOf(">:", level + 3);
        if (levelEnd < 0) {
            return false;
        }
        out.level = LevelWords.of(line.substring(level + 3, levelEnd));
        int open = line.lastIndexOf('[', level);
        if (out.level == null || open <= hostEnd + 1 || !Timestamps.digits(line, open + 1, level - open - 1)
                || level - open - 1 > 9) {
            return false;
        }
        out.pid = Long.parseLong(line, open + 1, level, 10);
        int name = hostEnd + 1;
        int library = line.indexOf('(', name);
        out.process = line.substring(name, library > name && library < open ? library : open);
        out.localMicros += timestamps.clampedEpochDay(year(), month + 1, day) * 86_400_000_000L;
        out.timeOnly = false;
        out.messageStart = LinePrefixes.levelAndTag(line, LinePrefixes.skipSpaces(line, levelEnd + 2, end), end, out);
        return true;
    }

    /** The month a line starts with ({@code Dec  2 07:...} or {@code Dec 12 07:...}), 0 to 11, or -1. */
    static int month(String line, int end) {
        if (end < 16 || line.charAt(3) != ' ') {
            return -1;
        }
        for (int m = 0; m < MONTHS.length; m++) {
            if (line.startsWith(MONTHS[m])) {
                return m;
            }
        }
        return -1;
    }

    /** Whether a line starts like a syslog record: it starts a record, whatever the record above left open. */
    static boolean startsRecord(String line, int end) {
        if (month(line, end) < 0) {
            return false;
        }
        int i = line.charAt(4) == ' ' ? 5 : 4;
        while (i < end && Timestamps.isDigit(line.charAt(i))) {
            i++;
        }
        return i + 9 <= end && line.charAt(i) == ' ' && line.charAt(i + 3) == ':' && line.charAt(i + 6) == ':';
    }

    private int year() {
        int y = timestamps.lastYear();
        return y > 0 ? y : 2000;
    }
}
