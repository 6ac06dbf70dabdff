package dev.callflow.timeline;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** One parsed device-log line, before it is placed on a timeline. */
record LogLine(long epochMicros, ZoneOffset offset, String process, long pid, long thread, Level level,
               String tag, String name, UUID call, Map<String, String> attributes) {
}
