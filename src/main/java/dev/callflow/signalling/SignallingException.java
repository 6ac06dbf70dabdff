package dev.callflow.signalling;

import java.util.concurrent.CompletionException;

/** A signalling request that got no HTTP response (refused, reset, timed out); the message names request and URL. */
public class SignallingException extends RuntimeException {
    public SignallingException(String message, Throwable cause) {
        super(message, cause);
    }

    static String describe(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }
}
