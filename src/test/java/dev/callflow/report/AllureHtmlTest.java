package dev.callflow.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callflow.harness.RunResult;
import dev.callflow.runner.SuiteRunner;
import dev.callflow.testing.Runs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report people open: a run against a mutant that breaks R-AUD-2 gives Allure results that stay failed, grouped by
 * flow, rule family and rule, with every rule's verdict and the sequence diagram (failure marked in red), and an
 * offline single-file HTML report that carries the diagram and no analytics. The generator costs about 10 s, so this
 * is the one test that runs it.
 */
class AllureHtmlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFailedScenarioShowsItsDiagramVerdictsAndGroupsInTheOfflineReport() throws IOException {
        Path reports = Runs.HOME.resolve("target/allure-html-test");
        RunResult run = SuiteRunner.run(Runs.config("mutant:start-audio-in-answer")
                .name("^Answer on the system call UI with the phone unlocked$").reportsDir(reports).build());
        assertThat(run.scenarios()).hasSize(1);
        assertThat(run.failed()).hasSize(1);

        Path svg = only(reports.resolve("timelines"), ".svg");
        String diagram = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(diagram).startsWith("<svg").contains("startAudio").contains("R-AUD-2");

        JsonNode result = JSON.readTree(only(reports.resolve("allure-results"), "-result.json").toFile());
        assertThat(result.get("status").asText()).as("an assertion failure stays failed, not broken").isEqualTo("failed");
        assertThat(labels(result, "epic")).containsExactly("answer");
        assertThat(labels(result, "story")).contains("R-AUD-2");
        assertThat(labels(result, "feature")).contains("R-AUD (audio)");
        List<String> stepNames = new ArrayList<>();
        result.get("steps").forEach(step -> stepNames.add(step.get("name").asText()));
        assertThat(stepNames).as("the scenario's own steps, without the passed before-step hook between them")
                .contains("When the server offers call A from \"alice\"").noneMatch(n -> n.contains("Hooks.quiesce"));
        JsonNode verdicts = result.get("steps").get(result.get("steps").size() - 1);
        assertThat(verdicts.get("name").asText()).startsWith("Rule verdicts: ");
        assertThat(verdicts.get("steps").findValuesAsText("name"))
                .anySatisfy(n -> assertThat(n).startsWith("R-AUD-2 violated: Start media I/O"));
        JsonNode attachment = result.get("attachments").get(0);
        assertThat(attachment.get("type").asText()).isEqualTo("image/svg+xml");
        assertThat(Files.readString(reports.resolve("allure-results").resolve(attachment.get("source").asText())))
                .isEqualTo(diagram);

        AllureHtml.Outcome html = AllureHtml.generate(Runs.HOME, reports);
        System.out.println("AllureHtmlTest: " + html.message());
        assertThat(html.index()).as(html.message()).isPresent();
        String index = Files.readString(html.index().orElseThrow(), StandardCharsets.UTF_8);
        // With analytics off the tag manager is not loaded: no script comes from the network. (An inline gtag() stub
        // stays in the page; without the loader it only pushes onto a local array.)
        assertThat(index).doesNotContain("googletagmanager").doesNotContainPattern("<script[^>]*src=\"https?:")
                .contains(Base64.getEncoder().encodeToString(diagram.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.get("labels").forEach(l -> {
            if (l.get("name").asText().equals(name)) {
                values.add(l.get("value").asText());
            }
        });
        return values;
    }

    private static Path only(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(suffix)).toList();
            assertThat(found).as("files *%s under %s", suffix, dir).hasSize(1);
            return found.get(0);
        }
    }
}
