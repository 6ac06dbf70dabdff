package dev.callflow.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Report files written whole or not at all: the bytes go to a temporary file in the target's folder, which then
 * replaces the target in one rename. A reader (or a run stopped by SIGINT half way) sees the old file or the new one,
 * never part of one.
 */
public final class AtomicFiles {
    /** How a temporary file's name starts; {@link RunReports#clean} removes any a killed run left behind. */
    static final String TEMP_PREFIX = ".callflow-tmp-";

    private AtomicFiles() { }

    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** What goes into a file, written to a stream; when it throws, the target keeps what it held. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) {
        Path temp = null;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Not Files.createTempFile: its files are owner-only (0600), and a report is for whoever reads the folder.
            temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId() + "-" + System.nanoTime());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            moveIntoPlace(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Renames a file written elsewhere in the same folder (e.g. by a Cucumber plugin) to {@code target}, replacing it. */
    public static void moveIntoPlace(Path written, Path target) throws IOException {
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed; that error is the one to report
        }
    }
}
