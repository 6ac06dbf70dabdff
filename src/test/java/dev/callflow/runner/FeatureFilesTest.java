package dev.callflow.runner;

import dev.callflow.cli.CallflowCli;
import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunContext;
import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.report.RunReports;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Feature files are read with the Gherkin parser before Cucumber runs: a file that cannot run is a usage error naming
 * file:line and what to do, and a scenario Cucumber never finishes is still reported, as a harness fault, by name.
 */
class FeatureFilesTest {

    @Test
    void anUnknownDialectIsAUsageErrorNamingFileLineAndTheDialectsCloseToIt(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.feature");
        Files.writeString(bad, "# language: xx-YY\nFeature: x\n\n  Scenario: y\n    Given the app is running in the foreground\n");
        Path zhBad = dir.resolve("zh.feature");
        Files.writeString(zhBad, "\n# language: zh-XX\n功能: x\n");
        assertThat(FeatureFiles.of(null, List.of(dir)).problems()).containsExactly(
                bad + ":1: unknown Gherkin dialect '# language: xx-YY'; use one of the dialects close to it: "
                        + String.join(", ", FeatureFiles.closeDialects("xx-YY")) + " (or leave the line out for English)",
                zhBad + ":2: unknown Gherkin dialect '# language: zh-XX'; use one of the dialects close to it: "
                        + "zh-CN, zh-TW (or leave the line out for English)");
        assertThat(FeatureFiles.closeDialects("xx-YY")).hasSize(8);
        assertThat(FeatureFiles.closeDialects("en-XX")).contains("en", "en-au", "en-pirate");
        assertThat(cli(bad)).as("exit code of ./callflow run on %s", bad).isEqualTo(CallflowCli.USAGE);
    }

    @Test
    void aSyntaxErrorIsAUsageErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.feature");
        Files.writeString(broken, """
                Feature: broken

                  Scenario: a table without its step
                    Given the app is running in the foreground
                  | source | event |
                  Scenari: typo
                """);
        List<String> problems = FeatureFiles.of(null, List.of(broken)).problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(broken + ":6: Gherkin syntax error: ").contains("Scenari: typo")
                .endsWith("; fix the line (keywords: README.md, \"Writing scenarios\")");
        assertThatThrownBy(() -> SuiteRunner.run(Runs.config("reference").features(broken).build()))
                .isInstanceOf(FeatureFiles.Unusable.class).hasMessageContaining(broken + ":6: ");
        assertThat(cli(broken)).isEqualTo(CallflowCli.USAGE);
    }

    /** Fails on Cucumber 7.33.0+ (cucumber-jvm #3117): the pin to 7.32.0 in pom.xml is what makes it pass. */
    @Test
    void aChineseFeatureRuns() {
        RunResult r = SuiteRunner.run(Runs.config("reference").features(Path.of("features/zh-CN/answer.feature")).build());
        assertThat(r.scenarios()).extracting(ScenarioOutcome::name)
                .containsExactly("手机未锁屏时在系统来电界面上接听", "在锁屏上接听：保持系统来电界面，激活后仍启动媒体");
        assertThat(r.failed()).as("%s", ScenarioOutcome.describe(r.failed())).isEmpty();
        assertThat(r.exitCode()).isEqualTo(RunResult.PASS);
    }

    @Test
    void onlyCucumber733AndLaterAreKnownNotToRunARegionDialect() {
        assertThat(FeatureFiles.runtimeRuns("zh-CN", "7.32.0")).isTrue();
        assertThat(FeatureFiles.runtimeRuns("zh-CN", "7.34.2")).isFalse();
        assertThat(FeatureFiles.runtimeRuns("zh", "7.34.2")).isTrue();
        assertThat(FeatureFiles.runtimeRuns("zh-CN", "8.0.0-M1-SNAPSHOT")).isFalse();
    }

    @Test
    void theSelectionFollowsTagsAndNamesOneEntryPerExampleRow() {
        FeatureFiles files = FeatureFiles.of(Runs.HOME, List.of(Runs.HOME.resolve("features/zh-CN/outgoing.feature")));
        assertThat(files.selected("not @wip", Optional.empty())).hasSize(6);
        assertThat(files.selected("not @wip and @R-OUT-3", Optional.empty())).extracting(FeatureFiles.Selected::name)
                .containsExactly("应用在后台时被叫方占线，应用不会自行重拨");
        assertThat(files.selected("not @wip", Optional.of(java.util.regex.Pattern.compile("未接通"))))
                .extracting(FeatureFiles.Selected::line).containsExactly(49, 50, 51);
    }

    @Test
    void aSelectedScenarioThatNeverFinishedIsAHarnessFaultByNameInEveryReport(@TempDir Path reports) throws IOException {
        RunConfig config = Runs.config("reference").features(Path.of("features/zh-CN/answer.feature")).reportsDir(reports).build();
        List<FeatureFiles.Selected> selected = FeatureFiles.of(config.home(), config.features()).selected(config.tagExpression(),
                config.name());
        RunResult r;
        try (RunContext run = RunContext.open(config)) {
            SuiteRunner.reportUnfinished(run, selected, new IllegalStateException("Ill-formed language: zh-CN"));
            r = run.result();
        }
        assertThat(r.harnessFaults()).extracting(ScenarioOutcome::name)
                .containsExactly("手机未锁屏时在系统来电界面上接听", "在锁屏上接听：保持系统来电界面，激活后仍启动媒体");
        assertThat(r.exitCode()).isEqualTo(RunResult.HARNESS_FAULT);
        RunReports.write(r, reports);
        assertThat(Files.readString(reports.resolve(RunReports.SUMMARY))).contains("harness faults 2")
                .containsPattern("FAILED +0\\.0 ms  手机未锁屏时在系统来电界面上接听");
        assertThat(Files.readString(reports.resolve(RunReports.VERDICT_COUNTS))).contains("harnessFaults=2", "neverFinished=2",
                "neverFinished.1=answer.feature:12 手机未锁屏时在系统来电界面上接听");
        assertThat(Files.readString(reports.resolve(RunReports.FAILURES))).contains("手机未锁屏时在系统来电界面上接听",
                "never finished", "Ill-formed language: zh-CN");
    }

    private static int cli(Path feature) {
        return CallflowCli.execute("run", "--features", feature.toString(), "--reports",
                Runs.HOME.resolve("target/feature-files-test").toString());
    }
}
