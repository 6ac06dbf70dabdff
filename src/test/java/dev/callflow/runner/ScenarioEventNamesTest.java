package dev.callflow.runner;

import dev.callflow.cli.CallflowCli;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An event name the vocabulary does not know is the scenario writer's mistake: the run stops before it starts, exit 2,
 * naming every such name as file:line with the names meant, instead of failing the app (exit 1) or the harness (exit 3).
 */
class ScenarioEventNamesTest {
    private static final String SUFFIX = " (./callflow events lists them)";

    @Test
    void anUnknownNameInAnEventTableIsAUsageErrorWithFileLineAndTheNameMeant(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("second.feature");
        Files.writeString(f, """
                Feature: second call

                  Scenario: the user declines the other call
                    Given the app is running in the foreground
                    When the server offers call A from "alice"
                    Then the timeline shows in order:
                      | source | event                              | call |
                      | user   | userChoseDecline                   | A    |
                      | server | serverEvent                        | A    |
                      | sdk    | releaseAudio\\|remoteHangup         | A    |
                """);
        assertThat(FeatureFiles.of(null, List.of(f)).problems()).containsExactly(
                f + ":8: 'userChoseDecline' is no event of the vocabulary; did you mean userDeclinedOtherCall?" + SUFFIX,
                f + ":10: 'remoteHangup' is no event of the vocabulary; did you mean serverEvent type=remoteHangup?" + SUFFIX);
        assertThatThrownBy(() -> SuiteRunner.run(Runs.config("reference").features(f).build()))
                .isInstanceOf(FeatureFiles.Unusable.class).hasMessageContaining(f + ":8: 'userChoseDecline'");
        assertThat(cli(f)).isEqualTo(CallflowCli.USAGE);
    }

    @Test
    void orderAndAbsenceStepsAreCheckedWithTheGluesOwnExpressionsInBothLanguages(@TempDir Path dir) throws IOException {
        Path en = dir.resolve("en.feature");
        Files.writeString(en, """
                Feature: steps

                  Scenario Outline: typos
                    Given the app is running in the foreground
                    Then didActivateAudioSesion happens after userTappedAnswer for call A
                    And there is no <absent> at all
                    And there is no fulfill for call A after performAnswerCallActon
                    And there is no cancel with "reason=x"
                    And there is no startAudio before didActivateAudioSession for call A

                    Examples:
                      | absent       |
                      | startAudio   |
                      | startAudi0   |
                """);
        Path zh = dir.resolve("zh.feature");
        Files.writeString(zh, """
                # language: zh-CN
                功能: 中文

                  场景: 拼错的事件
                    假如应用在前台运行
                    那么时间线按顺序显示：
                      | 来源   | 事件              | 通话 |
                      | user   | userChoseDecline  | A    |
                    而且没有 didActivate 事件在 startAudio 之后
                """);
        assertThat(FeatureFiles.of(null, List.of(en, zh)).problems()).containsExactly(
                en + ":5: 'didActivateAudioSesion' is no event of the vocabulary; did you mean didActivateAudioSession, "
                        + "didDeactivateAudioSession?" + SUFFIX,
                en + ":6: 'startAudi0' is no event of the vocabulary; did you mean startAudio?" + SUFFIX,
                en + ":7: 'performAnswerCallActon' is no event of the vocabulary; did you mean performAnswerCallAction?" + SUFFIX,
                en + ":8: 'cancel' is no event of the vocabulary; did you mean serverEvent type=cancel?" + SUFFIX,
                zh + ":8: 'userChoseDecline' is no event of the vocabulary; did you mean userDeclinedOtherCall?" + SUFFIX,
                zh + ":9: 'didActivate' is no event of the vocabulary; did you mean didActivateAudioSession?" + SUFFIX);
        assertThat(cli(zh)).isEqualTo(CallflowCli.USAGE);
    }

    @Test
    void theSuitesOwnFeaturesNameOnlyKindsOfTheVocabulary() {
        assertThat(FeatureFiles.of(Runs.HOME, List.of(Runs.HOME.resolve("features"),
                Runs.HOME.resolve("src/test/resources"))).problems()).as("false alarms").isEmpty();
    }

    private static int cli(Path feature) {
        return CallflowCli.execute("run", "--features", feature.toString(), "--reports",
                Runs.HOME.resolve("target/scenario-event-names-test").toString());
    }
}
