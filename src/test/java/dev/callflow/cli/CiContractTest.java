package dev.callflow.cli;

import dev.callflow.harness.RunConfig;
import dev.callflow.report.ReportFiles;
import dev.callflow.runner.FeatureFiles;
import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The CI contract of {@code ./callflow run}: shards, the rerun file, and flaky scenarios under --repeat. */
class CiContractTest {
    private static final Path HOME = Runs.HOME;

    private record Run(int exit, String out, String err) { }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CallflowCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private static List<String> keys(RunConfig config) {
        return SuiteRunner.select(config, FeatureFiles.of(config.home(), config.features())).stream()
                .map(s -> HOME.relativize(s.file()) + ":" + s.line()).toList();
    }

    @Test
    void shardsSplitTheRealSuiteIntoDisjointBalancedStableParts() throws Exception {
        List<String> whole = keys(Runs.config("reference").build());
        List<Path> files;
        try (var walk = Files.list(HOME.resolve("features"))) {
            files = new ArrayList<>(walk.filter(f -> f.toString().endsWith(".feature") || Files.isDirectory(f)).sorted().toList());
        }
        List<Path> reversed = new ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        assertThat(whole).hasSizeGreaterThan(100);
        for (int n = 1; n <= 5; n++) {
            Set<String> union = new HashSet<>();
            List<Integer> sizes = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                List<String> part = keys(Runs.config("reference").shard(i + "/" + n).build());
                assertThat(keys(Runs.config("reference").shard(i + "/" + n).build())).as("shard %d/%d twice", i, n).isEqualTo(part);
                assertThat(new HashSet<>(keys(Runs.config("reference").features(reversed).shard(i + "/" + n).build())))
                        .as("shard %d/%d with the features in reverse order", i, n).isEqualTo(new HashSet<>(part));
                int before = union.size();
                union.addAll(part);
                assertThat(union).as("shard %d/%d shares no scenario with the others", i, n).hasSize(before + part.size());
                sizes.add(part.size());
            }
            assertThat(union).as("the %d shards together", n).isEqualTo(new HashSet<>(whole));
            assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()
                    - sizes.stream().mapToInt(Integer::intValue).min().orElseThrow()).as("sizes %s", sizes).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aShardThatIsNoShardIsAUsageError() {
        Run run = cli("run", "--shard", "4/3", "--no-html");
        assertThat(run.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(run.err()).contains("--shard 4/3: the shard must be i/n with 1 <= i <= n");
        assertThat(cli("run", "--shard", "two", "--no-html").err()).contains("--shard 'two' is no shard");
    }

    /** A typo in a CI job's --tags must not pass the gate with 0 scenarios. */
    @Test
    void aFilterThatSelectsNoScenarioIsAUsageError() {
        Run typo = cli("run", "--tags", "@flow-answr", "--no-html", "--reports", HOME.resolve("target/ci-contract/typo").toString());
        assertThat(typo.exit()).as(typo.out() + typo.err()).isEqualTo(CallflowCli.USAGE);
        assertThat(typo.err()).contains("No scenario matches --tags '@flow-answr'").contains("@flow-answer")
                .contains("nothing would run");
        assertThat(HOME.resolve("target/ci-contract/typo/summary.txt")).as("nothing ran, nothing written").doesNotExist();

        Run name = cli("run", "--tags", "@flow-answer", "--name", "no scenario is called this", "--no-html");
        assertThat(name.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(name.err()).contains("No scenario matches --tags '@flow-answer' and --name 'no scenario is called this'");
    }

    /** More shards than scenarios leaves some shards empty by design: they run nothing and pass. */
    @Test
    void anEmptyShardOfAMatchingSelectionIsNoError() throws Exception {
        String tags = "@flow-answer and @R-AUD-2";
        int n = keys(Runs.config("reference").tags(tags).build()).size() + 1;
        Run run = cli("run", "--tags", tags, "--shard", n + "/" + n, "--no-html",
                "--reports", HOME.resolve("target/ci-contract/empty-shard").toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).doesNotContain("No scenario matches");
    }

    @Test
    void threeShardsRunEachScenarioOfTheSelectionExactlyOnce() throws Exception {
        String tags = "@flow-answer";
        List<String> whole = keys(Runs.config("reference").tags(tags).build());
        List<String> ran = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path reports = HOME.resolve("target/ci-contract/shard-" + i);
            Run run = cli("run", "--tags", tags, "--shard", i + "/3", "--reports", reports.toString(), "--no-html");
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            String xml = Files.readString(reports.resolve("junit/cucumber.xml"));
            ran.addAll(List.of(xml.split("<testcase ")).subList(1, xml.split("<testcase ").length));
        }
        assertThat(ran).hasSize(whole.size());
        assertThat(new HashSet<>(ran)).as("no scenario ran twice").hasSize(whole.size());
    }

    @Test
    void rerunFailedRunsExactlyTheLastRunsFailures() throws Exception {
        Path reports = HOME.resolve("target/ci-contract/rerun");
        ReportFiles.deleteRecursively(reports);
        Run none = cli("run", "--rerun-failed", "--reports", reports.toString(), "--no-html");
        assertThat(none.exit()).isEqualTo(CallflowCli.USAGE);
        assertThat(none.err()).contains("No rerun file at " + reports.resolve("rerun.txt"));

        Run mutant = cli("run", "--iut", "mutant:start-audio-in-answer", "--tags", "@R-AUD-2 or @flow-answer",
                "--reports", reports.toString(), "--no-html");
        assertThat(mutant.exit()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        List<String> failed = Files.readAllLines(reports.resolve("rerun.txt"));
        assertThat(failed).isNotEmpty().allMatch(l -> l.matches("features/[\\w/-]+\\.feature:\\d+"));
        String failedSummary = Files.readString(reports.resolve("summary.txt"));

        Run rerun = cli("run", "--iut", "mutant:start-audio-in-answer", "--rerun-failed", "--reports", reports.toString(), "--no-html");
        assertThat(rerun.exit()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);
        assertThat(rerun.out()).contains("scenarios: " + failed.size() + ", passed 0");
        assertThat(failedSummary).contains("scenarios: ").doesNotContain("scenarios: " + failed.size() + ", passed 0");
        assertThat(Files.readAllLines(reports.resolve("rerun.txt"))).isEqualTo(failed);

        Path copy = HOME.resolve("target/ci-contract/rerun-copy.txt");
        Files.copy(reports.resolve("rerun.txt"), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run byFile = cli("run", "--features", "@" + copy, "--reports", reports.toString(), "--no-html");
        assertThat(byFile.exit()).as("the reference app passes them").isZero();
        assertThat(byFile.out()).contains("scenarios: " + failed.size() + ", passed " + failed.size());
        assertThat(Files.readString(reports.resolve("rerun.txt"))).isEmpty();

        Run nothing = cli("run", "--rerun-failed", "--reports", reports.toString(), "--no-html");
        assertThat(nothing.exit()).isZero();
        assertThat(nothing.out()).contains("recorded no failed scenario");
    }

    @Test
    void repeatMarksTheScenarioThatBothPassesAndFailsFlakyAndTheStableOneNot() throws Exception {
        Path reports = HOME.resolve("target/ci-contract/repeat");
        Run run = cli("run", "--repeat", "5", "--features", "src/test/resources/repeat/flaky.feature",
                "--reports", reports.toString(), "--no-html");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(CallflowCli.CONFORMANCE_FAILURE);

        String summary = Files.readString(reports.resolve("summary.txt"));
        assertThat(summary).contains("flaky: 1 scenario(s)\n  Flaky on purpose: fails under an odd seed (flaky.feature:7): "
                + "passed under seed(s) [0, 2, 4], failed under seed(s) [1, 3]");
        assertThat(summary.substring(summary.indexOf("flaky:"), summary.indexOf("seed 0:"))).doesNotContain("Stable");

        String xml = Files.readString(reports.resolve("junit/cucumber.xml"));
        String flaky = xml.substring(xml.indexOf("name=\"Flaky on purpose"), xml.indexOf("</testcase>", xml.indexOf("name=\"Flaky on purpose")));
        String stable = xml.substring(xml.indexOf("name=\"Stable"), xml.indexOf("</testcase>", xml.indexOf("name=\"Stable")));
        assertThat(flaky.split("<flakyFailure ", -1)).as(flaky).hasSize(3);
        assertThat(flaky).contains("failed under seed 1").contains("failed under seed 3").doesNotContain("<failure");
        assertThat(stable).doesNotContain("flakyFailure").doesNotContain("<failure");

        List<Path> results;
        try (var files = Files.list(reports.resolve("allure-results"))) {
            results = files.filter(f -> f.toString().endsWith("-result.json")).toList();
        }
        assertThat(results).hasSize(10);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Path r : results) {
            var node = json.readTree(r.toFile());
            boolean isFlaky = node.path("name").asText().startsWith("Flaky on purpose");
            assertThat(node.path("statusDetails").path("flaky").asBoolean()).as("%s flaky", node.path("name")).isEqualTo(isFlaky);
        }
    }
}
