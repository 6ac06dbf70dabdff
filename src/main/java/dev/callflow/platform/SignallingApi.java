package dev.callflow.platform;

import java.util.concurrent.CompletableFuture;

/**
 * The app's client for its own signalling server (real HTTP). Non-2xx answers complete normally; a request that gets
 * no HTTP answer completes exceptionally.
 */
public interface SignallingApi {
    /** The device's id, which the server knows the phone by. */
    String deviceId();

    /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl();

    CompletableFuture<SignallingResponse> login(String user);

    CompletableFuture<SignallingResponse> uploadPushToken(String token);

    CompletableFuture<SignallingResponse> accept(String callId);

    CompletableFuture<SignallingResponse> decline(String callId);

    CompletableFuture<SignallingResponse> hangUp(String callId);

    CompletableFuture<SignallingResponse> busy(String callId);

    CompletableFuture<SignallingResponse> callState(String callId);

    CompletableFuture<SignallingResponse> invite(String callId, String callee);

    /**
     * Any request to the app's server, for an app whose requests the harness makes on its behalf (an external
     * implementation's {@code http} call): {@code path} is absolute ({@code /v1/calls/…}), {@code jsonBody} is JSON
     * text or {@code null} for none. Answers as the named methods do.
     */
    CompletableFuture<SignallingResponse> exchange(String method, String path, String jsonBody);
}
