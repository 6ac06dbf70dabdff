package dev.callflow.harness;

import java.nio.file.Path;

/**
 * Where the project lives when nobody said: the launcher's {@code -Dcallflow.home} ({@code ./callflow} sets it to its
 * own directory), else Maven's {@code basedir} (Surefire sets it), else the working directory. Read only, at the edge
 * of the program (the CLI, a test class): it configures no run, and nothing in the harness ever sets it.
 */
public final class ProjectHome {
    /** The launcher's property naming the project directory. */
    public static final String PROPERTY = "callflow.home";

    private ProjectHome() { }

    public static Path detect() {
        return Path.of(System.getProperty(PROPERTY, System.getProperty("basedir", "."))).toAbsolutePath().normalize();
    }
}
