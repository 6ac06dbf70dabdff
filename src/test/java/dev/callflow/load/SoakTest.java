package dev.callflow.load;

import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A short soak: the reference app leaves nothing behind over every flow; an app that never releases its SDK, or
 * prepares it for a second call without releasing the first, is reported as leaking. No timing is asserted.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SoakTest {
    private static final int ONE_OF_EACH = Flow.values().length;

    @Test
    void theReferenceAppLeavesNothingBehindOverEveryFlow() {
        SoakResult r = new Soak(Runs.config("reference").seed(11).build(), 2 * ONE_OF_EACH, null).run();

        assertThat(r.harnessFault()).as("harness fault").isEmpty();
        assertThat(r.callsDone()).isEqualTo(2 * ONE_OF_EACH);
        assertThat(r.brokenFlows()).as("calls that could not complete their flow").isEmpty();
        assertThat(r.leaks()).as("leaks\n%s", r.describe()).isEmpty();
        assertThat(r.violations()).as("rule violations\n%s", r.describe()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.steps()).containsKeys("answer → media", "settle", "judge (every rule, one call)",
                "cellular Hold & Accept → held", "second call Hold & Accept → media", "dial → media");
        assertThat(r.describe()).contains("verdict: clean").contains("p50").contains("p99").contains("threads");
    }

    @Test
    void anAppThatNeverReleasesItsSdkAfterACallIsReportedAsLeaking() {
        SoakResult r = new Soak(Runs.config("mutant:keep-sdk-running-after-end").seed(12).build(), ONE_OF_EACH, null).run();

        assertThat(r.harnessFault()).isEmpty();
        assertThat(r.leaks()).as("leaks\n%s", r.describe()).containsKeys("sdk prepared", "media running");
        assertThat(r.leakSamples()).first().satisfies(f -> assertThat(f.what()).contains("has no unprepareSDK"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.describe()).contains("NOT clean");
    }

    @Test
    void anAppThatPreparesTheSdkForASecondCallWithoutReleasingTheFirstIsReportedAsLeaking() {
        SoakResult r = new Soak(Runs.config("mutant:prepare-without-release").seed(13).build(), ONE_OF_EACH, null).run();

        assertThat(r.harnessFault()).isEmpty();
        assertThat(r.leaks()).as("leaks\n%s", r.describe()).containsKey("sdk prepared twice");
        assertThat(r.leakSamples()).anySatisfy(f -> {
            assertThat(f.flow()).isEqualTo(Flow.SECOND_CALL_HOLD_AND_ACCEPT);
            assertThat(f.what()).contains("while the SDK was still prepared for");
        });
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void aSoakNeedsAtLeastOneCall() {
        assertThatThrownBy(() -> new Soak(Runs.config("reference").build(), 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--calls N with N >= 1");
    }
}
