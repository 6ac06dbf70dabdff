package dev.callflow.devicelog;

/**
 * NSLog without a zone, as older systems and many Xcode pastes write it:
 * {@code 2018-05-10 20:05:58.640 BigoOfree[19394:8610838] CallKit: performAnswerCallAction}. The time is read in
 * the last zone the log named, or UTC when it named none.
 */
final class NsLogNoZoneShape implements LineShape {
    private final Timestamps timestamps;

    NsLogNoZoneShape(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    @Override
    public String name() {
        return "nslog-no-zone";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int i = timestamps.dateTime(line, 0, end, out);
        if (i < 0 || out.hasOffset || i >= end || line.charAt(i) != ' ') {
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
