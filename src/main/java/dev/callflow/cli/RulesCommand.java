package dev.callflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.callflow.monitor.RuleCatalog;
import dev.callflow.rules.Policy;
import dev.callflow.rules.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code callflow rules}: every rule the monitors apply, generated from the code. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule with its ID, severity, statement and source (from the code, never a hand-kept table).")
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Option(names = "--markdown", description = "Print a Markdown table.")
    boolean markdown;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Rule> rules = RuleCatalog.all();
        if (json) {
            List<Map<String, String>> rows = rules.stream().map(r -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("severity", r.severity().label());
                m.put("statement", r.statement());
                m.put("source", r.source());
                return m;
            }).toList();
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else if (markdown) {
            out.println("| ID | severity | statement | source |");
            out.println("|---|---|---|---|");
            rules.forEach(r -> out.printf("| %s | %s | %s | %s |%n", r.id(), r.severity().label(), cell(r.statement()), cell(r.source())));
        } else {
            for (Rule r : rules) {
                out.printf("%-11s %-9s %s%n%21s source: %s%n", r.id(), r.severity().label(), r.statement(), "", r.source());
            }
            out.printf("%n%d rules. Policies: %s%n", rules.size(),
                    String.join("; ", java.util.Arrays.stream(Policy.values()).map(Policy::describe).toList()));
        }
        return CallflowCli.PASS;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
