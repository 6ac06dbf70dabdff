package dev.callflow.report;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.GherkinDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** File chores of report writers. */
public final class ReportFiles {
    private ReportFiles() { }

    /** The name of the feature in the file {@code uri} names (Cucumber's JUnit classname), or "" when it is no file. */
    public static String featureName(String uri) {
        if (!uri.startsWith("file:")) {
            return "";
        }
        try (Stream<Envelope> parsed = GherkinParser.builder().includeSource(false).includePickles(false).build()
                .parse(Path.of(URI.create(uri)))) {
            return parsed.map(Envelope::getGherkinDocument).flatMap(Optional::stream).map(GherkinDocument::getFeature)
                    .flatMap(Optional::stream).map(Feature::getName).findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the feature file " + uri, e);
        }
    }

    /** Removes a file, or a folder and everything in it (nothing when it does not exist). */
    public static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + path, e);
        }
    }
}
