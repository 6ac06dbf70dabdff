package dev.callflow.iut.external;

/** The implementation under test broke callflow-iut/2: the message says what, the caller adds where. */
final class ProtocolException extends Exception {
    ProtocolException(String message) {
        super(message);
    }
}
