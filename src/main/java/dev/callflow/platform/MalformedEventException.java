package dev.callflow.platform;

/** A server event body that is not valid JSON or not a valid event; the message says what is wrong. */
public class MalformedEventException extends IllegalArgumentException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
