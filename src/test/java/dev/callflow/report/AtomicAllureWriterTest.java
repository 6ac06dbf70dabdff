package dev.callflow.report;

import io.qameta.allure.AllureResultsWriteException;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** allure-results/ holds whole files only, the same files Allure's own writer makes. */
class AtomicAllureWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSameFilesAsAlluresOwnWriter() throws IOException {
        Path ours = dir.resolve("ours");
        Path allures = dir.resolve("allures");
        TestResult result = new TestResult().setUuid("5f1c").setName("Answer an incoming call")
                .setStatus(Status.FAILED).setStage(Stage.FINISHED)
                .setStatusDetails(new StatusDetails().setMessage("R-AUD-2: startAudio before didActivate"))
                .setLabels(List.of(new Label().setName("story").setValue("R-AUD-2")));
        TestResultContainer container = new TestResultContainer().setUuid("9a0b").setChildren(List.of("5f1c"));

        for (var w : List.of(new AtomicAllureWriter(ours), new FileSystemResultsWriter(allures))) {
            w.write(result);
            w.write(container);
            w.write("d1-attachment.svg", new ByteArrayInputStream("<svg/>".getBytes(StandardCharsets.UTF_8)));
        }

        assertThat(names(ours)).containsExactlyInAnyOrder("5f1c-result.json", "9a0b-container.json", "d1-attachment.svg")
                .containsExactlyInAnyOrderElementsOf(names(allures));
        for (String name : names(allures)) {
            assertThat(Files.readAllBytes(ours.resolve(name))).as(name).isEqualTo(Files.readAllBytes(allures.resolve(name)));
        }
    }

    @Test
    void anAttachmentWhoseStreamFailsHalfWayLeavesNoFile() throws IOException {
        Path results = dir.resolve("allure-results");
        AtomicAllureWriter writer = new AtomicAllureWriter(results);
        InputStream breaksAfterTheHead = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent == 64 * 1024) {
                    throw new IOException("the diagram's renderer was killed");
                }
                return "<svg>".charAt(sent++ % 5);
            }
        };

        assertThatThrownBy(() -> writer.write("d2-attachment.svg", breaksAfterTheHead))
                .isInstanceOf(AllureResultsWriteException.class).hasMessageContaining("d2-attachment.svg")
                .hasRootCauseMessage("the diagram's renderer was killed");
        assertThat(names(results)).as("no half attachment and no temporary file").isEmpty();
    }

    @Test
    void aResultWithoutUuidGetsAFreshName() throws IOException {
        new AtomicAllureWriter(dir).write(new TestResult().setName("no uuid"));
        assertThat(names(dir)).singleElement().asString().endsWith("-result.json").hasSizeGreaterThan("-result.json".length());
    }

    private static List<String> names(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
