package dev.callflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code callflow events}: the event vocabulary, generated from {@link EventKind}; {@code docs/events.md} is its Markdown. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"List every event a timeline can hold, grouped by source: its category, whether a real phone "
                + "shows it from outside the app, the iOS API it stands for, its meaning and its attributes (from the "
                + "code, never a hand-kept table).",
                "With NAMEs, says what each name is, or that it is no event of the vocabulary (exit 2)."})
final class EventsCommand implements Callable<Integer> {

    /** The command that writes {@code docs/events.md}. */
    static final String REGENERATE = "./callflow events --markdown > docs/events.md";

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Option(names = "--markdown", description = "Print Markdown (docs/events.md).")
    boolean markdown;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Event names to look up.")
    List<String> names = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!names.isEmpty()) {
            boolean allKnown = true;
            for (String n : names) {
                out.println(EventKind.explain(n));
                allKnown &= EventKind.named(n).isPresent();
            }
            return allKnown ? CallflowCli.PASS : CallflowCli.USAGE;
        }
        out.print(json ? json() : markdown ? markdown() : text());
        out.flush();
        return CallflowCli.PASS;
    }

    /** Who each source is, and the zone the seed's log format tags its lines with. */
    static String describe(Source s) {
        return switch (s) {
            case SYSTEM -> "the simulated system: CallKit, PushKit, the audio session, the system call UI, the app's "
                    + "process lifecycle";
            case APP -> "the app under test: its calls into the system APIs (and its own log lines, which are no "
                    + "events of the vocabulary)";
            case SDK -> "the media SDK the app links (the seed's mediasdk)";
            case PUSH -> "the app server that sends VoIP pushes, and the mock APNs";
            case SIGNALLING -> "the mock signalling server: the app's requests, and the events the server sends";
            case USER -> "a person: the system call UI, the lock screen, buttons, the app's own UI";
        };
    }

    static String text() {
        StringBuilder b = new StringBuilder();
        for (Source s : Source.values()) {
            List<EventKind> kinds = primary(s);
            b.append(String.format("== %s [%s]: %s (%d)%n%n", s.label(), s.logTag(), describe(s), kinds.size()));
            for (EventKind k : kinds) {
                b.append(String.format("%-36s %s, %s%s%n", k.wireName(), k.category().label(),
                        k.platformObservable() ? "platform-observable" : "not platform-observable", also(k)));
                b.append("    ").append(k.api()).append('\n');
                b.append("    ").append(k.meaning()).append('\n');
                for (EventKind.Attribute a : k.attributes()) {
                    b.append(String.format("      %-22s %s%n", a.key(), a.meaning()));
                }
                b.append('\n');
            }
        }
        long observable = EventKind.all().stream().filter(EventKind::platformObservable).count();
        b.append(String.format("%d kinds, %d platform-observable. An app's own log lines are no events of the "
                + "vocabulary. Markdown: %s%n", EventKind.all().size(), observable, REGENERATE));
        return b.toString();
    }

    static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Event vocabulary\n\n");
        b.append("Generated from the code (`src/main/java/dev/callflow/timeline/EventKind.java`) by `").append(REGENERATE)
                .append("`: do not edit it by hand, run that again after changing the catalogue (`EventsDocTest` fails "
                        + "while this file is stale). ")
                .append("`./callflow events` prints the same as text, `--json` for machines, and `./callflow events NAME` "
                        + "says what one name is.\n\n");
        b.append("Every event on a timeline (a scenario's, or one `check-log` read from a device log) has a source, a name, "
                + "perhaps a call UUID, and attributes. These are the names the harness records and the device-log reader "
                + "gives, ").append(EventKind.all().size()).append(" kinds. Feature tables, rules and the harness's own "
                + "code name them, and `./callflow events NAME` tells one from an app's own word or a typo.\n\n");

        b.append("## Sources and log zones\n\n");
        b.append("The `source` column of a feature table, and the zone the harness's timelines tag each line with:\n\n");
        b.append("| source | log zone | who |\n|---|---|---|\n");
        for (Source s : Source.values()) {
            b.append("| `").append(s.label()).append("` | `[").append(s.logTag()).append("]` | ").append(cell(describe(s)))
                    .append(" |\n");
        }
        b.append("\nThe seed's device log tags every line `[CallKit]`, whoever acted: for such a line (and an unknown "
                + "zone) the source is the one this vocabulary gives the name, `app` for a name it does not know.\n\n");

        b.append("## Categories, and what is platform-observable\n\n");
        b.append("An event is *platform-observable* when a real phone and its servers show it from outside the app: "
                + "the system's callbacks and effects, the app's calls into system APIs and its SDK, push and signalling "
                + "traffic, the user's gestures. The harness's own bookkeeping, the external bridge's verdicts and the app's "
                + "own log words are not. Scenarios should judge an implementation by platform-observable events only "
                + "(`FeatureEventsTest`).\n\n");
        b.append("*(not standard)* under a name means only that `./callflow check-log` does not read the name from a device "
                + "log without a grammar (`--grammar`): a scenario may name it like any other.\n\n");
        b.append("| category | platform-observable | kinds | what |\n|---|---|---|---|\n");
        for (EventKind.Category c : EventKind.Category.values()) {
            b.append("| ").append(c.label()).append(" | ").append(c.observable() ? "yes" : "no").append(" | ")
                    .append(EventKind.in(c).size()).append(" | ").append(cell(c.description())).append(" |\n");
        }
        b.append("\n## An app's own log lines are not events of the vocabulary\n\n");
        b.append("Whatever word an app logs (`AppEnvironment.log`, or the `log` message of the external-IUT protocol) lands "
                + "on the timeline under that name as an `app` event, but it is no kind: `./callflow events NAME` answers "
                + "\"not an event of the vocabulary (an app's own log word?)\". The few app words the seed grammar or a rule "
                + "reads are listed below as *app log word*, and are not platform-observable either. The external bridge's "
                + "process verdicts `iutExited`, `iutNoHello` and `iutNotStarted` are no events of their own: they are the "
                + "`exception` of `appTerminated reason=crash`.\n\n");
        b.append("Every event `check-log` reads from a device log also carries `line`, its line number in the log. A "
                + "*standard* name is one the device-log reader knows without a grammar; the others reach a device log's "
                + "timeline only through a grammar that maps an app's word to them.\n\n");

        for (Source s : Source.values()) {
            List<EventKind> kinds = primary(s);
            b.append("## ").append(s.label()).append(" `[").append(s.logTag()).append("]`\n\n");
            b.append(capital(describe(s))).append(". ").append(kinds.size()).append(" kinds.\n\n");
            b.append("| event | category | platform-observable | iOS API | meaning | attributes |\n");
            b.append("|---|---|---|---|---|---|\n");
            for (EventKind k : kinds) {
                b.append("| `").append(k.wireName()).append('`')
                        .append(k.inStandardVocabulary() ? "" : "<br>(not standard)")
                        .append(" | ").append(k.category().label()).append(cell(also(k)))
                        .append(" | ").append(k.platformObservable() ? "yes" : "no")
                        .append(" | ").append(cell(k.api()))
                        .append(" | ").append(cell(k.meaning()))
                        .append(" | ").append(k.attributes().stream()
                                .map(a -> "`" + a.key() + "` " + cell(a.meaning())).collect(Collectors.joining("<br>")))
                        .append(" |\n");
            }
            b.append('\n');
        }
        return b.toString().stripTrailing() + "\n";
    }

    static String json() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EventKind k : EventKind.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", k.wireName());
            m.put("source", k.source().label());
            m.put("sources", k.sources().stream().map(Source::label).toList());
            m.put("category", k.category().label());
            m.put("platformObservable", k.platformObservable());
            m.put("standard", k.inStandardVocabulary());
            m.put("api", k.api());
            m.put("meaning", k.meaning());
            m.put("attributes", k.attributes().stream().map(a -> {
                Map<String, String> am = new LinkedHashMap<>();
                am.put("key", a.key());
                am.put("meaning", a.meaning());
                return am;
            }).toList());
            rows.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows)
                + System.lineSeparator();
    }

    /** The kinds whose usual source is {@code s}, in catalogue order. */
    private static List<EventKind> primary(Source s) {
        return EventKind.all().stream().filter(k -> k.source() == s).toList();
    }

    private static String also(EventKind k) {
        List<Source> others = k.sources().subList(1, k.sources().size());
        return others.isEmpty() ? "" : " (also from " + others.stream().map(Source::label)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Text for a Markdown table cell: no column breaks, no HTML, no emphasis from {@code _} or {@code *}. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("_", "\\_").replace("*", "\\*");
    }
}
