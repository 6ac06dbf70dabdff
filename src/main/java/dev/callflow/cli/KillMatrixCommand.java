package dev.callflow.cli;

import dev.callflow.harness.ProjectHome;
import dev.callflow.harness.RunConfig;
import dev.callflow.iut.mutants.Mutant;
import dev.callflow.iut.mutants.Mutants;
import dev.callflow.runner.KillMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code callflow kill-matrix}: the reference app against the whole suite (the control), then every mutant against
 * the scenarios that can show its rule; writes {@code reports/kill-matrix.md}. Exit 0 when every mutant is killed by
 * its rule (flagged, for a warning rule) and the control is clean, else 1.
 */
@Command(name = "kill-matrix", mixinStandardHelpOptions = true,
        description = "Run the control and every mutant of the zoo; write the kill matrix to reports/kill-matrix.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every mutant killed by its rule (flagged, for a warning rule), and the reference clean",
                "1:a mutant survived or was caught without its rule, or the reference failed", "2:usage error"})
final class KillMatrixCommand implements Callable<Integer> {

    @Option(names = "--reports", paramLabel = "DIR", description = "Report directory. Default: <home>/reports.")
    Path reports;

    @Option(names = "--threads", defaultValue = "2", description = "Scenarios run in parallel per run. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--full-suite", description = "Run every scenario against every mutant, not only its tags (slower).")
    boolean fullSuite;

    @Option(names = "--mutant", paramLabel = "NAME", description = "Only these mutants (repeatable); the control always runs.")
    List<String> only;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path home = ProjectHome.detect();
        RunConfig base;
        try {
            base = RunConfig.builder(home).threads(threads).build();
        } catch (RunConfig.InvalidRunConfig e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<Mutant> mutants = Mutants.all();
        if (only != null) {
            for (String n : only) {
                if (Mutants.named(n).isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "Unknown mutant '" + n + "'");
                }
            }
            mutants = mutants.stream().filter(m -> only.contains(m.name())).toList();
        }
        Path reportDir = (reports == null ? home.resolve("reports") : reports).toAbsolutePath();
        KillMatrix matrix = new KillMatrix(base, reportDir.resolve("kill-matrix"), fullSuite, System.out);
        matrix.control();
        mutants.forEach(matrix::mutant);
        String md = matrix.write(reportDir.resolve("kill-matrix.md"));
        spec.commandLine().getOut().printf("%n%s%nKill matrix: %s%n", md, reportDir.resolve("kill-matrix.md"));
        return matrix.allGood() ? CallflowCli.PASS : CallflowCli.CONFORMANCE_FAILURE;
    }
}
