package dev.callflow.steps;

import dev.callflow.harness.ScenarioRig;
import dev.callflow.timeline.Event;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Source;
import io.cucumber.java.en.Then;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Steps for the reference app's own diagnostics (src/test/resources/reference-app/), never for the conformance suite:
 * they read the reference app's log words, which another implementation need not write. Test glue, so the step
 * library of {@code ./callflow run} does not offer them; FeatureNeutralityTest keeps their words out of features/.
 */
public class ReferenceAppSteps {
    private final ScenarioContext ctx;

    public ReferenceAppSteps(ScenarioContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Every event whose name appears in the seed document's sample log, taken in timeline order, must spell out the
     * sample log's sequence exactly: same names, same order, same count. The reference app follows the seed's sample
     * to the letter, its log words included.
     */
    @Then("the reference app logs the events named in the seed's sample log in exactly its order")
    public void seedOrder() {
        ScenarioRig rig = ctx.rig();
        Path sample = rig.settings().fixtures().resolve("logs/seed-sample.log");
        List<String> seed;
        try {
            seed = LogFormat.standard().parse(sample).events().stream().map(Event::name).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the seed's sample log at " + sample, e);
        }
        Set<String> names = new LinkedHashSet<>(seed);
        boolean same = Waits.await(rig, events -> project(events, names).equals(seed))
                == dev.callflow.device.VirtualClock.Outcome.MATCHED;
        if (!same) {
            List<String> observed = project(rig.timeline().events(), names);
            StringBuilder b = new StringBuilder("The seed's sample log order was not reproduced (" + sample + ").\n");
            b.append(String.format("%-4s %-28s | %s%n", "#", "seed sample log", "this timeline"));
            for (int i = 0; i < Math.max(seed.size(), observed.size()); i++) {
                String l = i < seed.size() ? seed.get(i) : "";
                String r = i < observed.size() ? observed.get(i) : "";
                b.append(String.format("%-4d %-28s | %s%s%n", i + 1, l, r, l.equals(r) ? "" : "   <<<<< differs"));
            }
            throw new AssertionError(b.toString());
        }
    }

    private static List<String> project(List<Event> events, Set<String> names) {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            if (names.contains(e.name()) && e.source() != Source.USER) {
                out.add(e.name());
            }
        }
        return out;
    }
}
