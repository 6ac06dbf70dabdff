package dev.callflow.cli;

import dev.callflow.harness.HarnessSettings;
import dev.callflow.harness.ScenarioOutcomePlugin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./callflow run --explore N}: the selected scenarios under N seeds, one Cucumber run per seed (reports under
 * {@code <reports>/explore/seed-<n>/}), then the seeds that failed and which scenarios failed under each. A seed only
 * reorders what happens at the same virtual instant, so a scenario that fails under one seed and passes under another
 * depends on an order a real phone does not promise.
 */
final class Explore {
    private Explore() { }

    static int run(PrintWriter out, Path reportDir, long firstSeed, int seeds, int threads, String tags, String name,
                   List<Path> features) throws IOException {
        Map<Long, List<String>> failing = new TreeMap<>();
        int scenarios = 0;
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            Path dir = reportDir.resolve("explore").resolve("seed-" + seed);
            Path outcomes = dir.resolve("outcomes.json");
            System.setProperty(HarnessSettings.SEED, String.valueOf(seed));
            System.setProperty(HarnessSettings.REPORTS, dir.toString());
            List<String> argv = new ArrayList<>(List.of(
                    "--glue", "dev.callflow.steps",
                    "--threads", String.valueOf(threads),
                    "--plugin", ScenarioOutcomePlugin.class.getName() + ":" + outcomes,
                    "--tags", "not @wip" + (tags == null ? "" : " and (" + tags + ")"),
                    "--monochrome"));
            if (name != null) {
                argv.addAll(List.of("--name", name));
            }
            features.forEach(p -> argv.add(p.toString()));
            io.cucumber.core.cli.Main.run(argv.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
            List<ScenarioOutcomePlugin.Outcome> results = ScenarioOutcomePlugin.read(outcomes);
            scenarios = results.size();
            List<String> failed = results.stream().filter(ScenarioOutcomePlugin.Outcome::failed)
                    .map(o -> o.name() + " (" + o.uri().substring(o.uri().lastIndexOf('/') + 1) + ":" + o.line() + ")").toList();
            out.printf("seed %d: %d scenario(s), %s%n", seed, results.size(),
                    failed.isEmpty() ? "all passed" : failed.size() + " failed");
            out.flush();
            if (!failed.isEmpty()) {
                failing.put(seed, failed);
            }
        }
        out.printf("%nExplored seeds %d..%d over %d scenario(s): %s%n", firstSeed, firstSeed + seeds - 1, scenarios,
                failing.isEmpty() ? "no seed fails" : "failing seeds " + failing.keySet());
        failing.forEach((seed, names) -> {
            out.printf("  seed %d (repeat with --seed %d):%n", seed, seed);
            names.forEach(n -> out.printf("    %s%n", n));
        });
        out.printf("Reports: %s%n", reportDir.resolve("explore"));
        return failing.isEmpty() ? CallflowCli.PASS : CallflowCli.CONFORMANCE_FAILURE;
    }
}
