package dev.callflow.devicelog;

/**
 * NSLog with a zone, which is also the harness's own {@code LogFormat} and the seed's sample:
 * {@code 2018-05-10 20:05:58.640136+0800 BigoOfree[19394:8610838] [I][CallKit] handleIncomingCall}.
 * The {@code [I][CallKit]} block is optional (plain NSLog has none).
 */
final class NsLogShape implements LineShape {
    private final Timestamps timestamps;

    NsLogShape(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    @Override
    public String name() {
        return "nslog";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int i = timestamps.dateTime(line, 0, end, out);
        if (i < 0 || !out.hasOffset || i >= end || line.charAt(i) != ' ') {
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
