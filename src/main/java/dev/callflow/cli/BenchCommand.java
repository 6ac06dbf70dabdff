package dev.callflow.cli;

import dev.callflow.harness.ProjectHome;
import dev.callflow.harness.RunConfig;
import dev.callflow.load.Bench;
import dev.callflow.load.BenchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/** {@code callflow bench}: the harness's speed, printed (a benchmark: it asserts nothing). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Prints the suite's wall time (without and with report files), the per-scenario harness overhead "
                + "(fresh device, timeline, registrations) and full-stack calls per second against the in-process app "
                + "(VoIP push over TLS with token auth, report, answer, end). A benchmark: it measures, it asserts nothing.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--calls", defaultValue = "5000", paramLabel = "N", description = "Measured full-stack calls. Default: ${DEFAULT-VALUE}.")
    int calls;

    @Option(names = "--devices", defaultValue = "96", paramLabel = "N",
            description = "Devices calling at once, one caller thread each. Default: ${DEFAULT-VALUE}.")
    int devices;

    @Option(names = "--rigs", defaultValue = "1000", paramLabel = "N",
            description = "Scenario rigs created and closed for the overhead figures. Default: ${DEFAULT-VALUE}.")
    int rigs;

    @Option(names = "--threads", defaultValue = "2", description = "Scenarios in parallel in the suite runs. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--no-suite", description = "Skip the two suite runs.")
    boolean noSuite;

    @Option(names = "--iut", defaultValue = "reference", paramLabel = "SPEC", description = "Implementation under test. Default: ${DEFAULT-VALUE}.")
    String iut;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the call ids. Default: ${DEFAULT-VALUE}.")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Bench bench;
        try {
            RunConfig.Builder b = RunConfig.builder(ProjectHome.detect()).iut(iut).threads(threads);
            b.seed(seed);
            bench = new Bench(b.build(), calls, devices, rigs, !noSuite, System.out);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        BenchResult result = bench.run();
        spec.commandLine().getOut().printf("%n%s", result.describe());
        spec.commandLine().getOut().flush();
        return CallflowCli.PASS;
    }
}
