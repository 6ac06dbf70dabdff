package dev.callflow.cli;

import dev.callflow.report.ReportFiles;
import dev.callflow.report.RunReports;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, row 11: {@code ./callflow run} stopped by SIGINT in the middle of a scenario. A real run in a child JVM, whose
 * external app hangs in its second answer after leaving a marker file; the test sends SIGINT once the marker is there.
 */
class InterruptedRunTest {
    private static final Path HOME = Runs.HOME;
    private static final Path FEATURE = HOME.resolve("src/test/resources/interrupt/three-answers.feature");
    private static final Path APP = HOME.resolve("src/test/resources/interrupt/hang_on_second_answer.py");
    private static final long BOUND_SECONDS = 120;

    @Test
    void sigintMidScenarioExits130AndLeavesWholeReportsOfTheFinishedScenariosAndNoneOfTheLastRun() throws Exception {
        Path base = HOME.resolve("target/interrupted-run");
        ReportFiles.deleteRecursively(base);
        Path reports = base.resolve("reports");
        Path state = Files.createDirectories(base.resolve("iut-state"));

        StringWriter fullOut = new StringWriter();
        var cli = CallflowCli.commandLine();
        cli.setOut(new PrintWriter(fullOut, true));
        cli.setErr(new PrintWriter(fullOut, true));
        int full = cli.execute("run", "--features", FEATURE.toString(), "--threads", "1", "--reports", reports.toString(), "--no-html");
        assertThat(full).as("the full run before, against the reference app:\n%s", fullOut).isZero();
        assertThat(timelines(reports)).as("the full run's timelines").hasSize(3);

        Path out = base.resolve("child.out");
        Path err = base.resolve("child.err");
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "-Dcallflow.home=" + HOME, CallflowCli.class.getName(), "run",
                "--iut", "python3 " + APP + " " + state, "--hang-guard", "600000",
                "--features", FEATURE.toString(), "--threads", "1", "--reports", reports.toString(), "--no-html")
                .directory(HOME.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        List<ProcessHandle> iuts = new ArrayList<>();
        try {
            assertThat(awaitFile(state.resolve("hanging"), child))
                    .as("the app hangs in the second answer; stderr:\n%s", readIfAny(err)).isTrue();
            child.descendants().forEach(iuts::add);
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).inheritIO().start();
            assertThat(kill.waitFor(BOUND_SECONDS, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT").isTrue();
            assertThat(child.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).as("the run ends after SIGINT").isTrue();
        } finally {
            child.destroyForcibly();
            iuts.forEach(ProcessHandle::destroyForcibly);
        }
        String stderr = Files.readString(err);
        assertThat(child.exitValue()).as("exit code; stderr:\n%s", stderr).isEqualTo(CallflowCli.INTERRUPTED);
        assertThat(stderr).contains("interrupted after 1 of 3 scenarios");

        String summary = Files.readString(reports.resolve(RunReports.SUMMARY));
        assertThat(summary.lines().findFirst().orElse("")).startsWith("interrupted after 1 of 3 scenarios");
        assertThat(summary).contains("scenarios: 1, passed 1").contains("NOT RUN").contains("The third call never starts");
        assertThat(Files.readString(reports.resolve(RunReports.VERDICT_COUNTS)))
                .contains("interrupted=true", "scenariosSelected=3", "scenariosFinished=1", "passed=1");
        assertThat(Files.readString(reports.resolve(RunReports.FAILURES))).startsWith("interrupted after 1 of 3 scenarios");
        assertThat(Files.readAllLines(reports.resolve(RunReports.RERUN))).as("the two that did not finish, to run again")
                .containsExactly("src/test/resources/interrupt/three-answers.feature:13",
                        "src/test/resources/interrupt/three-answers.feature:18");
        assertThat(Files.readAllLines(reports.resolve(RunReports.VERDICTS))).as("the last run's rule verdicts are gone")
                .isNotEmpty().allMatch(l -> l.contains("\"scenario\":\"The first call is answered\""));
        assertThat(timelines(reports)).as("only the finished scenario's timeline, none of the last run's")
                .singleElement().satisfies(t -> assertThat(t.getFileName().toString()).startsWith("0008-"));

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("junit/cucumber.xml").toFile());
        NodeList cases = junit.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        assertThat(((Element) cases.item(0)).getElementsByTagName("skipped").getLength()).as("the finished one passed").isZero();
        assertThat(((Element) cases.item(1)).getElementsByTagName("skipped").item(0).getAttributes().getNamedItem("message")
                .getNodeValue()).startsWith("interrupted");
        assertThat(junit.getDocumentElement().getAttribute("skipped")).isEqualTo("2");

        Path html = reports.resolve("cucumber.html");
        assertThat(!Files.exists(html) || Files.readString(html).stripTrailing().endsWith("</html>"))
                .as("no truncated cucumber.html").isTrue();
        try (Stream<Path> left = Files.walk(reports)) {
            assertThat(left.map(p -> reports.relativize(p).toString()))
                    .as("no partial or temporary file left").noneMatch(p -> p.contains("partial") || p.contains(".callflow-tmp-"));
        }
    }

    private static List<Path> timelines(Path reports) throws Exception {
        try (Stream<Path> files = Files.walk(reports.resolve("timelines"))) {
            return files.filter(f -> f.toString().endsWith(".log")).toList();
        }
    }

    /** Waits for {@code file} to appear (file-system events, bounded), or for the child to end first. */
    private static boolean awaitFile(Path file, Process child) throws Exception {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            file.getParent().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            while (!Files.exists(file) && child.isAlive() && System.nanoTime() < deadline) {
                var key = watch.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
            return Files.exists(file);
        }
    }

    private static String readIfAny(Path file) throws Exception {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }
}
