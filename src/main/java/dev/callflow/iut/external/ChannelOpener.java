package dev.callflow.iut.external;

import java.io.IOException;
import java.time.Duration;

/** Opens a fresh channel for each launch of the app process. */
@FunctionalInterface
interface ChannelOpener {
    IutChannel open(Duration within) throws IOException;
}
