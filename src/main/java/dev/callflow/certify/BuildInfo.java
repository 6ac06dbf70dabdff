package dev.callflow.certify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Which harness judged: its version (the pom's, filtered into {@code build.properties} at build time) and the git
 * commit of the project it ran from ({@code git rev-parse HEAD}, a child process bounded to a few seconds;
 * {@link #UNKNOWN} when the project is no git checkout or git is missing).
 */
public record BuildInfo(String version, String commit) {
    public static final String UNKNOWN = "unknown";
    private static final long GIT_BOUND_SECONDS = 5;

    public static BuildInfo detect(Path home) {
        return new BuildInfo(pomVersion(), commit(home));
    }

    static String pomVersion() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the harness's build.properties", e);
        }
        String v = p.getProperty("version", UNKNOWN);
        return v.startsWith("${") ? UNKNOWN : v;
    }

    static String commit(Path home) {
        try {
            Process git = new ProcessBuilder("git", "-C", home.toString(), "rev-parse", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = git.getInputStream().readNBytes(200);
            if (!git.waitFor(GIT_BOUND_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return UNKNOWN;
            }
            String sha = new String(out, StandardCharsets.US_ASCII).trim();
            return git.exitValue() == 0 && sha.matches("[0-9a-f]{40}") ? sha : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
