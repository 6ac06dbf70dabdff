package dev.callflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.callflow.devicelog.CheckLogReport;
import dev.callflow.devicelog.DeviceLog;
import dev.callflow.devicelog.DeviceLogReader;
import dev.callflow.devicelog.Grammar;
import dev.callflow.devicelog.LogVocabulary;
import dev.callflow.devicelog.Recogniser;
import dev.callflow.devicelog.TextFiles;
import dev.callflow.monitor.RuleMonitor;
import dev.callflow.rules.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code callflow check-log FILE...}: read pasted device logs into timelines and judge them with every rule. */
@Command(name = "check-log", mixinStandardHelpOptions = true,
        description = {"Read device logs (NSLog with or without zone or process, Console / 'log show' exports, "
                + "bare plugin lines, mixed pastes, multi-line records) and apply every rule.",
                "Exit 0: no violation; 1: a rule is violated; 2: a file is missing, is no text log (a directory, a binary file) or holds no recognisable event."})
final class CheckLogCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Device logs to check, each judged on its own; - reads standard input (a pipe from idevicesyslog or log stream, judged when it ends).")
    List<Path> files;

    /** Standard input, for {@code -}; tests give their own. */
    java.io.InputStream in = System.in;

    @Option(names = "--policy", defaultValue = "default", paramLabel = "NAME",
            description = "Where the seed and Apple disagree: 'default', 'seed-strict' or 'apple'. Default: ${DEFAULT-VALUE}.")
    String policy;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Option(names = "--max-findings", defaultValue = "" + CheckLogReport.SHOWN_PER_RULE, paramLabel = "N",
            description = "Findings shown per rule in the text output (0: all); --json always lists all. Default: ${DEFAULT-VALUE}.")
    int maxFindings;

    @Option(names = "--brief", description = "List only the rules violated or warned about (with their findings), "
            + "and count the rules that hold or were not judged in one line. No effect with --json.")
    boolean brief;

    @Option(names = "--grammar", paramLabel = "FILE",
            description = "App-specific words (see fixtures/grammars/seed.grammar); repeatable. Default: the seed grammar.")
    List<Path> grammars;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Policy p;
        Grammar grammar;
        try {
            p = Policy.named(policy);
            grammar = grammar();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DeviceLogReader reader = new DeviceLogReader(new Recogniser(grammar));
        RuleMonitor monitor = RuleMonitor.allRules(p);
        // each file's report is printed (or turned into its JSON) as soon as it is judged, and its events let go: memory
        // holds one log at a time, however many files are named
        PrintWriter out = spec.commandLine().getOut();
        boolean unreadable = false;
        boolean violated = false;
        List<Map<String, Object>> jsonFiles = new ArrayList<>();
        if (files.stream().filter(f -> f.toString().equals("-")).count() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "- (standard input) can be named once");
        }
        for (Path f : files) {
            CheckLogReport r = check(f, reader, monitor, p, grammar);
            unreadable |= !r.readable();
            violated |= r.violated();
            if (json) {
                jsonFiles.add(r.json());
            } else {
                out.print(r.text(maxFindings, brief));
                out.flush();
            }
        }
        int exit = unreadable ? CallflowCli.USAGE : violated ? CallflowCli.CONFORMANCE_FAILURE : CallflowCli.PASS;
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("grammar", grammar.name());
            m.put("policy", p.wireName());
            m.put("exitCode", exit);
            m.put("files", jsonFiles);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        }
        out.flush();
        return exit;
    }

    private CheckLogReport check(Path file, DeviceLogReader reader, RuleMonitor monitor, Policy p, Grammar grammar) {
        boolean stdin = file.toString().equals("-");
        String name = stdin ? "- (" + TextFiles.STDIN + ")" : file.toString();
        if (!stdin && !Files.exists(file)) {
            return new CheckLogReport(name, null, List.of(), p, "no such file");
        }
        DeviceLog log;
        try {
            log = stdin ? reader.read(TextFiles.open(in, null)) : reader.read(file);
        } catch (TextFiles.NotText e) {
            return new CheckLogReport(name, null, List.of(), p, e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            return new CheckLogReport(name, null, List.of(), p, "cannot read it: " + e.getMessage());
        }
        if (log.recognised() == 0) {
            return new CheckLogReport(name, log, List.of(), p,
                    "no recognisable CallKit, PushKit, audio-session or app event in it");
        }
        return new CheckLogReport(name, log, monitor.judge(log.events(), LogVocabulary.of(log, grammar)),
                p, null);
    }

    private Grammar grammar() throws IOException {
        if (grammars == null || grammars.isEmpty()) {
            return Grammar.defaults();
        }
        Grammar g = Grammar.empty();
        for (Path f : grammars) {
            List<String> lines = new ArrayList<>();
            try (java.io.BufferedReader in = new java.io.BufferedReader(TextFiles.open(f))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (TextFiles.NotText e) {
                throw new IllegalArgumentException(Files.exists(f) ? "--grammar " + f + " " + e.what()
                        .replace("not a text log", "not a grammar file") : "No grammar file at " + f);
            }
            g = g.and(Grammar.parse(f.toString(), lines));
        }
        return g;
    }
}
