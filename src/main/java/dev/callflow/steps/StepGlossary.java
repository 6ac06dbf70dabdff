package dev.callflow.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.zh_cn.假如;
import io.cucumber.java.zh_cn.当;
import io.cucumber.java.zh_cn.那么;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The step expressions the glue defines, in English and in Chinese, and the closest ones to a step nobody defined.
 * Every step method carries both: its English expressions and, on the same method, their Chinese mirrors.
 */
public final class StepGlossary {
    static final List<Class<?>> STEP_CLASSES = List.of(DeviceSteps.class, CallSteps.class, TimelineSteps.class, RuleSteps.class,
            PushFaultSteps.class, SystemSteps.class, TimeSteps.class, CallFaultSteps.class,
            OrderSteps.class, StateSteps.class);

    /** One step method: its English expressions and their Chinese mirrors, each in declaration order. */
    public record Entry(String method, List<String> english, List<String> chinese) {
        public Entry {
            english = List.copyOf(english);
            chinese = List.copyOf(chinese);
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]*}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private StepGlossary() { }

    /** The English expressions of every step class. */
    public static Set<String> expressions() {
        Set<String> out = new TreeSet<>();
        STEP_CLASSES.forEach(c -> out.addAll(expressionsOf(c)));
        return out;
    }

    /** The Chinese expressions of every step class. */
    public static Set<String> chineseExpressions() {
        Set<String> out = new TreeSet<>();
        STEP_CLASSES.forEach(c -> entriesOf(c).forEach(e -> out.addAll(e.chinese())));
        return out;
    }

    /** The English Given/When/Then expressions one class defines. */
    public static Set<String> expressionsOf(Class<?> stepClass) {
        Set<String> out = new TreeSet<>();
        entriesOf(stepClass).forEach(e -> out.addAll(e.english()));
        return out;
    }

    /** The step methods of one class (those with an English or a Chinese step annotation), by method name. */
    public static List<Entry> entriesOf(Class<?> stepClass) {
        List<Entry> out = new ArrayList<>();
        for (Method m : stepClass.getDeclaredMethods()) {
            List<String> english = new ArrayList<>();
            List<String> chinese = new ArrayList<>();
            for (Annotation a : m.getAnnotations()) {
                collect(a, english, chinese);
            }
            if (!english.isEmpty() || !chinese.isEmpty()) {
                out.add(new Entry(stepClass.getSimpleName() + "." + m.getName(), english, chinese));
            }
        }
        out.sort(Comparator.comparing(Entry::method));
        return out;
    }

    private static void collect(Annotation a, List<String> english, List<String> chinese) {
        if (a instanceof Given g) {
            english.add(g.value());
        } else if (a instanceof When w) {
            english.add(w.value());
        } else if (a instanceof Then t) {
            english.add(t.value());
        } else if (a instanceof Given.Givens gs) {
            for (Given g : gs.value()) english.add(g.value());
        } else if (a instanceof When.Whens ws) {
            for (When w : ws.value()) english.add(w.value());
        } else if (a instanceof Then.Thens ts) {
            for (Then t : ts.value()) english.add(t.value());
        } else if (a instanceof 假如 g) {
            chinese.add(g.value());
        } else if (a instanceof 当 w) {
            chinese.add(w.value());
        } else if (a instanceof 那么 t) {
            chinese.add(t.value());
        } else if (a instanceof 假如.假如s gs) {
            for (假如 g : gs.value()) chinese.add(g.value());
        } else if (a instanceof 当.当s ws) {
            for (当 w : ws.value()) chinese.add(w.value());
        } else if (a instanceof 那么.那么s ts) {
            for (那么 t : ts.value()) chinese.add(t.value());
        }
    }

    /**
     * The step methods whose English expressions lack Chinese mirrors: one Chinese expression per English one, with the
     * same parameters in the same order (Cucumber hands them to the method by position).
     */
    public static List<String> missingMirrors(List<Class<?>> stepClasses) {
        List<String> out = new ArrayList<>();
        for (Class<?> c : stepClasses) {
            for (Entry e : entriesOf(c)) {
                if (e.english().size() != e.chinese().size()) {
                    out.add(e.method() + ": " + e.english().size() + " English expression(s) " + e.english() + ", "
                            + e.chinese().size() + " Chinese " + e.chinese());
                    continue;
                }
                for (int i = 0; i < e.english().size(); i++) {
                    if (!parameters(e.english().get(i)).equals(parameters(e.chinese().get(i)))) {
                        out.add(e.method() + ": \"" + e.chinese().get(i) + "\" takes " + parameters(e.chinese().get(i))
                                + ", but \"" + e.english().get(i) + "\" takes " + parameters(e.english().get(i)));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> parameters(String expression) {
        List<String> out = new ArrayList<>();
        Matcher m = PARAMETER.matcher(expression);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Whether a step is written in Chinese: it has a Han character outside its quoted strings. */
    public static boolean isChinese(String stepText) {
        return HAN.matcher(stepText.replaceAll("\"[^\"]*\"", " ")).find();
    }

    /** The {@code limit} expressions, in the step's language, sharing the most words with {@code stepText}, best first. */
    public static List<String> closest(String stepText, int limit) {
        Set<String> words = words(stepText);
        return (isChinese(stepText) ? chineseExpressions() : expressions()).stream()
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

    /** Words of three letters or more; a run of Han characters, written without spaces, counts as its pairs. */
    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        String stripped = text.toLowerCase(Locale.ROOT).replaceAll("\\(\\s*\\)|\\{[^}]*}|\"[^\"]*\"", " ");
        for (String w : stripped.split("[^\\p{L}\\p{N}']+")) {
            if (HAN.matcher(w).find()) {
                for (int i = 0; i + 1 < w.length(); i++) {
                    out.add(w.substring(i, i + 2));
                }
            } else if (w.length() > 2) {
                out.add(w);
            }
        }
        return out;
    }
}
