package dev.callflow.devicelog;

/**
 * A line without a timestamp, as plugins and bridges print them ({@code flutter: CallKeep didActivateAudioSession},
 * {@code [RNCallKeep][configureAudioSession] Activating audio session}). Its time is the previous record's; its
 * order is its position. Flutter's {@code flutter: } prefix is not part of the message; an optional {@code [I][Tag]}
 * block is read like the harness format's.
 */
final class BareShape implements LineShape {

    @Override
    public String name() {
        return "bare";
    }

    @Override
    public boolean read(String line, int end, RawLine out) {
        int start = line.startsWith("flutter: ") ? LinePrefixes.skipSpaces(line, 9, end) : 0;
        out.messageStart = LinePrefixes.levelAndTag(line, start, end, out);
        return out.messageStart < end;
    }
}
