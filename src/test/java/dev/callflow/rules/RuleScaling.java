package dev.callflow.rules;

import dev.callflow.devicelog.DeviceLog;
import dev.callflow.devicelog.DeviceLogReader;
import dev.callflow.devicelog.Grammar;
import dev.callflow.devicelog.Recogniser;
import dev.callflow.monitor.RuleCatalog;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Plain-main probe (not a test): how long each rule takes, one rule at a time, so that a rule whose cost grows faster
 * than the trace shows up when the trace is doubled.
 * <pre>
 * java -cp target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':') dev.callflow.rules.RuleScaling FILE...
 * java -cp ... dev.callflow.rules.RuleScaling [--skip R-AUD-7,R-TX-1] --timelines reports/timelines COPIES...
 * </pre>
 * The second form joins every scenario timeline of a run (every rule's situations, with the harness's sources) COPIES
 * times over, each copy with fresh call UUIDs: a trace of thousands of calls, as a day's device log holds.
 */
public final class RuleScaling {
    private static List<String> skip = List.of();

    public static void main(String[] args) throws IOException {
        if (args.length > 1 && args[0].equals("--skip")) {
            skip = List.of(args[1].split(","));
            args = java.util.Arrays.copyOfRange(args, 2, args.length);
        }
        if (args.length > 0 && args[0].equals("--timelines")) {
            List<List<Event>> timelines = timelines(Path.of(args[1]));
            for (int i = 2; i < args.length; i++) {
                int copies = Integer.parseInt(args[i]);
                probe(copies + " copies of " + timelines.size() + " scenario timelines", copies(timelines, copies));
            }
            return;
        }
        DeviceLogReader reader = new DeviceLogReader(new Recogniser(Grammar.defaults()));
        for (String f : args) {
            DeviceLog log = reader.read(Path.of(f));
            probe(f, log.events());
        }
    }

    private static void probe(String what, List<Event> events) {
        Trace trace = new Trace(events);
        System.out.printf(Locale.ROOT, "%s: %,d events, %,d calls%n", what, events.size(), trace.calls().size());
        long total = 0;
        for (Rule r : RuleCatalog.all()) {
            if (skip.contains(r.id())) {
                continue;
            }
            long t0 = System.nanoTime();
            r.judge(trace, Policy.DEFAULT);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            total += ms;
            if (ms >= 20) {
                System.out.printf(Locale.ROOT, "  %-10s %,8d ms  %s%n", r.id(), ms, r.getClass().getSimpleName());
            }
        }
        System.out.printf(Locale.ROOT, "  all rules %,d ms%n", total);
    }

    static List<List<Event>> timelines(Path dir) throws IOException {
        List<List<Event>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.add(LogFormat.standard().parseLenient(f).timeline().events());
            }
        }
        return out;
    }

    static List<Event> copies(List<List<Event>> timelines, int copies) {
        List<Event> out = new ArrayList<>();
        long micros = 0;
        for (int c = 0; c < copies; c++) {
            for (List<Event> timeline : timelines) {
                Map<UUID, UUID> fresh = new HashMap<>();
                long base = micros;
                for (Event e : timeline) {
                    UUID call = e.call() == null ? null : fresh.computeIfAbsent(e.call(), k -> UUID.randomUUID());
                    micros = base + Math.max(0, e.micros());
                    out.add(new Event(out.size() + 1L, micros, e.source(), e.level(), e.name(), call, e.thread(), e.attributes()));
                }
                micros += 1_000_000;
            }
        }
        return out;
    }
}
