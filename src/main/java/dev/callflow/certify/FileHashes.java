package dev.callflow.certify;

import dev.callflow.report.AllureHtml;
import dev.callflow.report.RunReports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SHA-256 of files, and of the result files of a reports directory: every file under the outputs a run writes
 * ({@link RunReports#OUTPUTS}), except the certificate itself and the Allure HTML report (a rendering of
 * {@code allure-results/}, which is hashed, with a bundled viewer).
 */
public final class FileHashes {
    static final Set<String> NOT_HASHED = Set.of(RunReports.CERTIFICATE, AllureHtml.DIR, AllureHtml.DIR + ".log");

    private FileHashes() { }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String sha256(Path file) {
        MessageDigest d = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " to hash it", e);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** Path relative to {@code reportsDir} (with '/') → SHA-256, sorted by path. */
    public static Map<String, String> resultFiles(Path reportsDir) {
        Map<String, String> hashes = new TreeMap<>();
        for (String output : RunReports.OUTPUTS) {
            if (NOT_HASHED.contains(output) || !Files.exists(reportsDir.resolve(output))) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(reportsDir.resolve(output))) {
                walk.filter(Files::isRegularFile).forEach(f -> hashes.put(relative(reportsDir, f), sha256(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + reportsDir.resolve(output), e);
            }
        }
        return hashes;
    }

    static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
