package dev.callflow.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reports of {@code ./callflow run --repeat N}: one run per seed, each with its full reports in its own folder,
 * merged into the reports directory so that a CI gate reads one summary, one JUnit XML and one Allure results folder.
 * A scenario that passed under one seed and failed under another is flaky: the summary lists it under "flaky:", its
 * JUnit test case carries one {@code <flakyFailure>} per failing seed instead of a {@code <failure>} (as Maven
 * Surefire writes a test that failed and then passed), and its Allure results are marked {@code statusDetails.flaky}.
 */
public final class RepeatReports {
    public static final String JUNIT = RunReports.JUNIT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_HEAD = 500;

    /** A scenario that both passed and failed; {@code failures} are its failing repetitions' outcomes by seed. */
    public record Flaky(ScenarioOutcome scenario, List<Long> passedSeeds, Map<Long, ScenarioOutcome> failures) {
        public String describe() {
            return String.format(Locale.ROOT, "  %s (%s): passed under seed(s) %s, failed under seed(s) %s", scenario.name(),
                    scenario.where(), passedSeeds, failures.keySet());
        }
    }

    private RepeatReports() { }

    /** The flaky scenarios of the repetitions, in the first repetition's order. */
    public static List<Flaky> flaky(List<RunResult> runs) {
        Map<String, ScenarioOutcome> first = new LinkedHashMap<>();
        Map<String, List<Long>> passed = new LinkedHashMap<>();
        Map<String, Map<Long, ScenarioOutcome>> failed = new LinkedHashMap<>();
        for (RunResult run : runs) {
            for (ScenarioOutcome o : run.scenarios()) {
                String key = o.uri() + ":" + o.line();
                first.putIfAbsent(key, o);
                if (o.passed()) {
                    passed.computeIfAbsent(key, k -> new ArrayList<>()).add(run.config().seed());
                } else if (!"SKIPPED".equals(o.status())) {
                    failed.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(run.config().seed(), o);
                }
            }
        }
        return first.keySet().stream().filter(k -> passed.containsKey(k) && failed.containsKey(k))
                .map(k -> new Flaky(first.get(k), List.copyOf(passed.get(k)), failed.get(k))).toList();
    }

