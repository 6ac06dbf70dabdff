package dev.callflow.steps;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a scenario declares it breaks ({@code Then rule R-… is violated} / {@code warns}), read from its text rather
 * than from the steps that ran: a declaration after a step that failed still counts, so the always-on monitor never
 * reports a declared violation as undeclared.
 */
final class DeclaredRules {
    private static final Pattern DECLARATION = Pattern.compile("rule (\\S+) (?:is violated|warns)");

    private DeclaredRules() { }

    /**
     * The rule IDs declared by the scenario at {@code line} (its own line, or its example row's) of the feature at
     * {@code uri}; empty when the feature cannot be read from the file system (the declarations that run still count).
     */
    static Set<String> of(URI uri, int line) {
        if (!"file".equals(uri.getScheme())) {
            return Set.of();
        }
        List<Envelope> envelopes;
        try (var stream = GherkinParser.builder().includeSource(false).build().parse(Path.of(uri))) {
            envelopes = stream.toList();
        } catch (IOException | RuntimeException unreadable) {
            return Set.of();
        }
        Map<String, Integer> lines = new HashMap<>();
        envelopes.stream().flatMap(e -> e.getGherkinDocument().stream()).forEach(d -> indexLines(d, lines));
        Set<String> declared = new TreeSet<>();
        for (Envelope e : envelopes) {
            e.getPickle().filter(p -> lineOf(p, lines) == line).ifPresent(p -> {
                for (PickleStep step : p.getSteps()) {
                    Matcher m = DECLARATION.matcher(step.getText().trim());
                    if (m.matches()) {
                        declared.add(m.group(1));
                    }
                }
            });
        }
        return declared;
    }

    /** A pickle's line is that of its last AST node: the example row of an outline, else the scenario. */
    private static int lineOf(Pickle pickle, Map<String, Integer> lines) {
        List<String> ids = pickle.getAstNodeIds();
        return ids.isEmpty() ? -1 : lines.getOrDefault(ids.get(ids.size() - 1), -1);
    }

    private static void indexLines(GherkinDocument document, Map<String, Integer> lines) {
        document.getFeature().map(Feature::getChildren).orElse(List.of()).forEach(child -> {
            child.getScenario().ifPresent(s -> indexScenario(s, lines));
            child.getRule().ifPresent(r -> r.getChildren().forEach(rc -> rc.getScenario().ifPresent(s -> indexScenario(s, lines))));
        });
    }

    private static void indexScenario(Scenario scenario, Map<String, Integer> lines) {
        lines.put(scenario.getId(), scenario.getLocation().getLine().intValue());
        for (Examples examples : scenario.getExamples()) {
            for (TableRow row : examples.getTableBody()) {
                lines.put(row.getId(), row.getLocation().getLine().intValue());
            }
        }
    }
}
