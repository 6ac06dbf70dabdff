package dev.callflow.rules;

import dev.callflow.devicelog.DeviceLogReader;
import dev.callflow.devicelog.Grammar;
import dev.callflow.devicelog.Recogniser;
import dev.callflow.monitor.RuleCatalog;
import dev.callflow.timeline.Event;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Plain-main tool (not a test) for rewriting a rule without changing what it says: prints every rule's verdict, with
 * each finding's message and offending event numbers, for every scenario timeline and device log under the given
 * directories (and for {@code --copies N}: all the timelines joined N times with fresh call UUIDs). Run it before and
 * after the change and diff the two outputs.
 * <pre>
 * java -cp target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':') dev.callflow.rules.VerdictDump \
 *     --rules R-TX-1,R-TX-6 --copies 3 reports/timelines fixtures/rules &gt; after.txt
 * </pre>
 * Files ending in {@code .log} under a {@code timelines} directory are read as the harness's timelines, every other
 * {@code .log} as a device log.
 */
public final class VerdictDump {
    public static void main(String[] args) throws IOException {
        List<String> only = null;
        int copies = 0;
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        DeviceLogReader reader = new DeviceLogReader(new Recogniser(Grammar.defaults()));
        List<List<Event>> timelines = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> only = List.of(args[++i].split(","));
                case "--copies" -> copies = Integer.parseInt(args[++i]);
                default -> {
                    try (Stream<Path> files = Files.walk(Path.of(args[i]))) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                            List<Event> events = f.toString().contains("/timelines/")
                                    ? dev.callflow.timeline.LogFormat.standard().parseLenient(f).timeline().events()
                                    : reader.read(f).events();
                            if (f.toString().contains("/timelines/")) {
                                timelines.add(events);
                            }
                            dump(out, f.toString(), events, only);
                        }
                    }
                }
            }
        }
        if (copies > 0) {
            dump(out, copies + " copies of " + timelines.size() + " timelines", RuleScaling.copies(timelines, copies), only);
        }
        out.flush();
    }

    private static void dump(PrintStream out, String what, List<Event> events, List<String> only) {
        Trace trace = new Trace(events);
        out.println("== " + what);
        for (Rule r : RuleCatalog.all()) {
            if (only != null && !only.contains(r.id())) {
                continue;
            }
            for (Policy p : Policy.values()) {
                RuleVerdict v = r.judge(trace, p);
                out.println(r.id() + " " + p.wireName() + " " + v.outcome() + (v.note() == null ? "" : " (" + v.note() + ")"));
                for (Finding f : v.findings()) {
                    out.println("    " + f.severity() + " " + f.message() + " @"
                            + f.offending().stream().map(e -> String.valueOf(e.seq())).collect(Collectors.joining(",")));
                }
            }
        }
    }
}
