package dev.callflow.cli;

import dev.callflow.harness.HarnessSettings;
import dev.callflow.harness.ProjectHome;
import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunResult;
import dev.callflow.report.AllureHtml;
import dev.callflow.report.RunReports;
import dev.callflow.runner.FeatureFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code callflow run}: the whole suite in features/ against an implementation under test. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the Gherkin suite against an implementation under test; reports go to reports/.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--iut", defaultValue = "reference", paramLabel = "SPEC",
            description = "Implementation under test: 'reference' (the embedded app), 'mutant:<name>', 'variant:<name>', a command line "
                    + "(\"python3 examples/python-iut/app.py\") or tcp-listen:127.0.0.1:PORT. Default: ${DEFAULT-VALUE}.")
    String iut;

    @Option(names = "--profile", defaultValue = "realistic", paramLabel = "NAME",
            description = "Timing profile: 'realistic' (real iOS latencies and timeouts, on a virtual clock: they cost "
                    + "no real time). Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--policy", defaultValue = "default", paramLabel = "NAME",
            description = "Where the seed and Apple disagree: 'default', 'seed-strict' or 'apple'. Default: ${DEFAULT-VALUE}.")
    String policy;

    @Option(names = "--tags", paramLabel = "EXPR", description = "Cucumber tag expression, e.g. \"@R-PUSH-1 and not @wip\".")
    String tags;

    @Option(names = "--name", paramLabel = "REGEX", description = "Only scenarios whose name matches.")
    String name;

    @Option(names = "--hang-guard", paramLabel = "MS",
            description = "How long, in real milliseconds, an external implementation may take to answer hello and to "
                    + "return from each handler before the verdict iutHung (docs/iut-protocol.md section 11). Default: 10000.")
    String hangGuard;

    @Option(names = "--threads", defaultValue = "2", description = "Scenarios run in parallel. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--reports", paramLabel = "DIR", description = "Report directory. Default: <home>/reports.")
    Path reports;

    @Option(names = "--features", arity = "1..*", paramLabel = "PATH", description = "Feature files or directories, "
            + "file:LINE for one scenario or example row, @FILE for those a rerun file lists (e.g. @reports/rerun.txt). "
            + "Default: <home>/features.")
    List<Path> features;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only the I-th of N disjoint, balanced parts of the "
            + "selected scenarios (sorted by feature path and line, dealt round-robin), e.g. 2/3 in a CI matrix.")
    String shard;

    @Option(names = "--rerun-failed", description = "Run only the scenarios the last run in --reports failed "
            + "(its rerun.txt, which every run writes).")
    boolean rerunFailed;

    @Option(names = "--repeat", paramLabel = "N", description = "Run each selected scenario N times under the seeds "
            + "--seed, --seed+1, …, and report those that both pass and fail as flaky (exit 1).")
    Integer repeat;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Orders what happens at the same virtual instant (0: in the order it was caused) and draws the "
                    + "scenarios' ids; a run with the same seed repeats exactly. Default: ${DEFAULT-VALUE}.")
    String seed;

    @Option(names = "--explore", paramLabel = "N",
            description = "Run the selected scenarios under N seeds (--seed, --seed+1, …) and report the seeds that fail.")
    Integer explore;

    @Option(names = "--iut-traffic", paramLabel = "DIR",
            description = "Record every line exchanged with an external implementation, one file per app launch "
                    + "('>' the harness's lines, '<' the app's).")
    Path iutTraffic;

    @Option(names = "--no-html", description = "Skip the Allure HTML report (reports/allure-report/index.html, about 10 s).")
    boolean noHtml;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path home = ProjectHome.detect();
        Path reportsDir = reports == null ? home.resolve("reports") : reports.toAbsolutePath();
        if (rerunFailed) {
            Integer refused = rerunFailed(reportsDir);
            if (refused != null) {
                return refused;
            }
        }
        RunConfig config;
        try {
            RunConfig.Builder b = RunConfig.builder(home).iut(iut).profile(profile).policy(policy).tags(tags).name(name)
                    .hangGuardMillis(hangGuard).threads(threads).features(features)
                    .reportsDir(reportsDir).shard(shard)
                    .iutTraffic(iutTraffic).progress(true).monochrome(System.console() == null);
            config = b.seed(HarnessSettings.seed(seed)).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        FeatureFiles featureFiles = FeatureFiles.of(config.home(), config.features());
        try {
            featureFiles.check();
        } catch (FeatureFiles.Unusable e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CallflowCli.USAGE;
        }
        String noMatch = noScenarioMatches(config, featureFiles);
        if (noMatch != null) {
            spec.commandLine().getErr().println(noMatch);
            return CallflowCli.USAGE;
        }
        if (repeat != null) {
            if (repeat < 1 || explore != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--repeat needs a number of repetitions, at least 1, and goes without --explore");
            }
            int code = Repeat.run(spec.commandLine().getOut(), config, repeat);
            if (!noHtml) {
                spec.commandLine().getOut().println(AllureHtml.generate(home, reportsDir).message());
            }
            spec.commandLine().getOut().printf("Reports: %s (merged: summary.txt with its flaky: section, junit/cucumber.xml, "
                    + "allure-results/; each repetition's under %s/)%n", reportsDir, Repeat.DIR);
            spec.commandLine().getOut().flush();
            return code;
        }
        if (explore != null) {
            if (explore < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--explore needs a number of seeds, at least 1");
            }
            return Explore.run(spec.commandLine().getOut(), config, explore);
        }
        Optional<RunResult> ran = SuiteRuns.run(config, spec.commandLine());
        if (ran.isEmpty()) {
            return CallflowCli.USAGE;
        }
        RunResult result = ran.get();
        if (result.interrupted().isPresent()) {
            // Stopped by SIGINT or SIGTERM: the run's shutdown hook wrote the reports and said so; the JVM is exiting.
            return result.exitCode();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%n%s", RunReports.summary(result));
        result.undefinedSteps().forEach(spec.commandLine().getErr()::print);
        spec.commandLine().getErr().flush();
        String failures = RunReports.failures(result);
        if (!failures.isEmpty()) {
            out.printf("%nWhy they failed (the head of each error; whole texts above):%n%n%s", failures);
        }
        if (!noHtml) {
            out.println(AllureHtml.generate(home, config.reportsDir().orElseThrow()).message());
        }
        out.printf("%nReports: %s (timelines/ with a sequence diagram .svg per scenario, allure-results/, %sjunit/cucumber.xml, rerun.txt, "
                + "cucumber.html, summary.txt, failures.txt)%n", config.reportsDir().orElseThrow(),
                noHtml ? "" : AllureHtml.DIR + "/index.html, ");
        out.flush();
        return result.exitCode();
    }

    /**
     * A --tags or --name that selects nothing is a mistake (a typo would otherwise pass a CI gate with 0 scenarios):
     * what to say, or null when something is selected or no filter was given. An empty --shard is not one: with more
     * shards than scenarios some are empty by design.
     */
    static String noScenarioMatches(RunConfig config, FeatureFiles featureFiles) {
        if (config.tags().isEmpty() && config.name().isEmpty()) {
            return null;
        }
        if (!featureFiles.selected(config.tagExpression(), config.name()).isEmpty()) {
            return null;
        }
        String filter = config.tags().map(t -> "--tags '" + t + "'").orElse("")
                + (config.tags().isPresent() && config.name().isPresent() ? " and " : "")
                + config.name().map(n -> "--name '" + n.pattern() + "'").orElse("");
        java.util.SortedSet<String> flows = new java.util.TreeSet<>();
        featureFiles.selected("not @wip", Optional.empty())
                .forEach(s -> s.tags().stream().filter(t -> t.startsWith("@flow-")).forEach(flows::add));
        return "No scenario matches " + filter + " in " + config.features() + ", so nothing would run (exit 2). Tags "
                + "and names are case-sensitive; a tag expression reads like \"@R-PUSH-1 and not @wip\". Flow tags: "
                + String.join(", ", flows) + "; rule tags are the rule IDs (./callflow rules).";
    }

    /** Points the run at the last run's rerun file; a code to exit with when there is nothing to rerun. */
    private Integer rerunFailed(Path reportsDir) {
        Path rerun = reportsDir.resolve(RunReports.RERUN);
        if (features != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rerun-failed runs the scenarios " + rerun
                    + " lists; leave out --features (or give --features @" + rerun + " yourself)");
        }
        if (!java.nio.file.Files.isRegularFile(rerun)) {
            spec.commandLine().getErr().println("No rerun file at " + rerun + ": run the suite first (./callflow run"
                    + (reports == null ? "" : " --reports " + reports) + "); every run writes the scenarios it failed there.");
            return CallflowCli.USAGE;
        }
        try {
            if (java.nio.file.Files.readString(rerun).isBlank()) {
                spec.commandLine().getOut().println("The last run in " + reportsDir + " recorded no failed scenario ("
                        + rerun + " is empty): nothing to rerun.");
                return CallflowCli.PASS;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not read the rerun file " + rerun, e);
        }
        features = List.of(Path.of("@" + rerun));
        return null;
    }
}
