package dev.callflow.cli;

import dev.callflow.device.TimingProfile;
import dev.callflow.harness.HarnessSettings;
import dev.callflow.iut.ImplementationsUnderTest;
import dev.callflow.report.VerdictPlugin;
import dev.callflow.rules.Policy;
import dev.callflow.steps.UnknownStepAdvisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

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

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Orders what happens at the same virtual instant (0: in the order it was caused) and draws the "
                    + "scenarios' ids; a run with the same seed repeats exactly. Default: ${DEFAULT-VALUE}.")
    String seed;

    @Option(names = "--explore", paramLabel = "N",
            description = "Run the selected scenarios under N seeds (--seed, --seed+1, …) and report the seeds that fail.")
    Integer explore;

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

    @Option(names = "--features", paramLabel = "PATH", description = "Feature files or directories. Default: <home>/features.")
    List<Path> features;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path home = Path.of(System.getProperty(HarnessSettings.HOME, ".")).toAbsolutePath().normalize();
        try {
            ImplementationsUnderTest.validate(iut);
            TimingProfile.named(profile);
            Policy.named(policy);
            HarnessSettings.hangGuard(hangGuard);
            HarnessSettings.seed(seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (explore != null && explore < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--explore needs a number of seeds, at least 1");
        }
        Path reportDir = (reports == null ? home.resolve("reports") : reports).toAbsolutePath();
        List<Path> featurePaths = features == null ? List.of(home.resolve("features")) : features;
        for (Path f : featurePaths) {
            if (!Files.exists(f)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "No feature file or directory at " + f);
            }
        }
        clean(reportDir.resolve("timelines"));
        clean(reportDir.resolve("allure-results"));
        Files.deleteIfExists(reportDir.resolve("verdict.properties"));
        Files.deleteIfExists(reportDir.resolve("failures.txt"));

        System.setProperty(HarnessSettings.HOME, home.toString());
        System.setProperty(HarnessSettings.REPORTS, reportDir.toString());
        System.setProperty(HarnessSettings.IUT, iut);
        System.setProperty(HarnessSettings.PROFILE, profile);
        System.setProperty(HarnessSettings.POLICY, policy);
        System.setProperty(HarnessSettings.SEED, String.valueOf(HarnessSettings.seed(seed)));
        if (hangGuard != null) {
            System.setProperty(HarnessSettings.HANG_GUARD, hangGuard.trim());
        }
        System.setProperty("allure.results.directory", reportDir.resolve("allure-results").toString());
        if (explore != null) {
            return Explore.run(spec.commandLine().getOut(), reportDir, HarnessSettings.seed(seed), explore, threads, tags,
                    name, featurePaths);
        }

        List<String> argv = new ArrayList<>(List.of(
                "--glue", "dev.callflow.steps",
                "--threads", String.valueOf(threads),
                "--plugin", "progress",
                "--plugin", "summary",
                "--plugin", "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm",
                "--plugin", "junit:" + reportDir.resolve("junit/cucumber.xml"),
                "--plugin", "html:" + reportDir.resolve("cucumber.html"),
                "--plugin", VerdictPlugin.class.getName() + ":" + reportDir,
                "--plugin", UnknownStepAdvisor.class.getName(),
                "--tags", "not @wip" + (tags == null ? "" : " and (" + tags + ")")));
        if (name != null) {
            argv.addAll(List.of("--name", name));
        }
        if (System.console() == null) {
            argv.add("--monochrome");
        }
        featurePaths.forEach(p -> argv.add(p.toString()));
        System.setProperty("cucumber.publish.quiet", "true");
        byte status = io.cucumber.core.cli.Main.run(argv.toArray(String[]::new), Thread.currentThread().getContextClassLoader());

        Properties verdict = readVerdict(reportDir);
        int faults = Integer.parseInt(verdict.getProperty("harnessFaults", "0"));
        int failures = Integer.parseInt(verdict.getProperty("conformanceFailures", "0"));
        int undefined = Integer.parseInt(verdict.getProperty("undefinedSteps", "0"));
        Path summary = reportDir.resolve("summary.txt");
        if (Files.exists(summary)) {
            spec.commandLine().getOut().printf("%n%s", Files.readString(summary));
        }
        Path failed = reportDir.resolve("failures.txt");
        if (Files.exists(failed) && Files.size(failed) > 0) {
            spec.commandLine().getOut().printf("%nWhy they failed (the head of each error; whole texts above):%n%n%s",
                    Files.readString(failed));
        }
        spec.commandLine().getOut().printf("%nReports: %s (timelines/, allure-results/, junit/cucumber.xml, cucumber.html, summary.txt, failures.txt)%n",
                reportDir);
        if (undefined > 0) {
            return CallflowCli.USAGE;
        }
        if (faults > 0) {
            return CallflowCli.HARNESS_FAULT;
        }
        return failures > 0 || status != 0 ? CallflowCli.CONFORMANCE_FAILURE : CallflowCli.PASS;
    }

    private static Properties readVerdict(Path reportDir) throws IOException {
        Properties p = new Properties();
        Path f = reportDir.resolve("verdict.properties");
        if (Files.exists(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
            }
        }
        return p;
    }

    private static void clean(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the previous run's output in " + dir, e);
        }
    }
}
