package dev.callflow.certify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The certificate of an external implementation names it and its version as its {@code hello} gave them. */
class CertifyExternalTest {
    private static final String PYTHON = System.getProperty("callflow.python", "python3");

    @Test
    void thePythonExampleIsNamedByItsHello(@TempDir Path tmp) throws IOException {
        String tags = "@R-INC-4";
        CertifyCli certify = CertifyCli.run("certify", "--iut", PYTHON + " examples/python-iut/app.py", "--tags", tags,
                "--reports", tmp.toString(), "--no-html");
        Certificate c = Certification.read(tmp.resolve("certificate").resolve(Certification.JSON_FILE));

        assertThat(certify.exit()).as(certify.tail()).isZero();
        assertThat(c.iut().name()).isEqualTo("python-reference");
        assertThat(c.iut().version()).isEqualTo("2.0");
        assertThat(c.iut().nameFrom()).isEqualTo("hello");
        assertThat(c.iut().spec()).endsWith("examples/python-iut/app.py");
        assertThat(c.run().tags()).isEqualTo(tags);
        assertThat(c.notCovered()).as("rules outside the certified tags").isNotEmpty();
    }
}
