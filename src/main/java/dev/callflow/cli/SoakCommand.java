package dev.callflow.cli;

import dev.callflow.harness.ProjectHome;
import dev.callflow.harness.RunConfig;
import dev.callflow.load.Soak;
import dev.callflow.load.SoakResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/** {@code callflow soak}: back-to-back calls of mixed flows against one app process, watching for leaks. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Back-to-back calls of mixed flows (incoming and outgoing, local and remote ends, declines, cancels, "
                + "Hold & Accept and End & Accept with a cellular call or a second call) against ONE app process: after "
                + "each call nothing may be left (live calls, the SDK prepared or running, pending actions, app timers, "
                + "an active session, a prepareSDK without its unprepareSDK) and no rule may be violated. Prints leaks, "
                + "violations, latency percentiles per step and the harness's heap, threads and file descriptors.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean: no leak, no rule violation", "1:leaks, rule violations or a flow the app could not complete",
                "2:usage error", "3:harness fault"})
final class SoakCommand implements Callable<Integer> {

    @Option(names = "--calls", required = true, paramLabel = "N", description = "How many calls, back to back.")
    int calls;

    @Option(names = "--iut", defaultValue = "reference", paramLabel = "SPEC",
            description = "Implementation under test, as for run. Default: ${DEFAULT-VALUE}.")
    String iut;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the flow mix and the call ids. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--profile", defaultValue = "realistic", paramLabel = "NAME",
            description = "Timing profile (virtual time: real iOS latencies cost no real time). Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--policy", defaultValue = "default", paramLabel = "NAME", description = "Audio policy. Default: ${DEFAULT-VALUE}.")
    String policy;

    @Option(names = "--hang-guard", paramLabel = "MS", description = "As for run. Default: 10000.")
    String hangGuard;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunConfig config;
        Soak soak;
        try {
            RunConfig.Builder b = RunConfig.builder(ProjectHome.detect()).iut(iut).profile(profile).policy(policy)
                    .hangGuardMillis(hangGuard);
            b.seed(seed);
            config = b.build();
            soak = new Soak(config, calls, System.out);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SoakResult result = soak.run();
        spec.commandLine().getOut().printf("%n%s", result.describe());
        spec.commandLine().getOut().flush();
        return result.exitCode();
    }
}
