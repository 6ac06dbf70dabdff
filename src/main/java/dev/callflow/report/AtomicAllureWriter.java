package dev.callflow.report;

import io.qameta.allure.AllureResultsWriteException;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.internal.Allure2ModelJackson;
import io.qameta.allure.internal.shadowed.jackson.databind.ObjectMapper;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Allure's results written as {@link io.qameta.allure.FileSystemResultsWriter} writes them (same names, same JSON from
 * Allure's own mapper) but each one whole or not at all ({@link AtomicFiles}). A run stopped by SIGINT mid-write, or an
 * attachment whose stream fails, leaves no half file in {@code allure-results/} for {@code allure generate} to trip on.
 */
final class AtomicAllureWriter implements AllureResultsWriter {
    private final Path dir;
    private final ObjectMapper mapper = Allure2ModelJackson.createMapper();

    AtomicAllureWriter(Path dir) {
        this.dir = dir;
    }

    @Override
    public void write(TestResult result) {
        json(uuidOrNew(result.getUuid()) + "-result.json", result, "test result");
    }

    @Override
    public void write(TestResultContainer container) {
        json(uuidOrNew(container.getUuid()) + "-container.json", container, "test result container");
    }

    @Override
    public void write(String source, InputStream attachment) {
        try {
            AtomicFiles.write(dir.resolve(source), attachment::transferTo);
        } catch (UncheckedIOException e) {
            throw new AllureResultsWriteException("Could not write Allure attachment " + source, e.getCause());
        }
    }

    private void json(String name, Object value, String what) {
        try {
            AtomicFiles.write(dir.resolve(name), out -> mapper.writeValue(out, value));
        } catch (UncheckedIOException e) {
            throw new AllureResultsWriteException("Could not write Allure " + what + " " + name, e.getCause());
        }
    }

    private static String uuidOrNew(String uuid) {
        return uuid == null ? UUID.randomUUID().toString() : uuid;
    }
}
