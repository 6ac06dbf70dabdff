package dev.callflow;

import dev.callflow.harness.RunResult;
import dev.callflow.harness.ScenarioOutcome;
import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's whole-feature examples (English and Chinese) are what a QA engineer copies first: each one runs, as
 * written, and passes against the reference app.
 */
class ReadmeExamplesTest {
    private static final Pattern GHERKIN_BLOCK = Pattern.compile("```gherkin\\n(.*?)```", Pattern.DOTALL);

    /** The README's Java example is the test {@code mvn test} runs, word for word. */
    @Test
    void theJavaExampleIsTheTestThatRuns() throws IOException {
        String readme = Files.readString(Runs.HOME.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("a java block in the README").isTrue();
        String test = Files.readString(Runs.HOME.resolve("src/test/java/dev/callflow/junit/ExampleCallTest.java"),
                StandardCharsets.UTF_8);
        assertThat(m.group(1)).isEqualTo(test);
    }

    @Test
    void everyWholeFeatureInTheReadmeRunsAndPasses(@TempDir Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Matcher m = GHERKIN_BLOCK.matcher(Files.readString(Runs.HOME.resolve("README.md"), StandardCharsets.UTF_8));
        while (m.find()) {
            String block = m.group(1);
            if (block.contains("Feature:") || block.contains("功能:")) {
                Path file = dir.resolve("readme-example-" + files.size() + ".feature");
                Files.writeString(file, block, StandardCharsets.UTF_8);
                files.add(file);
            }
        }
        assertThat(files).as("whole-feature examples in the README (the English and the Chinese guide)").hasSizeGreaterThanOrEqualTo(2);

        RunResult result = SuiteRunner.run(Runs.config("reference").features(files).build());

        assertThat(result.scenarios()).as("scenarios the README's examples hold").hasSizeGreaterThanOrEqualTo(files.size());
        assertThat(result.failed()).as("README examples that failed").extracting(ScenarioOutcome::message).isEmpty();
    }
}
