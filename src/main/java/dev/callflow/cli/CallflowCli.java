package dev.callflow.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code ./callflow}: the harness's command line. Exit codes: 0 all pass, 1 conformance failures,
 * 2 usage or input error, 3 harness fault, 130 interrupted (SIGINT).
 */
@Command(name = "callflow", mixinStandardHelpOptions = true, version = "callflow-harness 0.1.0",
        description = "Headless conformance harness for CallKit-style VoIP call flows and VoIP push.",
        subcommands = {RunCommand.class, CertifyCommand.class, RulesCommand.class, EventsCommand.class, MutantsCommand.class, CheckLogCommand.class, KillMatrixCommand.class,
                SoakCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every scenario passed", "1:conformance failures (the implementation is wrong)",
                "2:usage or input error", "3:harness fault (the harness or its set-up is wrong)",
                "130:interrupted by SIGINT (143: SIGTERM): the reports cover the scenarios finished by then"})
public final class CallflowCli implements Runnable {
    public static final int PASS = 0;
    public static final int CONFORMANCE_FAILURE = 1;
    public static final int USAGE = 2;
    public static final int HARNESS_FAULT = 3;
    public static final int INTERRUPTED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, e.g. 'callflow run'");
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The CLI as {@link #main} runs it: its exit codes, its usage errors, no picocli argument files. */
    static CommandLine commandLine() {
        return new CommandLine(new CallflowCli())
                // Cucumber's @rerun.txt (run --features @reports/rerun.txt), not picocli's argument files.
                .setExpandAtFiles(false)
                .setExitCodeExceptionMapper(t -> HARNESS_FAULT)
                .setParameterExceptionHandler((ex, a) -> {
                    ex.getCommandLine().getErr().println(ex.getMessage());
                    CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
                    ex.getCommandLine().usage(ex.getCommandLine().getErr());
                    return USAGE;
                });
    }

    public static void main(String[] args) {
        // WireMock's webhook pool is non-daemon (wiremock#2057): exit explicitly.
        System.exit(execute(args));
    }
}
