package dev.callflow.runner;

import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.harness.VerdictRow;
import dev.callflow.iut.mutants.Mutant;
import dev.callflow.iut.mutants.Mutants;
import dev.callflow.monitor.RuleCatalog;
import dev.callflow.report.AtomicFiles;
import dev.callflow.rules.Severity;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The mutant kill matrix: the reference app against the whole suite (the control: no failure, no undeclared
 * violation), then every mutant of {@link Mutants} against the scenarios that can show its rule. A mutant of a
 * violation rule is killed when at least one scenario fails with an AssertionError (a conformance failure, not a
 * harness fault) and the rule it was written to break fires (violated or warning) in at least one scenario that did
 * not declare it. A warning cannot fail a scenario, so a mutant of a warning rule, or one whose deviation its rule only
 * warns about ({@link Mutant#warns()}), is caught (flagged) when that rule
 * warns, undeclared, in at least one scenario, with no harness fault. Shared by {@code MutantKillTest} and
 * {@code ./callflow kill-matrix}.
 */
public final class KillMatrix {

    /**
     * One run of the matrix: the control (reference) or one mutant; {@code warns}: the mutant's deviation is one its
     * rule only warns about ({@link Mutant#warns()}).
     */
    public record Row(String iut, String rule, String bug, String tags, RunResult run, boolean control, boolean warns) {

        public List<ScenarioOutcome> failed() {
            return run.failed();
        }

        public long conformanceFailures() {
            return run.scenarios().stream().filter(ScenarioOutcome::conformanceFailure).count();
        }

        public List<ScenarioOutcome> harnessFaults() {
            return run.harnessFaults();
        }

        /** Rules that fired without being declared, with how often, e.g. {@code R-AUD-1 violated ×2}. */
        public List<String> rulesFired() {
            TreeMap<String, Integer> counts = new TreeMap<>();
            for (VerdictRow v : run.verdicts()) {
                if (v.firedUndeclared()) {
                    counts.merge(v.rule() + " " + v.outcome(), 1, Integer::sum);
                }
            }
            return counts.entrySet().stream().map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : "")).toList();
        }

        /** The mutant's own rule fired (violated or warning) in some scenario that did not declare it. */
        public boolean intendedRuleFired() {
            return run.verdicts().stream().anyMatch(v -> v.firedUndeclared() && v.rule().equals(rule));
        }

        /**
         * The mutant's rule is a warning, or its deviation one the rule only warns about: it cannot fail a scenario, so
         * the mutant can only be flagged.
         */
        public boolean warningRule() {
            return !control && (warns || RuleCatalog.byId(rule).map(r -> r.severity() == Severity.WARNING).orElse(false));
        }

        /** The mutant's own rule warned in some scenario that did not declare it. */
        public boolean intendedRuleWarned() {
            return run.verdicts().stream().anyMatch(v -> v.firedUndeclared() && v.rule().equals(rule) && v.outcome().equals("warning"));
        }

        /** Violations no scenario declared: for the control, each is a false alarm. */
        public List<VerdictRow> undeclaredViolations() {
            return run.undeclaredViolations();
        }

        /** Mutant of a violation rule: killed by its rule; of a warning rule: flagged by it. Control: clean. */
        public boolean ok() {
            if (control) {
                return failed().isEmpty() && undeclaredViolations().isEmpty() && !run.scenarios().isEmpty();
            }
            if (warningRule()) {
                return !run.scenarios().isEmpty() && harnessFaults().isEmpty() && intendedRuleWarned();
            }
            return conformanceFailures() > 0 && harnessFaults().isEmpty() && intendedRuleFired();
        }

        public String verdict() {
            if (control) {
                return ok() ? "control: clean" : "control: FALSE ALARMS";
            }
            if (ok()) {
                return warningRule() ? "flagged (warning)" : "yes";
            }
            if (!harnessFaults().isEmpty()) {
                return "no (harness fault)";
            }
            if (warningRule()) {
                return "no (" + rule + " did not warn)";
            }
            if (failed().isEmpty()) {
                return "no (survived)";
            }
            return "no (" + rule + " did not fire)";
        }
    }

    private final RunConfig base;
    private final Path out;
    private final boolean fullSuite;
    private final PrintStream log;
    private final List<Row> rows = new ArrayList<>();

    /**
     * @param base      what every run shares (home, threads, profile, policy); each run replaces its IUT, tags and reports
     * @param out       where each run's reports go ({@code <out>/<name>/}), or {@code null} for no report files
     * @param fullSuite run every scenario against every mutant, not only its tags (slower; shows collateral kills)
     * @param log       progress, one line per run, or {@code null}
     */
    public KillMatrix(RunConfig base, Path out, boolean fullSuite, PrintStream log) {
        this.base = base;
        this.out = out == null ? null : out.toAbsolutePath();
        this.fullSuite = fullSuite;
        this.log = log;
    }

    /** The whole suite against the reference app. */
    public Row control() {
        RunResult r = SuiteRunner.run(config("reference", null, "reference"));
        return add(new Row("reference", "-", "-", null, r, true, false));
    }

    public Row mutant(Mutant m) {
        String tags = fullSuite ? null : m.tags();
        RunResult r = SuiteRunner.run(config("mutant:" + m.name(), tags, m.name()));
        return add(new Row("mutant:" + m.name(), m.rule(), m.bug(), tags, r, false, m.warns()));
    }

    private RunConfig config(String iut, String tags, String name) {
        return base.toBuilder().iut(iut).tags(tags).reportsDir(out == null ? null : out.resolve(name)).progress(false).build();
    }

    /** The control, then every mutant. */
    public List<Row> runAll() {
        control();
        Mutants.all().forEach(this::mutant);
        return rows();
    }

    private synchronized Row add(Row row) {
        rows.add(row);
        if (log != null) {
            log.printf(Locale.ROOT, "kill-matrix: %-40s %3d/%-3d failed  %-22s %6.1f s  %s%n", row.iut(), row.failed().size(),
                    row.run().scenarios().size(), row.verdict(), row.run().wallMillis() / 1000.0, String.join(", ", row.rulesFired()));
        }
        return row;
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Every mutant killed (or, for a warning rule, flagged) by its rule, and the control clean. */
    public boolean allGood() {
        List<Row> all = rows();
        return !all.isEmpty() && all.stream().allMatch(Row::ok);
    }

    /** The matrix as Markdown: one row per run, then each mutant's failed scenarios with their first message line. */
    public String markdown() {
        List<Row> all = rows();
        StringBuilder b = new StringBuilder("# Kill matrix\n\n");
        long mutants = all.stream().filter(r -> !r.control()).count();
        long killed = all.stream().filter(r -> !r.control() && !r.warningRule() && r.ok()).count();
        long flagged = all.stream().filter(r -> r.warningRule() && r.ok()).count();
        b.append(String.format(Locale.ROOT, "%d of %d mutants caught by their rule (%d killed, %d flagged (warning)); "
                        + "control %s. Total %.1f s.%n%n", killed + flagged, mutants, killed, flagged,
                all.stream().filter(Row::control).map(r -> r.ok() ? "clean" : "NOT clean").findFirst().orElse("not run"),
                all.stream().mapToLong(r -> r.run().wallMillis()).sum() / 1000.0));
        b.append("A mutant of a violation rule is killed: a scenario fails and its rule fires. A warning cannot fail a "
                + "scenario, so a mutant of a warning rule, or of a deviation its rule only warns about (R-PUSH-3's early "
                + "PushKit completion), is flagged: its rule warns, undeclared, in a scenario. "
                + Mutants.UNMUTABLE + "\n\n");
        b.append("| mutant | intended rule | bug | scenarios failed/run | rules fired | caught | scenarios | time |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : all) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %d/%d | %s | %s | %s | %.1f s |%n", r.iut(), r.rule(),
                    cell(r.bug()), r.failed().size(), r.run().scenarios().size(),
                    r.rulesFired().isEmpty() ? "none" : cell(String.join(", ", r.rulesFired())), r.verdict(),
                    r.tags() == null ? "all" : "`" + r.tags() + "`", r.run().wallMillis() / 1000.0));
        }
        for (Row r : all) {
            if (r.failed().isEmpty() && (!r.control() || r.undeclaredViolations().isEmpty())) {
                continue;
            }
            b.append("\n## ").append(r.iut()).append(": failed scenarios\n\n");
            for (ScenarioOutcome o : r.failed()) {
                String first = o.message().lines().findFirst().orElse("");
                b.append("- ").append(o.name()).append(" (").append(o.featureFile()).append(':').append(o.line())
                        .append(")").append(o.conformanceFailure() ? "" : " **harness fault: " + o.errorClass() + "**")
                        .append("  \n  `").append(first.replace('`', '\'')).append("`\n");
            }
            if (r.control()) {
                r.undeclaredViolations().forEach(v -> b.append("- undeclared violation: ").append(v.rule()).append(" in ")
                        .append(v.scenario()).append('\n'));
            }
        }
        return b.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** Writes {@link #markdown()} to {@code file} and returns it. */
    public String write(Path file) {
        String md = markdown();
        AtomicFiles.writeString(file, md);
        return md;
    }

    /** A one-line description of the failures, for assertion messages. */
    public static String describe(Row r) {
        return r.failed().stream().map(o -> o.status() + " " + o.name() + " " + o.errorClass()).collect(Collectors.joining("\n"));
    }
}
