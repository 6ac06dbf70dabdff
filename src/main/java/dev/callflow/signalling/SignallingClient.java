package dev.callflow.signalling;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callflow.platform.SignallingApi;
import dev.callflow.platform.SignallingResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The app's side of the signalling REST API. Every request carries {@value SignallingHeaders#DEVICE} and its own
 * {@value SignallingHeaders#REQUEST}. Non-2xx answers complete normally (inspect {@link SignallingResponse#status()});
 * requests that get no HTTP answer at all complete exceptionally with a {@link SignallingException} naming method and
 * URL. A {@link ResponseGate} decides where and when each answer is handed over (a simulated phone: on its clock).
 */
public final class SignallingClient implements SignallingApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String deviceId;
    private final Duration requestTimeout;
    private final ResponseGate gate;
    private final String serverKey;
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    public SignallingClient(HttpClient http, String baseUrl, String deviceId) {
        this(builder().httpClient(http).baseUrl(baseUrl).deviceId(deviceId));
    }

    private SignallingClient(Builder b) {
        this.http = b.http;
        this.baseUrl = b.baseUrl;
        this.deviceId = b.deviceId;
        this.requestTimeout = b.requestTimeout;
        this.gate = b.gate;
        this.serverKey = b.serverKey;
    }

    /** The same client, handing every answer over through {@code gate}. */
    public SignallingClient withGate(ResponseGate g) {
        Builder b = builder().httpClient(http).baseUrl(baseUrl).deviceId(deviceId).requestTimeout(requestTimeout);
        b.serverKey = serverKey;
        b.gate = Objects.requireNonNull(g, "gate");
        return new SignallingClient(b);
    }

    /** Whether answers go through a gate of someone's ({@link #withGate}) rather than straight to the app. */
    public boolean hasGate() {
        return gate != ResponseGate.DIRECT;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String deviceId() {
        return deviceId;
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    public CompletableFuture<SignallingResponse> login(String user) {
        requireText(user, "user");
        return send("POST", "/v1/devices/" + deviceId + "/login", json().put("user", user));
    }

    public CompletableFuture<SignallingResponse> uploadPushToken(String token) {
        requireText(token, "token");
        return send("PUT", "/v1/devices/" + deviceId + "/push-token", json().put("token", token));
    }

    public CompletableFuture<SignallingResponse> accept(String callId) {
        return callAction(callId, "accept");
    }

    public CompletableFuture<SignallingResponse> decline(String callId) {
        return callAction(callId, "decline");
    }

    public CompletableFuture<SignallingResponse> hangUp(String callId) {
        return callAction(callId, "hangup");
    }

    public CompletableFuture<SignallingResponse> busy(String callId) {
        return callAction(callId, "busy");
    }

    /** {@code GET /v1/calls/{id}}: the server's view of a call, e.g. {@code {"state":"ringing"}} or {@code "cancelled"}. */
    public CompletableFuture<SignallingResponse> callState(String callId) {
        Ids.require(callId, "callId");
        return send("GET", "/v1/calls/" + callId, (String) null);
    }

    public CompletableFuture<SignallingResponse> invite(String callId, String callee) {
        Ids.require(callId, "callId");
        requireText(callee, "callee");
        return send("POST", "/v1/calls", json().put("callId", callId).put("callee", callee));
    }

    private CompletableFuture<SignallingResponse> callAction(String callId, String action) {
        Ids.require(callId, "callId");
        return send("POST", "/v1/calls/" + callId + "/" + action, json().put("callId", callId));
    }

    /**
     * Any request to the app's server, for an app whose requests the harness makes on its behalf (an external
     * implementation's {@code http} call): {@code path} is absolute ({@code /v1/calls/…}), {@code jsonBody} is JSON
     * text or {@code null} for none. Answers as the named methods do.
     */
    public CompletableFuture<SignallingResponse> exchange(String method, String path, String jsonBody) {
        if (method == null || !method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("method must be an HTTP method in capitals, e.g. GET, got " + method);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got " + path);
        }
        return send(method, path, jsonBody);
    }

    private CompletableFuture<SignallingResponse> send(String method, String path, ObjectNode body) {
        return send(method, path, body == null ? null : body.toString());
    }

    private CompletableFuture<SignallingResponse> send(String method, String path, String body) {
        URI uri = URI.create(baseUrl + path);
        String requestId = deviceId + "/" + requests.incrementAndGet();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(SignallingHeaders.DEVICE, deviceId)
                .header(SignallingHeaders.REQUEST, requestId)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (serverKey != null) {
            builder.header(SignallingHeaders.KEY, serverKey);
        }
        HttpRequest request = builder.build();
        java.util.function.Consumer<Runnable> handOver = gate.leaving(requestId, method, path);
        CompletableFuture<SignallingResponse> result = new CompletableFuture<>();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> handOver.accept(() -> {
            if (failure != null) {
                result.completeExceptionally(new SignallingException(method + " " + uri + " (device " + deviceId
                        + ") failed: " + SignallingException.describe(failure), failure));
            } else {
                result.complete(new SignallingResponse(response.statusCode(), response.body()));
            }
        }));
        return result;
    }

    private static ObjectNode json() {
        return JSON.createObjectNode();
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /** Validating builder: http client, base URL and device id are required. */
    public static final class Builder {
        private HttpClient http;
        private String baseUrl;
        private String deviceId;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private ResponseGate gate = ResponseGate.DIRECT;
        private String serverKey;

        private Builder() {
        }

        /** The mock server's key ({@link SignallingServer#client} sets it): without it no request reaches a listener. */
        Builder serverKey(String key) {
            this.serverKey = java.util.Objects.requireNonNull(key, "serverKey");
            return this;
        }

        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "httpClient");
            return this;
        }

        /** e.g. {@code http://127.0.0.1:8080}; a trailing slash is dropped. */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            try {
                URI uri = new URI(trimmed);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got " + baseUrl);
                }
                if (uri.getQuery() != null || uri.getFragment() != null) {
                    throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + baseUrl);
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("baseUrl is not a valid URL: " + baseUrl, e);
            }
            this.baseUrl = trimmed;
            return this;
        }

        public Builder deviceId(String deviceId) {
            this.deviceId = Ids.require(deviceId, "deviceId");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "requestTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, got " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        public SignallingClient build() {
            if (http == null) {
                throw new IllegalStateException("httpClient is required");
            }
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            if (deviceId == null) {
                throw new IllegalStateException("deviceId is required");
            }
            return new SignallingClient(this);
        }
    }
}
