package dev.callflow.cli;

import dev.callflow.certify.BuildInfo;
import dev.callflow.certify.Certificate;
import dev.callflow.certify.Certification;
import dev.callflow.certify.RuleStatus;
import dev.callflow.certify.Verification;
import dev.callflow.harness.HarnessSettings;
import dev.callflow.harness.ProjectHome;
import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunResult;
import dev.callflow.report.AllureHtml;
import dev.callflow.report.RunReports;
import dev.callflow.runner.FeatureFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code callflow certify}: the whole suite against an implementation, and a certificate of what it found. */
@Command(name = "certify", mixinStandardHelpOptions = true,
        description = "Run the whole suite against an implementation and write reports/certificate/certificate.json, "
                + "certificate.html and coverage.md: every rule pass, warn, fail or not covered, with the scenarios that "
                + "exercised it, and the SHA-256 of every result file and artifact. --verify checks a certificate's hashes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no rule fails and every scenario passed (with --verify: every file intact)",
                "1:a rule fails or a scenario failed (with --verify: a file changed or is missing)",
                "2:usage or input error", "3:harness fault"})
final class CertifyCommand implements Callable<Integer> {

    @Option(names = "--iut", defaultValue = "reference", paramLabel = "SPEC",
            description = "Implementation under test, as for 'run'. Default: ${DEFAULT-VALUE}.")
    String iut;

    @Option(names = "--artifact", paramLabel = "FILE", description = "A file of the build under test (repeatable): its SHA-256 goes in the certificate.")
    List<Path> artifacts = new ArrayList<>();

    @Option(names = "--policy", defaultValue = "default", paramLabel = "NAME", description = "'default', 'seed-strict' or 'apple'. Default: ${DEFAULT-VALUE}.")
    String policy;

    @Option(names = "--profile", defaultValue = "realistic", paramLabel = "NAME", description = "Timing profile. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "As for 'run'. Default: ${DEFAULT-VALUE}.")
    String seed;

    @Option(names = "--tags", paramLabel = "EXPR",
            description = "Certify only the scenarios with these tags: a partial certificate (it says so; rules outside them are not covered).")
    String tags;

    @Option(names = "--threads", defaultValue = "2", description = "Scenarios run in parallel. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--hang-guard", paramLabel = "MS", description = "As for 'run'.")
    String hangGuard;

    @Option(names = "--reports", paramLabel = "DIR", description = "Report directory. Default: <home>/reports.")
    Path reports;

    @Option(names = "--no-html", description = "Skip the Allure HTML report.")
    boolean noHtml;

    @Option(names = "--verify", paramLabel = "CERTIFICATE",
            description = "Compute every hash of this certificate.json again and name each result file or artifact that changed or is missing.")
    Path verify;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (verify != null) {
            return verify(out);
        }
        for (Path a : artifacts) {
            if (!Files.isRegularFile(a)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "No artifact file at " + a.toAbsolutePath());
            }
        }
        Path home = ProjectHome.detect();
        RunConfig config;
        try {
            config = RunConfig.builder(home).iut(iut).profile(profile).policy(policy).tags(tags).hangGuardMillis(hangGuard)
                    .threads(threads).reportsDir(reports == null ? home.resolve("reports") : reports.toAbsolutePath())
                    .progress(true).monochrome(System.console() == null).seed(HarnessSettings.seed(seed)).build();
            FeatureFiles.of(config.home(), config.features()).check();
        } catch (FeatureFiles.Unusable e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CallflowCli.USAGE;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
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
        Path dir = config.reportsDir().orElseThrow();
        out.printf("%n%s", RunReports.summary(result));
        if (!noHtml) {
            out.println(AllureHtml.generate(home, dir).message());
        }
        Certificate c = Certification.of(result, dir, artifacts, BuildInfo.detect(home));
        Path json = Certification.write(c, dir);
        out.printf("%nCertificate of %s %s: %s%n", c.iut().name(), c.iut().version(), c.outcome());
        c.ruleResults().stream().filter(r -> r.status() == RuleStatus.FAIL).forEach(r -> out.printf("  FAIL %s %s (%s)%n",
                r.rule(), r.statement(), String.join(", ", r.findings().stream().map(Certificate.Finding::where).distinct().toList())));
        if (!c.notCovered().isEmpty()) {
            out.printf("  NOT COVERED (no scenario exercised them; nothing is certified about them): %s%n",
                    String.join(", ", c.notCovered()));
        }
        out.printf("%s%n%s%nverify with: ./callflow certify --verify %s%n", json, json.resolveSibling(Certification.HTML_FILE), json);
        out.flush();
        return c.exitCode();
    }

    private int verify(PrintWriter out) {
        Verification v;
        try {
            v = Verification.of(verify);
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot read the certificate " + verify.toAbsolutePath() + ": " + e.getMessage());
            return CallflowCli.USAGE;
        }
        out.print(v.describe());
        out.flush();
        return v.intact() ? CallflowCli.PASS : CallflowCli.CONFORMANCE_FAILURE;
    }
}
