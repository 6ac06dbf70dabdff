package dev.callflow.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A report file is the old one or the new one, never part of one. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path summary = dir.resolve("summary.txt");
        AtomicFiles.writeString(summary, "the last run's whole summary\n");

        assertThatThrownBy(() -> AtomicFiles.write(summary, out -> {
            out.write("interrupted after 3 of".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("the disk filled up half way");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining(summary.toString());

        assertThat(summary).hasContent("the last run's whole summary");
        assertThat(files()).containsExactly("summary.txt");
    }

    @Test
    void aWriteThatFailsBeforeThereWasAFileLeavesNone() {
        Path verdicts = dir.resolve("junit").resolve("cucumber.xml");
        assertThatThrownBy(() -> AtomicFiles.write(verdicts, out -> {
            out.write("<testsuite>".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("the run stopped");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(verdicts).doesNotExist();
        assertThat(verdicts.getParent()).isEmptyDirectory();
    }

    @Test
    void aWholeWriteReplacesTheFileAndIsReadableByOthers() throws IOException {
        Path counts = dir.resolve("verdict.properties");
        AtomicFiles.writeString(counts, "passed=1\n");
        AtomicFiles.writeString(counts, "passed=2\n");
        assertThat(counts).hasContent("passed=2");
        assertThat(files()).containsExactly("verdict.properties");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(counts)).as("not owner-only, as a temp file would be")
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        }
    }

    private java.util.List<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
        }
    }
}
