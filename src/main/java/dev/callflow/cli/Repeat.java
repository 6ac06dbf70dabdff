package dev.callflow.cli;

import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunResult;
import dev.callflow.report.ReportFiles;
import dev.callflow.report.RepeatReports;
import dev.callflow.runner.SuiteRunner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./callflow run --repeat N}: each selected scenario N times, repetition k under seed {@code --seed + k} (under
 * one seed a scenario on the virtual clock repeats exactly, so only another seed can show that it depends on an order
 * a real phone does not promise). Each repetition's reports go to {@code <reports>/repeat/seed-<n>/}; the merged ones,
 * with the flaky scenarios marked ({@link RepeatReports}), to {@code <reports>/}.
 */
final class Repeat {
    static final String DIR = "repeat";

    private Repeat() { }

    static int run(PrintWriter out, RunConfig base, int times) {
        Path reports = base.reportsDir().orElse(null);
        if (reports != null) {
            ReportFiles.deleteRecursively(reports.resolve(DIR));
        }
        List<RunResult> runs = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (long seed = base.seed(); seed < base.seed() + times; seed++) {
            Path dir = reports == null ? null : reports.resolve(DIR).resolve("seed-" + seed);
            RunResult result = SuiteRunner.run(base.toBuilder().seed(seed).reportsDir(dir).build());
            if (result.interrupted().isPresent()) {
                return result.exitCode();
            }
            runs.add(result);
            dirs.add(dir);
            out.printf("%nrepetition %d of %d, seed %d: %d scenario(s), %d passed%n", runs.size(), times, seed,
                    result.scenarios().size(), result.passed());
            out.flush();
        }
        List<RepeatReports.Flaky> flaky = RepeatReports.flaky(runs);
        out.printf("%nflaky: %s%n", flaky.isEmpty() ? "none" : flaky.size() + " scenario(s)");
        flaky.forEach(f -> out.println(f.describe()));
        if (reports != null) {
            RepeatReports.write(runs, dirs, reports);
        }
        return exitCode(runs);
    }

    /**
     * The worst repetition's code, in {@link RunResult#exitCode()}'s precedence: a flaky scenario failed under some
     * seed, so it is a conformance failure (1), as under {@code --explore}.
     */
    static int exitCode(List<RunResult> runs) {
        List<Integer> codes = runs.stream().map(RunResult::exitCode).toList();
        for (int code : List.of(RunResult.USAGE, RunResult.HARNESS_FAULT, RunResult.CONFORMANCE_FAILURE)) {
            if (codes.contains(code)) {
                return code;
            }
        }
        return RunResult.PASS;
    }
}
