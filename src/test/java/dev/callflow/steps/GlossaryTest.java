package dev.callflow.steps;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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
        Set<String> documented = glossaryExpressions();
        assertThat(documented).as("steps in the README glossary that the glue does not define").isSubsetOf(glue);
        assertThat(glue).as("steps the glue defines that the README glossary does not list").isSubsetOf(documented);
        assertThat(StepGlossary.expressions()).as("StepGlossary.STEP_CLASSES covers every step class").isEqualTo(glue);
    }

    @Test
    void anUnknownStepIsPointedToTheClosestGlossarySteps() {
        assertThat(StepGlossary.closest("the user answer call B on the system UI", 1))
                .containsExactly("the user answers call {word} on the system call UI");
        assertThat(StepGlossary.closest("remote side hangs up call A", 1))
                .containsExactly("the remote party hangs up call {word}");
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

    private static Set<String> glossaryExpressions() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<!-- glossary:start");
        int end = readme.indexOf("<!-- glossary:end");
        assertThat(start).as("README.md has a glossary section").isNotNegative();
        Set<String> out = new TreeSet<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf(" |", 2));
            Matcher m = Pattern.compile("`([^`]+)`").matcher(firstCell);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
