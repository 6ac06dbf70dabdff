package dev.callflow.iut.external;

import java.io.IOException;
import java.time.Duration;

/** Opens a fresh channel for each launch of the app process. */
@FunctionalInterface
interface ChannelOpener {
    IutChannel open(Duration within) throws IOException;

    /** Nobody connected within the bound (the network transport): to the app, as good as no hello. */
    final class NoConnection extends IOException {
        NoConnection(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
