package dev.callflow.rules;

import dev.callflow.monitor.RuleMonitor;
import dev.callflow.timeline.LogFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** CALLKIT-RULES.md section 5: the seed's sample log is CONFORMANT; its two quirks are warnings only under the strict reading. */
class SeedSampleConformanceTest {

    private static List<RuleVerdict> judge(Policy policy) throws Exception {
        var timeline = LogFormat.standard().parse(Path.of("fixtures/logs/seed-sample.log"));
        return RuleMonitor.allRules(policy).judge(timeline.events());
    }

    @Test
    void conformantWithoutAnyWarningUnderTheDefaultPolicy() throws Exception {
        List<RuleVerdict> fired = judge(Policy.DEFAULT).stream().filter(RuleVerdict::fired).toList();
        assertThat(fired).as("rules that fire on the seed's sample log under the default policy: %s",
                fired.stream().map(v -> v.rule().id() + " " + v.findings()).collect(Collectors.joining("; "))).isEmpty();
    }

    @Test
    void theStrictSeedReadingOnlyWarns() throws Exception {
        List<RuleVerdict> verdicts = judge(Policy.SEED_STRICT);
        assertThat(verdicts).noneMatch(RuleVerdict::failed);
        assertThat(verdicts.stream().filter(RuleVerdict::fired).map(v -> v.rule().id()))
                .as("section 5: configAudio after didActivate (R-AUD-2) and audio released before didDeactivate (R-AUD-3) "
                        + "are the strict seed reading's only warnings")
                .containsExactlyInAnyOrder("R-AUD-2", "R-AUD-3");
        assertThat(verdicts.stream().filter(RuleVerdict::fired))
                .allMatch(v -> v.outcome() == RuleVerdict.Outcome.WARNED);
    }
}
