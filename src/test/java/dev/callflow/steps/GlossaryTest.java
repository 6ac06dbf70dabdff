package dev.callflow.steps;

import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's step glossary lists exactly the steps the glue defines, so QA can trust it. */
class GlossaryTest {

    @Test
    void readmeGlossaryMatchesTheGlue() throws Exception {
        Set<String> glue = stepExpressions();
        Set<String> documented = glossaryExpressions(0);
        assertThat(documented).as("steps in the README glossary that the glue does not define").isSubsetOf(glue);
        assertThat(glue).as("steps the glue defines that the README glossary does not list").isSubsetOf(documented);
        assertThat(StepGlossary.expressions()).as("StepGlossary.STEP_CLASSES covers every step class").isEqualTo(glue);
    }

    @Test
    void everyEnglishStepMethodHasAChineseMirrorWithTheSameParameters() {
        assertThat(StepGlossary.missingMirrors(StepGlossary.STEP_CLASSES))
                .as("step methods without a Chinese mirror (io.cucumber.java.zh_cn.假如/当/那么 on the same method)")
                .isEmpty();
        assertThat(StepGlossary.chineseExpressions()).hasSizeGreaterThan(70);
    }

    /** Step methods the mirror check must reject: one without Chinese, one whose Chinese swaps its parameters. */
    static class HalfTranslated {
        @io.cucumber.java.en.When("the user answers call {word}")
        public void english(String alias) { }

        @io.cucumber.java.en.When("the user calls {string} as call {word}")
        @io.cucumber.java.zh_cn.当("用户拨打通话 {word}，号码 {string}")
        public void swapped(String handle, String alias) { }
    }

    @Test
    void theMirrorCheckNamesAMethodWithoutChineseAndOneWithOtherParameters() {
        assertThat(StepGlossary.missingMirrors(List.of(HalfTranslated.class))).containsExactly(
                "HalfTranslated.english: 1 English expression(s) [the user answers call {word}], 0 Chinese []",
                "HalfTranslated.swapped: \"用户拨打通话 {word}，号码 {string}\" takes [{word}, {string}], "
                        + "but \"the user calls {string} as call {word}\" takes [{string}, {word}]");
    }

    @Test
    void readmeGlossaryShowsEachStepsChineseMirrorBesideIt() throws Exception {
        Map<String, List<String>> documented = glossaryRows();
        Map<String, List<String>> glue = new TreeMap<>();
        for (Class<?> c : StepGlossary.STEP_CLASSES) {
            for (StepGlossary.Entry e : StepGlossary.entriesOf(c)) {
                for (int i = 0; i < e.english().size(); i++) {
                    glue.computeIfAbsent(e.english().get(i), k -> new ArrayList<>()).add(e.chinese().get(i));
                }
            }
        }
        assertThat(documented).as("README glossary: English step -> its 中文 cell").isEqualTo(glue);
        assertThat(glossaryExpressions(1)).as("the 中文 column").isEqualTo(StepGlossary.chineseExpressions());
    }

    /** A Chinese step may leave out the space before a call's name at its end: 用户挂断通话A as well as 用户挂断通话 A. */
    @Test
    void aChineseStepEndingInACallNameMatchesWithAndWithoutTheSpace() {
        ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ROOT);
        ExpressionFactory factory = new ExpressionFactory(registry);
        List<String> endingInWord = StepGlossary.chineseExpressions().stream()
                .filter(e -> e.endsWith("{word}") && !e.contains("{otherCall}") && !e.contains("{pushMistake}"))
                .toList();
        assertThat(endingInWord).as("Chinese steps ending in {word}").hasSizeGreaterThan(15);
        for (String e : endingInWord) {
            String text = e.replace("{word}", "A").replace("{int}", "7").replace("{string}", "\"alice\"");
            Expression expression = factory.createExpression(e);
            for (String written : List.of(text.replace("( )", " "), text.replace("( )", ""))) {
                assertThat(expression.match(written)).as("'%s' matches '%s'", e, written).isNotNull();
                assertThat(expression.match(written).get(expression.match(written).size() - 1).getValue())
                        .as("the call's name in '%s'", written).isEqualTo("A");
            }
        }
    }

    @Test
    void anUnknownStepIsPointedToTheClosestGlossarySteps() {
        assertThat(StepGlossary.closest("the user answer call B on the system UI", 1))
                .containsExactly("the user answers call {word} on the system call UI");
        assertThat(StepGlossary.closest("remote side hangs up call A", 1))
                .containsExactly("the remote party hangs up call {word}");
    }

    @Test
    void anUnknownChineseStepIsPointedToTheClosestChineseSteps() {
        assertThat(StepGlossary.closest("用户在系统界面接听电话 B", 1))
                .containsExactly("用户在系统来电界面上接听通话( ){word}");
        assertThat(StepGlossary.closest("远端挂断了通话 A", 1)).containsExactly("对方挂断通话( ){word}");
        assertThat(UnknownStepAdvisor.advice("远端挂断了通话 A", "zh-CN/remote_hangup.feature:9"))
                .contains("zh-CN/remote_hangup.feature:9", "中文", "对方挂断通话( ){word}")
                .doesNotContain("the remote party");
        assertThat(UnknownStepAdvisor.advice("远端挂断了通话 A", "x.feature:1")).doesNotContain("full-width");
    }

    /** An English keyboard types ( ) where the Chinese steps have （ ）: the advice says so. */
    @Test
    void aChineseStepWithAsciiBracketsIsToldToUseFullWidthOnes() {
        assertThat(UnknownStepAdvisor.advice("通话 A(来自 \"erin\")已接通", "zh.feature:7"))
                .contains("通话 {word}（来自 {string}）已接通").contains("full-width").contains("（ ）");
    }

    private static Set<String> stepExpressions() throws IOException, ClassNotFoundException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("target/classes/dev/callflow/steps"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = "dev.callflow.steps." + f.getFileName().toString().replace(".class", "");
                out.addAll(StepGlossary.expressionsOf(Class.forName(name)));
            }
        }
        assertThat(out).as("step definitions found in target/classes").isNotEmpty();
        return out;
    }

    /** The backticked expressions in one column (0: English, 1: 中文) of the README glossary. */
    private static Set<String> glossaryExpressions(int column) throws IOException {
        Set<String> out = new TreeSet<>();
        for (List<String> row : glossaryCells()) {
            out.addAll(backticked(row.get(column)));
        }
        return out;
    }

    /** Each English expression of the README glossary with the Chinese expression beside it. */
    private static Map<String, List<String>> glossaryRows() throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        for (List<String> row : glossaryCells()) {
            List<String> english = backticked(row.get(0));
            List<String> chinese = backticked(row.get(1));
            assertThat(chinese).as("中文 cell of %s", english).hasSameSizeAs(english);
            for (int i = 0; i < english.size(); i++) {
                out.computeIfAbsent(english.get(i), k -> new ArrayList<>()).add(chinese.get(i));
            }
        }
        return out;
    }

    /** The glossary's rows, as their first two cells. */
    private static List<List<String>> glossaryCells() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<!-- glossary:start");
        int end = readme.indexOf("<!-- glossary:end");
        assertThat(start).as("README.md has a glossary section").isNotNegative();
        List<List<String>> out = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            int first = line.indexOf(" |", 2);
            int second = line.indexOf(" |", first + 2);
            out.add(List.of(line.substring(1, first), line.substring(first + 2, second)));
        }
        assertThat(out).as("glossary rows").isNotEmpty();
        return out;
    }

    private static List<String> backticked(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
