package dev.callflow.cli;

import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunResult;
import dev.callflow.runner.SuiteRunner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./callflow run --explore N}: the selected scenarios under N seeds, one run per seed (reports under
 * {@code <reports>/explore/seed-<n>/}), then the seeds that failed and which scenarios failed under each. A seed only
 * reorders what happens at the same virtual instant, so a scenario that fails under one seed and passes under another
 * depends on an order a real phone does not promise.
 */
final class Explore {
    private Explore() { }

    static int run(PrintWriter out, RunConfig base, int seeds) {
        Map<Long, List<String>> failing = new TreeMap<>();
        Path root = base.reportsDir().map(d -> d.resolve("explore")).orElse(null);
        long first = base.seed();
        int scenarios = 0;
        for (long seed = first; seed < first + seeds; seed++) {
            RunConfig config = base.toBuilder().seed(seed).progress(false)
                    .reportsDir(root == null ? null : root.resolve("seed-" + seed)).build();
            RunResult result = SuiteRunner.run(config);
            if (result.interrupted().isPresent()) {
                return result.exitCode();
            }
            scenarios = result.scenarios().size();
            List<String> failed = result.scenarios().stream().filter(o -> !o.passed())
                    .map(o -> o.name() + " (" + o.where() + ", " + o.status() + ")").toList();
            out.printf("seed %d: %d scenario(s), %s%n", seed, result.scenarios().size(),
                    failed.isEmpty() ? "all passed" : failed.size() + " did not pass");
            out.flush();
            if (!failed.isEmpty()) {
                failing.put(seed, failed);
            }
        }
        out.printf("%nExplored seeds %d..%d over %d scenario(s): %s%n", first, first + seeds - 1, scenarios,
                failing.isEmpty() ? "no seed fails" : "failing seeds " + failing.keySet());
        failing.forEach((seed, names) -> {
            out.printf("  seed %d (repeat with --seed %d):%n", seed, seed);
            names.forEach(n -> out.printf("    %s%n", n));
        });
        if (root != null) {
            out.printf("Reports: %s%n", root);
        }
        return failing.isEmpty() ? CallflowCli.PASS : CallflowCli.CONFORMANCE_FAILURE;
    }
}
