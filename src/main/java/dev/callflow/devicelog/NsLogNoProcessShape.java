package dev.callflow.devicelog;

/**
 * A timestamp, with or without a zone, then the message straight away: loggers that drop the
 * {@code Process[pid:thread]} part, e.g. {@code 2018-05-10 20:06:02.327 [I][CallKit] performAnswerCallAction} or
 * {@code 2024-03-01T09:12:44.120Z CallKeep: didActivateAudioSession}.
 */
final class NsLogNoProcessShape implements LineShape {
    private final Timestamps timestamps;

    NsLogNoProcessShape(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    @Override
    public String name() {
        return "nslog-no-process";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int i = timestamps.dateTime(line, 0, end, out);
        if (i < 0 || i >= end || (line.charAt(i) != ' ' && line.charAt(i) != '\t')) {
            return false;
        }
        out.messageStart = LinePrefixes.levelAndTag(line, LinePrefixes.skipSpaces(line, i, end), end, out);
        return out.messageStart < end;
    }
}
