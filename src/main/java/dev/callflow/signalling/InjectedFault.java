package dev.callflow.signalling;

/** Handle to one injected fault; closing it removes the fault's stub (idempotent). */
@FunctionalInterface
public interface InjectedFault extends AutoCloseable {
    @Override
    void close();
}
