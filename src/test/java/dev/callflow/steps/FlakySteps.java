package dev.callflow.steps;

import io.cucumber.java.en.Given;

/**
 * A step for testing {@code --repeat} only (src/test/resources/repeat/): it fails when the run's seed is odd, so
 * under the seeds 0, 1, 2, … its scenario passes and fails by turns, as an order-dependent scenario does. Test glue,
 * so the step library of {@code ./callflow run} does not offer it.
 */
public class FlakySteps {
    private final ScenarioContext ctx;

    public FlakySteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    @Given("this scenario fails under an odd seed")
    public void failsUnderAnOddSeed() {
        long seed = ctx.rig().settings().seed();
        if (seed % 2 != 0) {
            throw new AssertionError("Test-only step: expected an even seed, observed seed " + seed
                    + " (this scenario is flaky on purpose, to test --repeat)");
        }
    }
}
