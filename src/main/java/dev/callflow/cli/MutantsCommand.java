package dev.callflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.callflow.iut.mutants.Mutant;
import dev.callflow.iut.mutants.Mutants;
import dev.callflow.iut.variants.Variant;
import dev.callflow.iut.variants.Variants;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code callflow mutants}: the mutant zoo (and with {@code --variants} the variant zoo), generated from the code. */
@Command(name = "mutants", mixinStandardHelpOptions = true,
        description = "List every mutant (--iut mutant:<name>): the rule it breaks, the real bug it copies (CALLKIT-RULES.md "
                + "section 3) and the tags of the scenarios that show it. With --variants, the variants (--iut variant:<name>): "
                + "the allowed choice each makes and the rule text that allows it.")
final class MutantsCommand implements Callable<Integer> {

    @Option(names = "--variants", description = "List the variant zoo instead of the mutant zoo.")
    boolean variants;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Option(names = "--markdown", description = "Print a Markdown table.")
    boolean markdown;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A mutant's bug as CALLKIT-RULES.md section 3 cites it: where it was reported, then what the bug does. */
    record Bug(String source, String text) {
        static Bug of(String bug) {
            int colon = bug.indexOf(": ");
            return colon < 0 ? new Bug("", bug) : new Bug(bug.substring(0, colon), bug.substring(colon + 2));
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, String>> rows = variants ? variantRows() : mutantRows();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else if (markdown) {
            List<String> keys = List.copyOf(rows.get(0).keySet());
            out.println("| " + String.join(" | ", keys) + " |");
            out.println("|" + "---|".repeat(keys.size()));
            rows.forEach(r -> out.println("| " + String.join(" | ", keys.stream().map(k -> cell(r.get(k))).toList()) + " |"));
        } else if (variants) {
            rows.forEach(r -> out.printf("%s%n    does: %s%n    allowed by: %s%n", r.get("name"), r.get("choice"), r.get("allowedBy")));
            out.printf("%n%d variants: correct implementations that choose differently; run one with --iut variant:<name>.%n",
                    rows.size());
        } else {
            rows.forEach(r -> out.printf("%-36s %s%s%n    bug %s: %s%n    shown by: %s%n", r.get("name"), r.get("rule"),
                    r.get("warns").equals("true") ? " (warns only)" : "", r.get("source"), r.get("bug"), r.get("tags")));
            out.printf("%n%d mutants; run one with --iut mutant:<name>, all with ./callflow kill-matrix. %s%n", rows.size(),
                    Mutants.UNMUTABLE);
        }
        return CallflowCli.PASS;
    }

    private static List<Map<String, String>> mutantRows() {
        return Mutants.all().stream().map(MutantsCommand::row).toList();
    }

    static Map<String, String> row(Mutant m) {
        Bug bug = Bug.of(m.bug());
        Map<String, String> r = new LinkedHashMap<>();
        r.put("name", m.name());
        r.put("rule", m.rule());
        r.put("source", bug.source());
        r.put("bug", bug.text());
        r.put("tags", m.tags());
        r.put("warns", Boolean.toString(m.warns()));
        return r;
    }

    private static List<Map<String, String>> variantRows() {
        return Variants.all().stream().map(MutantsCommand::row).toList();
    }

    static Map<String, String> row(Variant v) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("name", v.name());
        r.put("choice", v.choice());
        r.put("allowedBy", v.allowedBy());
        return r;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
