package dev.callflow.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/events.md is what {@code ./callflow events --markdown} prints now: the vocabulary's one document never goes stale. */
class EventsDocTest {

    @Test
    void docsEventsMdIsTheCataloguesMarkdown() throws Exception {
        Path doc = Path.of("docs/events.md");
        assertThat(doc).as("docs/events.md exists; create it with: " + EventsCommand.REGENERATE).exists();
        String written = Files.readString(doc);
        assertThat(written.equals(EventsCommand.markdown()))
                .as("docs/events.md is stale: it is not what the event catalogue generates (edited by hand, or the "
                        + "catalogue changed since); regenerate it with: "
                        + EventsCommand.REGENERATE)
                .isTrue();
    }
}
