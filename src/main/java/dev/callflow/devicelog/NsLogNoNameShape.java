package dev.callflow.devicelog;

/**
 * NSLog as some loggers and pastes write it without the process name: the timestamp, then {@code [pid:thread]}
 * straight after the zone or after a space, e.g.
 * {@code 2024-05-06 10:11:50.798202+0300[3368:2280709] [RNCallKeep][CXProviderDelegate] ...}.
 */
final class NsLogNoNameShape implements LineShape {
    private final Timestamps timestamps;

    NsLogNoNameShape(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    @Override
    public String name() {
        return "nslog-no-name";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int i = timestamps.dateTime(line, 0, end, out);
        if (i < 0) {
            return false;
        }
        i = LinePrefixes.pidThread(line, LinePrefixes.skipSpaces(line, i, end), end, out);
        if (i < 0) {
            return false;
        }
        out.messageStart = LinePrefixes.levelAndTag(line, LinePrefixes.skipSpaces(line, i, end), end, out);
        return out.messageStart < end;
    }
}
