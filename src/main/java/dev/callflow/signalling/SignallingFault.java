package dev.callflow.signalling;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A fault the mock server applies to one device's requests whose path matches {@link #pathRegex()} (any method).
 * Created with the static factories, which validate; applied with {@code SignallingServer.Registration#inject}.
 */
public sealed interface SignallingFault permits SignallingFault.Delay, SignallingFault.Status, SignallingFault.ConnectionReset {

    /** Regex over the request path (no query), matched in full, e.g. {@code /v1/calls/[^/]+/accept}. */
    String pathRegex();

    /**
     * The normal fixture response, but handed to the app only {@code delay} after the request left: the harness's side
     * holds it on the device's clock ({@code Registration#delayFor}); the server answers at once.
     */
    static SignallingFault delay(String pathRegex, Duration delay) {
        return new Delay(pathRegex, delay);
    }

    /** Replace the response with {@code status} and {@code body}. */
    static SignallingFault status(String pathRegex, int status, String body) {
        return new Status(pathRegex, status, body);
    }

    /** The server resets the TCP connection instead of answering. */
    static SignallingFault connectionReset(String pathRegex) {
        return new ConnectionReset(pathRegex);
    }

    record Delay(String pathRegex, Duration delay) implements SignallingFault {
        public Delay {
            checkRegex(pathRegex);
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative() || delay.isZero() || delay.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("delay must be > 0 and <= 5 min, got " + delay);
            }
        }
    }

    record Status(String pathRegex, int status, String body) implements SignallingFault {
        public Status {
            checkRegex(pathRegex);
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("HTTP status must be 100-599, got " + status);
            }
            body = body == null ? "" : body;
        }
    }

    record ConnectionReset(String pathRegex) implements SignallingFault {
        public ConnectionReset {
            checkRegex(pathRegex);
        }
    }

    private static void checkRegex(String regex) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("fault pathRegex must not be blank");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("fault pathRegex is not a valid regex: " + e.getMessage(), e);
        }
    }
}
