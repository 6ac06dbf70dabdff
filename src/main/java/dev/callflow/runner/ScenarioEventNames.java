package dev.callflow.runner;

import dev.callflow.steps.EventArguments;
import dev.callflow.steps.EventNames;
import dev.callflow.timeline.EventNameAdvice;
import dev.callflow.timeline.EventTableColumn;
import io.cucumber.core.resource.ClasspathScanner;
import io.cucumber.cucumberexpressions.Argument;
import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterType;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import io.cucumber.java.StepDefinitionAnnotation;
import io.cucumber.java.StepDefinitionAnnotations;
import io.cucumber.messages.types.Background;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleTable;
import io.cucumber.messages.types.PickleTableRow;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Step;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The event names a scenario writes, checked before the run: the event column of its event tables (each {@code |}
 * alternative) and the event arguments of its steps, found by matching each pickle step (examples filled in) against
 * the glue's own step expressions, English and Chinese: its {@code {event}} parameters and the positions
 * {@link EventArguments} names. A name that is no kind of the vocabulary is the writer's mistake, named as
 * {@code file:line} with the names meant. Scenarios tagged {@link EventNames#APP_LOG_WORDS_TAG} are skipped.
 */
final class ScenarioEventNames {
    private static final String EVENT_PARAMETER = "event";

    /** One step expression of the glue and which of its arguments name events. */
    private record StepShape(Expression expression, Set<Integer> eventArguments, boolean table) { }

    private static final List<StepShape> SHAPES = shapes();

    private ScenarioEventNames() { }

    /** Every unknown event name of one parsed feature file, as {@code where:line: what; did you mean …}. */
    static List<String> problems(String where, List<Envelope> envelopes) {
        Map<String, Step> steps = new HashMap<>();
        envelopes.forEach(e -> e.getGherkinDocument().flatMap(GherkinDocument::getFeature).ifPresent(f -> steps(f, steps)));
        Map<Integer, Set<String>> byLine = new java.util.TreeMap<>();
        for (Envelope e : envelopes) {
            Pickle pickle = e.getPickle().orElse(null);
            if (pickle == null || pickle.getTags().stream().map(PickleTag::getName).anyMatch(EventNames.APP_LOG_WORDS_TAG::equals)) {
                continue;
            }
            for (PickleStep ps : pickle.getSteps()) {
                Step step = steps.get(ps.getAstNodeIds().get(0));
                int line = step == null ? 0 : step.getLocation().getLine().intValue();
                for (StepShape shape : SHAPES) {
                    List<Argument<?>> args = shape.expression().match(ps.getText());
                    if (args == null) {
                        continue;
                    }
                    for (int i = 0; i < args.size(); i++) {
                        if (shape.eventArguments().contains(i)
                                || EVENT_PARAMETER.equals(args.get(i).getParameterType().getName())) {
                            report(byLine, where, line, args.get(i).getGroup().getValue());
                        }
                    }
                    if (shape.table()) {
                        ps.getArgument().flatMap(a -> a.getDataTable())
                                .ifPresent(t -> tableProblems(byLine, where, step, line, t));
                    }
                }
            }
        }
        return byLine.values().stream().flatMap(Set::stream).toList();
    }

    private static void tableProblems(Map<Integer, Set<String>> out, String where, Step step, int stepLine, PickleTable table) {
        List<PickleTableRow> rows = table.getRows();
        if (rows.isEmpty()) {
            return;
        }
        List<String> header = rows.get(0).getCells().stream().map(c -> c.getValue()).toList();
        int column = EventTableColumn.positions(header)[EventTableColumn.EVENT.ordinal()];
        if (column < 0) {
            return;
        }
        for (int r = 1; r < rows.size(); r++) {
            int row = r;
            int line = step == null ? stepLine : step.getDataTable().map(t -> t.getRows().get(row).getLocation().getLine()
                    .intValue()).orElse(stepLine);
            report(out, where, line, rows.get(r).getCells().get(column).getValue());
        }
    }

    /** Every step of the feature (backgrounds, scenarios, rules) by its id, for the lines pickles do not carry. */
    private static void steps(Feature feature, Map<String, Step> out) {
        List<Background> backgrounds = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        for (FeatureChild c : feature.getChildren()) {
            c.getBackground().ifPresent(backgrounds::add);
            c.getScenario().ifPresent(scenarios::add);
            c.getRule().ifPresent(r -> r.getChildren().forEach(rc -> {
                rc.getBackground().ifPresent(backgrounds::add);
                rc.getScenario().ifPresent(scenarios::add);
            }));
        }
        backgrounds.forEach(b -> b.getSteps().forEach(s -> out.put(s.getId(), s)));
        scenarios.forEach(sc -> sc.getSteps().forEach(s -> out.put(s.getId(), s)));
    }

    private static void report(Map<Integer, Set<String>> out, String where, int line, String cell) {
        if (cell == null) {
            return;
        }
        EventNames.unknown(cell).forEach(n -> out.computeIfAbsent(line, l -> new LinkedHashSet<>())
                .add(where + ":" + line + ": " + EventNameAdvice.unknown(n)));
    }

    /** The glue's step expressions that name events, parsed with the glue's own parameter types. */
    private static List<StepShape> shapes() {
        List<Class<?>> glue = new ClasspathScanner(ScenarioEventNames.class::getClassLoader)
                .scanForClassesInPackage(SuiteRunner.GLUE);
        ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ENGLISH);
        for (Class<?> c : glue) {
            for (Method m : c.getMethods()) {
                io.cucumber.java.ParameterType p = m.getAnnotation(io.cucumber.java.ParameterType.class);
                if (p != null && m.getDeclaringClass() == c) {
                    String name = p.name().isEmpty() ? m.getName() : p.name();
                    registry.defineParameterType(new ParameterType<>(name, p.value(), String.class, (String s) -> s));
                }
            }
        }
        ExpressionFactory expressions = new ExpressionFactory(registry);
        List<StepShape> out = new ArrayList<>();
        for (Class<?> c : glue) {
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() != c) {
                    continue;
                }
                EventArguments marked = m.getAnnotation(EventArguments.class);
                for (String text : stepExpressions(m)) {
                    if (marked == null && !text.contains("{" + EVENT_PARAMETER + "}")) {
                        continue;
                    }
                    Set<Integer> positions = new java.util.HashSet<>();
                    if (marked != null) {
                        IntStream.of(marked.value()).forEach(positions::add);
                    }
                    out.add(new StepShape(expressions.createExpression(text), Set.copyOf(positions),
                            marked != null && marked.table()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<String> stepExpressions(Method m) {
        List<String> out = new ArrayList<>();
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(StepDefinitionAnnotation.class)) {
                out.add((String) value(a));
            } else if (a.annotationType().isAnnotationPresent(StepDefinitionAnnotations.class)) {
                for (Annotation inner : (Annotation[]) value(a)) {
                    out.add((String) value(inner));
                }
            }
        }
        return out;
    }

    private static Object value(Annotation a) {
        try {
            return a.annotationType().getMethod("value").invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A step annotation without value(): " + a, e);
        }
    }
}
