package dev.callflow.devicelog;

/**
 * NSLog, which is also the harness's own {@code LogFormat} and the seed's sample:
 * {@code 2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][CallKit] handleIncomingCall}.
 * The {@code [I][CallKit]} block is optional (plain NSLog has none). Older systems and many Xcode pastes write the time
 * without a zone ({@code 2018-05-10 20:05:58.640 …}); that variant is read in the last zone the log named, or UTC when
 * it named none.
 */
final class NsLogShape implements LineShape {
    private final Timestamps timestamps;
    private final boolean withZone;

    private NsLogShape(Timestamps timestamps, boolean withZone) {
        this.timestamps = timestamps;
        this.withZone = withZone;
    }

    static NsLogShape withZone(Timestamps timestamps) {
        return new NsLogShape(timestamps, true);
    }

    static NsLogShape withoutZone(Timestamps timestamps) {
        return new NsLogShape(timestamps, false);
    }

    @Override
    public String name() {
        return withZone ? "nslog" : "nslog-no-zone";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int i = timestamps.dateTime(line, 0, end, out);
        if (i < 0 || out.hasOffset != withZone || i >= end || line.charAt(i) != ' ') {
            return false;
        }
        i = LinePrefixes.process(line, i + 1, end, out);
        if (i < 0) {
            return false;
        }
        out.messageStart = LinePrefixes.levelAndTag(line, LinePrefixes.skipSpaces(line, i, end), end, out);
        return true;
    }
}
