package dev.callflow.iut.external;

import dev.callflow.harness.RunResult;
import dev.callflow.report.ReportFiles;
import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite against each example IUT, run once per test JVM with every session's traffic recorded
 * ({@code RunConfig.iutTraffic}): {@link PythonIutTest} and {@link JsIutTest} judge the run,
 * {@link ProtocolSchemaTest} the traffic. One run serves both, so the suite's longest job is not done twice.
 */
final class ExampleRuns {
    private static final Path OUT = Runs.HOME.resolve("target/example-iuts");
    private static final Map<String, Recorded> RUNS = new ConcurrentHashMap<>();

    /**
     * An example implementation: a name for reports, the runtime that runs it (its own executable where it can tell),
     * its app, the folder and file extension of its mutants, and why it cannot run here ({@code null}: it can).
     */
    record Example(String name, String runtime, String app, String mutants, String extension, String unavailable) {
        /** The IUT spec of the example app. */
        String iut() {
            return command(app);
        }

        /** The IUT spec of one of its mutants, by file name without extension. */
        String mutantIut(String file) {
            return command(mutants + "/" + file + "." + extension);
        }

        /** Skips the calling test, with the reason, when the runtime is missing; fails nothing. */
        void assumeRunnable() {
            Assumptions.assumeTrue(unavailable == null, () -> name + " example skipped: " + unavailable);
        }

        private String command(String script) {
            return "\"" + runtime + "\" " + script;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Recorded(RunResult run, Path traffic) { }

    /** The harness's own tests need Python (the fault IUTs too): without it they fail, they do not skip. */
    static final Example PYTHON = example("python", System.getProperty("callflow.python", "python3"),
            List.of("-c", "import sys; print(sys.executable)"), "examples/python-iut/app.py",
            "src/test/resources/python-mutants", "py", false);
    /** Without Node the JavaScript example's tests skip, saying so. */
    static final Example JS = example("js", System.getProperty("callflow.node", "node"), List.of("-p", "process.execPath"),
            "examples/js-iut/app.js", "src/test/resources/js-mutants", "js", true);

    private ExampleRuns() { }

    /** Every example; one whose runtime is missing is still listed, and its tests skip with the reason. */
    static List<Example> examples() {
        return List.of(PYTHON, JS);
    }

    /**
     * The example with its runtime's own executable ({@code sys.executable}, {@code process.execPath}), not a version
     * manager's shim in front of it: the harness starts a process per scenario, and a shim costs a second of each start
     * on a loaded machine. A runtime that answers oddly is used by its command; an {@code optional} one that does not
     * start is unavailable.
     */
    private static Example example(String name, String command, List<String> printExecutable, String app, String mutants,
                                   String extension, boolean optional) {
        List<String> argv = new ArrayList<>(List.of(command));
        argv.addAll(printExecutable);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean exited = p.waitFor(30, TimeUnit.SECONDS);
            String runtime = exited && p.exitValue() == 0 && !out.contains("\n") && Files.isExecutable(Path.of(out)) ? out : command;
            if (!exited) {
                p.destroyForcibly();
            }
            return new Example(name, runtime, app, mutants, extension, null);
        } catch (IOException e) {
            String why = optional ? "'" + command + "' is not on the PATH (" + e.getMessage() + ")" : null;
            return new Example(name, command, app, mutants, extension, why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Example(name, command, app, mutants, extension, "interrupted while looking for '" + command + "'");
        }
    }

    /** Runs the whole suite against {@code example} (once per JVM) and returns the run and its recorded traffic. */
    static synchronized Recorded whole(Example example) {
        example.assumeRunnable();
        Recorded done = RUNS.get(example.iut());
        if (done != null) {
            return done;
        }
        Path traffic = OUT.resolve(example.name()).resolve("traffic");
        ReportFiles.deleteRecursively(traffic);
        RunResult run = SuiteRunner.run(Runs.config(example.iut()).iutTraffic(traffic)
                .reportsDir(OUT.resolve(example.name()).resolve("run")).build());
        Recorded recorded = new Recorded(run, traffic);
        RUNS.put(example.iut(), recorded);
        return recorded;
    }
}
