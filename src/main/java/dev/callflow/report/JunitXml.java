package dev.callflow.report;

import dev.callflow.harness.Interruption;
import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML the harness writes itself, where Cucumber's cannot serve: the XML of a run stopped before its end (Cucumber
 * writes its own only when the run finishes), and the rewritten XML of a repeated run. Each test case is a scenario,
 * named as Cucumber names it: classname the feature's name, name the scenario's.
 */
public final class JunitXml {
    private JunitXml() { }

    /**
     * The interrupted run's XML: a test case per finished scenario (a {@code <failure>} for a conformance failure, an
     * {@code <error>} for any other failure, {@code <skipped>} for one that did not run its steps), then one per
     * scenario that did not finish, {@code <skipped>} with why; the suite's property {@code interrupted} says how far it got.
     */
    static void write(RunResult result, Path file) {
        Interruption interruption = result.interrupted().orElseThrow();
        Document doc = newDocument();
        Element suite = doc.createElement("testsuite");
        doc.appendChild(suite);
        Element properties = doc.createElement("properties");
        Element property = doc.createElement("property");
        property.setAttribute("name", "interrupted");
        property.setAttribute("value", RunReports.interruptedLine(interruption));
        properties.appendChild(property);
        suite.appendChild(properties);
        Map<String, String> features = new HashMap<>();
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (ScenarioOutcome o : result.scenarios()) {
            Element tc = testCase(doc, features, o.uri(), o.name(), o.wallMillis());
            if (o.conformanceFailure()) {
                failures++;
                tc.appendChild(problem(doc, "failure", o.errorClass(), o.message()));
            } else if (o.failed()) {
                errors++;
                tc.appendChild(problem(doc, "error", o.errorClass(), o.message()));
            } else if (!o.passed()) {
                skipped++;
                tc.appendChild(skipped(doc, o.status().toLowerCase(Locale.ROOT)));
            }
            suite.appendChild(tc);
        }
        for (Interruption.Unfinished u : interruption.unfinished()) {
            skipped++;
            Element tc = testCase(doc, features, u.uri(), u.name(), 0);
            tc.appendChild(skipped(doc, "interrupted: the run was stopped (SIGINT or SIGTERM) before this scenario finished"));
            suite.appendChild(tc);
        }
        suite.setAttribute("name", "Cucumber");
        suite.setAttribute("tests", String.valueOf(result.scenarios().size() + interruption.unfinished().size()));
        suite.setAttribute("failures", String.valueOf(failures));
        suite.setAttribute("errors", String.valueOf(errors));
        suite.setAttribute("skipped", String.valueOf(skipped));
        suite.setAttribute("time", seconds(result.wallMillis()));
        write(doc, file);
    }

    /** Writes {@code doc} to {@code file}, whole or not at all. */
    static void write(Document doc, Path file) {
        AtomicFiles.write(file, out -> {
            try {
                var transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                transformer.transform(new DOMSource(doc), new StreamResult(out));
            } catch (TransformerException e) {
                throw new IOException("Could not write the JUnit XML " + file, e);
            }
        });
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML document builder", e);
        }
    }

    private static Element testCase(Document doc, Map<String, String> features, String uri, String name, double millis) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("classname", xmlText(features.computeIfAbsent(uri, ReportFiles::featureName)));
        tc.setAttribute("name", xmlText(name));
        tc.setAttribute("time", seconds(millis));
        return tc;
    }

    private static Element problem(Document doc, String tag, String type, String message) {
        Element e = doc.createElement(tag);
        String text = xmlText(message);
        e.setAttribute("type", type);
        e.setAttribute("message", text.lines().findFirst().orElse(""));
        e.setTextContent(text);
        return e;
    }

    private static Element skipped(Document doc, String message) {
        Element e = doc.createElement("skipped");
        e.setAttribute("message", message);
        return e;
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** Without the control characters XML 1.0 cannot hold (an implementation's output may carry any). */
    private static String xmlText(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "\uFFFD");
    }
}
