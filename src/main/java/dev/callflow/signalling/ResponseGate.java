package dev.callflow.signalling;

import java.util.function.Consumer;

/**
 * How the outcome of each of the app's requests reaches the app. A simulated phone fixes, when the request leaves, the
 * moment and the order in which its answer will be handed over (on its virtual clock), and the network thread only
 * passes over the code that completes it: so answers reach the app in the same order on every run, never straight from
 * a network thread. {@link #DIRECT} completes on the network thread, as a plain client does.
 */
@FunctionalInterface
public interface ResponseGate {

    /**
     * A request leaves now (on the app's thread). Returns what the network thread calls, once, with the code that
     * completes the request's future (and so runs whatever the app chained to it).
     *
     * @param requestId this request's id, also sent as {@value SignallingHeaders#REQUEST}, so the server's journal of
     *                  the exchange can be matched to it
     */
    Consumer<Runnable> leaving(String requestId, String method, String path);

    /** Completes each request on the thread that received its answer. */
    ResponseGate DIRECT = (requestId, method, path) -> Runnable::run;
}