    /** Writes the merged reports of {@code runs} (whose own reports are in {@code runDirs}) into {@code dir}. */
    public static void write(List<RunResult> runs, List<Path> runDirs, Path dir) {
        List<Flaky> flaky = flaky(runs);
        RunReports.clean(dir);
        try {
            AtomicFiles.writeString(dir.resolve(RunReports.SUMMARY), summary(runs, flaky, dir));
            AtomicFiles.writeString(dir.resolve(RunReports.FAILURES), runs.stream().map(RunReports::failures)
                    .filter(f -> !f.isEmpty()).collect(Collectors.joining("\n")));
            AtomicFiles.writeString(dir.resolve(RunReports.RERUN), runs.stream()
                    .flatMap(r -> RunReports.rerun(r.config().home(), r.scenarios()).lines()).distinct()
                    .map(l -> l + "\n").collect(Collectors.joining()));
            Path junit = runDirs.get(0).resolve(JUNIT);
            if (Files.exists(junit)) {
                junit(junit, dir.resolve(JUNIT), flaky);
            }
            for (Path runDir : runDirs) {
                allure(runDir.resolve("allure-results"), dir.resolve("allure-results"), flaky);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the repeated run's reports under " + dir, e);
        }
    }

    static String summary(List<RunResult> runs, List<Flaky> flaky, Path dir) {
        long first = runs.get(0).config().seed();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "repetitions: %d, under seeds %d..%d (on the virtual clock a scenario under one "
                + "seed repeats exactly, so each repetition takes the next seed; a scenario that passes under one and fails "
                + "under another depends on an order of same-instant events a real phone does not promise)%n",
                runs.size(), first, first + runs.size() - 1));
        b.append("flaky: ").append(flaky.isEmpty() ? "none" : flaky.size() + " scenario(s)").append('\n');
        flaky.forEach(f -> b.append(f.describe()).append('\n'));
        for (RunResult r : runs) {
            b.append(String.format(Locale.ROOT, "seed %d: %d scenario(s), passed %d, not passed %d (reports: %s)%n",
                    r.config().seed(), r.scenarios().size(), r.passed(), r.scenarios().size() - r.passed(),
                    r.config().reportsDir().map(d -> dir.relativize(d).toString()).orElse("none")));
        }
        b.append("\nThe first repetition's summary:\n").append(RunReports.summary(runs.get(0)));
        return b.toString();
    }

    /** The first repetition's JUnit XML with each flaky test case as Surefire writes one that failed, then passed. */
    static void junit(Path from, Path to, List<Flaky> flaky) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(from.toFile());
            Map<String, Flaky> byName = new LinkedHashMap<>();
            Map<String, String> featureNames = new LinkedHashMap<>();
            for (Flaky f : flaky) {
                String feature = featureNames.computeIfAbsent(f.scenario().uri(), ReportFiles::featureName);
                byName.put(feature + "\n" + f.scenario().name(), f);
            }
            NodeList cases = doc.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element tc = (Element) cases.item(i);
                Flaky f = byName.get(tc.getAttribute("classname") + "\n" + tc.getAttribute("name"));
                if (f != null) {
                    markFlaky(doc, tc, f);
                }
            }
            Element suite = doc.getDocumentElement();
            suite.setAttribute("failures", String.valueOf(doc.getElementsByTagName("failure").getLength()));
            suite.setAttribute("errors", String.valueOf(doc.getElementsByTagName("error").getLength()));
            JunitXml.write(doc, to);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not rewrite the JUnit XML " + from + " with the flaky scenarios", e);
        }
    }

    private static void markFlaky(Document doc, Element tc, Flaky f) {
        Node before = null;
        for (Node c = tc.getFirstChild(); c != null; ) {
            Node next = c.getNextSibling();
            if (c instanceof Element e && Set.of("failure", "error", "skipped").contains(e.getTagName())) {
                tc.removeChild(c);
            } else if (before == null && c instanceof Element) {
                before = c;
            }
            c = next;
        }
        for (Map.Entry<Long, ScenarioOutcome> failure : f.failures().entrySet()) {
            ScenarioOutcome o = failure.getValue();
            Element flakyFailure = doc.createElement("flakyFailure");
            String message = "flaky: failed under seed " + failure.getKey() + ", passed under seed(s) " + f.passedSeeds()
                    + " (./callflow run --seed " + failure.getKey() + " --name ... repeats it): " + o.stepMessage();
            flakyFailure.setAttribute("message", message.length() > MESSAGE_HEAD ? message.substring(0, MESSAGE_HEAD) + "…" : message);
            flakyFailure.setAttribute("type", o.errorClass());
            Element trace = doc.createElement("stackTrace");
            trace.setTextContent(o.message());
            flakyFailure.appendChild(trace);
            tc.insertBefore(flakyFailure, before);
        }
    }

    /** Copies a repetition's Allure results; the results of a flaky scenario get {@code statusDetails.flaky = true}. */
    static void allure(Path from, Path to, List<Flaky> flaky) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(file.getFileName());
                if (file.getFileName().toString().endsWith("-result.json")) {
                    ObjectNode result = (ObjectNode) JSON.readTree(file.toFile());
                    if (flaky.stream().anyMatch(f -> isResultOf(result.path("fullName").asText(), f.scenario()))) {
                        result.with("statusDetails").put("flaky", true);
                    }
                    AtomicFiles.write(target, out -> JSON.writeValue(out, result));
                } else {
                    AtomicFiles.write(target, out -> Files.copy(file, out));
                }
            }
        }
    }

    /** Allure names a result {@code <feature path relative to the working directory>:<line>}. */
    static boolean isResultOf(String fullName, ScenarioOutcome o) {
        int colon = fullName.lastIndexOf(':');
        if (colon < 0 || !o.uri().startsWith("file:") || !fullName.substring(colon + 1).equals(String.valueOf(o.line()))) {
            return false;
        }
        Path file = Path.of(URI.create(o.uri())).toAbsolutePath().normalize();
        String path = fullName.substring(0, colon);
        return !path.isEmpty() && file.endsWith(Path.of(path).normalize());
    }
}
