package dev.callflow.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run removes its own stale outputs before it writes, and nothing of the user's. */
class RunReportsCleanTest {
    @TempDir
    Path dir;

    @Test
    void aFolderAnEarlierRunWroteLosesEveryOutputOfThatRunAndKeepsTheUsersFiles() throws IOException {
        Files.writeString(dir.resolve("summary.txt"), "the last run\n");
        Files.writeString(dir.resolve("rule-verdicts.jsonl"), "{}\n");
        Files.createDirectories(dir.resolve("timelines/answer"));
        Files.writeString(dir.resolve("timelines/answer/0010-old.log"), "old\n");
        Files.createDirectories(dir.resolve("junit"));
        Files.writeString(dir.resolve("junit/cucumber.xml"), "");
        Files.writeString(dir.resolve(RunReports.HTML_PARTIAL), "<html><body>cut off");
        Files.writeString(dir.resolve(AtomicFiles.TEMP_PREFIX + "summary.txt.1-1-1"), "half");
        Files.writeString(dir.resolve("README.md"), "the user's notes\n");
        Files.createDirectories(dir.resolve("my-notes"));
        Files.writeString(dir.resolve("my-notes/today.txt"), "kept\n");

        RunReports.clean(dir);

        try (var left = Files.walk(dir)) {
            assertThat(left.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted())
                    .containsExactly(RunReports.MARKER, "README.md", "my-notes/today.txt");
        }
    }

    @Test
    void aUsersFolderWithAFolderOfAnOutputsNameIsRefusedAndLeftAlone() throws IOException {
        Files.createDirectories(dir.resolve("timelines"));
        Files.writeString(dir.resolve("timelines/2024.md"), "the user's own timelines\n");

        assertThatThrownBy(() -> RunReports.clean(dir)).isInstanceOf(RunReports.NotAReportsFolder.class)
                .hasMessageContaining("timelines/").hasMessageContaining("Give --reports an empty or new folder");
        assertThat(dir.resolve("timelines/2024.md")).hasContent("the user's own timelines");
        assertThat(dir.resolve(RunReports.MARKER)).doesNotExist();
    }

    @Test
    void aNewFolderIsMarkedSoThatTheNextRunCleansIt() throws IOException {
        Path fresh = dir.resolve("shard-1");
        RunReports.clean(fresh);
        Files.createDirectories(fresh.resolve("allure-results"));
        Files.writeString(fresh.resolve("allure-results/x-result.json"), "{}");
        RunReports.clean(fresh);
        assertThat(fresh.resolve("allure-results")).doesNotExist();
    }
}
