package dev.callflow.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The step expressions the glue defines, and the closest ones to a step nobody defined. */
public final class StepGlossary {
    static final List<Class<?>> STEP_CLASSES = List.of(DeviceSteps.class, CallSteps.class, TimelineSteps.class, RuleSteps.class,
            PushFaultSteps.class, SystemSteps.class, TimeSteps.class, CallFaultSteps.class,
            OrderSteps.class, StateSteps.class);

    private StepGlossary() { }

    public static Set<String> expressions() {
        Set<String> out = new TreeSet<>();
        STEP_CLASSES.forEach(c -> out.addAll(expressionsOf(c)));
        return out;
    }

    /** The Given/When/Then expressions one class defines. */
    public static Set<String> expressionsOf(Class<?> stepClass) {
        Set<String> out = new TreeSet<>();
        for (Method m : stepClass.getDeclaredMethods()) {
            for (Annotation a : m.getAnnotations()) {
                if (a instanceof Given g) {
                    out.add(g.value());
                } else if (a instanceof When w) {
                    out.add(w.value());
                } else if (a instanceof Then t) {
                    out.add(t.value());
                } else if (a instanceof Given.Givens gs) {
                    for (Given g : gs.value()) out.add(g.value());
                } else if (a instanceof When.Whens ws) {
                    for (When w : ws.value()) out.add(w.value());
                } else if (a instanceof Then.Thens ts) {
                    for (Then t : ts.value()) out.add(t.value());
                }
            }
        }
        return out;
    }

    /** The {@code limit} expressions sharing the most words with {@code stepText}, best first. */
    public static List<String> closest(String stepText, int limit) {
        Set<String> words = words(stepText);
        return expressions().stream()
                .sorted(Comparator.comparingDouble((String e) -> -similarity(words, words(e))).thenComparing(e -> e))
                .limit(limit)
                .toList();
    }

    private static double similarity(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> either = new HashSet<>(a);
        either.addAll(b);
        return either.isEmpty() ? 0 : (double) both.size() / either.size();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).replaceAll("\\{[^}]*}|\"[^\"]*\"", " ").split("[^\\p{L}\\p{N}']+")) {
            if (w.length() > 2) {
                out.add(w);
            }
        }
        return out;
    }
}
