package dev.callflow.signalling;

import dev.callflow.platform.ServerEvent;
import dev.callflow.push.Registration;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.wiremock.webhooks.Webhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The mock signalling server: one embedded WireMock per run, shared by parallel scenarios that are kept apart
 * by the {@value SignallingHeaders#DEVICE} header. Never calls {@code resetAll}.
 *
 * <p>Stub mappings come from {@code <fixturesDir>/mappings/*.json}. Per-device listeners and faults are added with
 * {@link #attach}. Server-initiated events go through the {@code POST /harness/relay} stub, whose webhook
 * re-posts the body to the URL in {@value SignallingHeaders#RELAY_TARGET}, so they reach the device over real HTTP.
 */
public final class SignallingServer implements AutoCloseable {
    static final String RELAY_PATH = "/harness/relay";
    /** The name of the relay mapping that older fixture sets carried as a file: open to anyone, so it is dropped. */
    private static final String OLD_RELAY_MAPPING = "harness-relay";

    private final WireMockServer wireMock;
    private final JournalTap tap;
    private final HttpClient http;
    private final String baseUrl;
    private final String key;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SignallingServer(WireMockServer wireMock, JournalTap tap, HttpClient http, String key) {
        this.wireMock = wireMock;
        this.tap = tap;
        this.http = http;
        this.baseUrl = "http://127.0.0.1:" + wireMock.port();
        this.key = key;
    }

    /** Starts on 127.0.0.1 with a dynamic port, loading {@code fixturesDir/mappings}. */
    public static SignallingServer start(Path fixturesDir) {
        return builder().fixturesDir(fixturesDir).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>} (never "localhost": avoids IPv6/IPv4 resolution surprises). */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return wireMock.port();
    }

    /**
     * The app's client for {@code deviceId} on this server: its requests carry the server's key, so they reach the
     * device's listener ({@link #attach}). A client built without it is served but reaches no listener.
     */
    public SignallingClient client(HttpClient httpClient, String deviceId) {
        return SignallingClient.builder().httpClient(httpClient).baseUrl(baseUrl).deviceId(deviceId).serverKey(key).build();
    }

    /** The bind address WireMock was configured with (always 127.0.0.1). */
    public String bindAddress() {
        return wireMock.getOptions().bindAddress();
    }

    /**
     * Reports every completed request carrying {@code X-Callflow-Device: deviceId} to {@code listener}
     * (including relay posts made by {@link #sendToDevice} for that device, path {@code /harness/relay}).
     *
     * @throws IllegalStateException if the device is already attached (one owner per device keeps scenarios isolated)
     */
    public Registration attach(String deviceId, ExchangeListener listener) {
        Ids.require(deviceId, "deviceId");
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        if (!tap.attach(deviceId, listener)) {
            throw new IllegalStateException("device '" + deviceId + "' is already attached to this signalling server");
        }
        return new Registration(deviceId, listener);
    }

    /**
     * Posts {@code event} to the relay stub; its webhook then POSTs the same JSON to {@code deviceEndpoint}.
     * The future completes with the relay's status (202) once WireMock has accepted the event, which is before
     * delivery: the device sees it asynchronously, on WireMock's webhook thread pool.
     */
    public CompletableFuture<Integer> sendToDevice(String deviceId, URI deviceEndpoint, ServerEvent event) {
        Ids.require(deviceId, "deviceId");
        Objects.requireNonNull(deviceEndpoint, "deviceEndpoint");
        Objects.requireNonNull(event, "event");
        if (!"http".equals(deviceEndpoint.getScheme()) && !"https".equals(deviceEndpoint.getScheme())) {
            throw new IllegalArgumentException("deviceEndpoint must be an http(s) URI, got " + deviceEndpoint);
        }
        ensureOpen();
        if (!"127.0.0.1".equals(deviceEndpoint.getHost())) {
            throw new IllegalArgumentException("deviceEndpoint must be on 127.0.0.1 (the relay delivers on loopback only), got "
                    + deviceEndpoint);
        }
        URI relay = URI.create(baseUrl + RELAY_PATH);
        HttpRequest request = HttpRequest.newBuilder(relay)
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SignallingHeaders.DEVICE, deviceId)
                .header(SignallingHeaders.RELAY_TARGET, deviceEndpoint.toString())
                .header(SignallingHeaders.KEY, key)
                .POST(HttpRequest.BodyPublishers.ofString(event.toJson()))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new SignallingException("relay of '" + event.type() + "' for device " + deviceId
                                + " via POST " + relay + " failed: " + SignallingException.describe(failure), failure);
                    }
                    return response.statusCode();
                });
    }

    /**
     * Stops WireMock. Known leak (wiremock/wiremock#2057, still present in 3.13.2): the webhook extension's
     * non-daemon {@code ScheduledThreadPoolExecutor} is not shut down by {@code stop()}. Surefire's fork exits
     * anyway; a plain {@code main} must end with {@code System.exit}. Start one server per run, not per scenario.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            wireMock.stop();
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("signalling server is closed");
        }
    }

    /** A device's attachment: its exchange listener plus any faults injected for it. */
    public final class Registration implements AutoCloseable {
        private final String deviceId;
        private final ExchangeListener listener;
        private final List<UUID> faultIds = new CopyOnWriteArrayList<>();
        private final List<SignallingFault.Delay> delays = new CopyOnWriteArrayList<>();
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Registration(String deviceId, ExchangeListener listener) {
            this.deviceId = deviceId;
            this.listener = listener;
        }

        public String deviceId() {
            return deviceId;
        }

        /**
         * Adds a priority-1 stub matching this device's header and the fault's path regex; a {@link SignallingFault.Delay}
         * is no stub but a note for the device's network ({@link #delayFor}), which holds the answer that long on its
         * own clock. Returns a handle that removes just this fault; {@link #close()} removes all remaining ones.
         */
        public InjectedFault inject(SignallingFault fault) {
            Objects.requireNonNull(fault, "fault");
            if (!open.get()) {
                throw new IllegalStateException("registration for device '" + deviceId + "' is closed");
            }
            if (fault instanceof SignallingFault.Delay d) {
                delays.add(d);
                return () -> delays.remove(d);
            }
            UUID id = UUID.randomUUID();
            wireMock.stubFor(FaultStubs.stubFor(fault, deviceId, id));
            faultIds.add(id);
            return () -> removeFault(id);
        }

        /**
         * Answers this device's {@code method} requests whose path matches {@code pathRegex} (in full) with
         * {@code status} and the JSON {@code body}, in place of the fixture mapping: per-device server state, such as
         * a call the caller already cancelled. Removed like a fault: by the returned handle, or on {@link #close()}.
         */
        public InjectedFault respond(String method, String pathRegex, int status, String body) {
            if (!open.get()) {
                throw new IllegalStateException("registration for device '" + deviceId + "' is closed");
            }
            UUID id = UUID.randomUUID();
            wireMock.stubFor(FaultStubs.responseFor(method, pathRegex, status, body, deviceId, id));
            faultIds.add(id);
            return () -> removeFault(id);
        }

        /**
         * How long the server's answer to this device's {@code method} request for {@code path} is held: the delay of
         * the latest delay fault whose path regex matches, else zero. The harness side applies it (the device's clock
         * hands the answer to the app that much later), so the server answers at once and the journal shows the request
         * when it arrived.
         */
        public java.time.Duration delayFor(String method, String path) {
            for (int i = delays.size() - 1; i >= 0; i--) {
                SignallingFault.Delay d = delays.get(i);
                if (java.util.regex.Pattern.matches(d.pathRegex(), path)) {
                    return d.delay();
                }
            }
            return java.time.Duration.ZERO;
        }

        /** Removes every fault injected through this registration (the device stays attached). */
        public void clearFaults() {
            delays.clear();
            for (UUID id : new ArrayList<>(faultIds)) {
                removeFault(id);
            }
        }

        public int activeFaults() {
            return faultIds.size() + delays.size();
        }

        private void removeFault(UUID id) {
            if (faultIds.remove(id) && !closed.get()) {
                wireMock.removeStub(id);
            }
        }

        /** Detaches the listener and removes this device's fault stubs. Idempotent. */
        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                tap.detach(deviceId, listener);
                clearFaults();
            }
        }
    }

    /** Validating builder; {@link #start()} starts WireMock. */
    public static final class Builder {
        private Path fixturesDir;
        private HttpClient httpClient;
        private int maxJournalEntries = 0;
        private int containerThreads = 0;

        private Builder() {
        }

        /** Directory holding {@code mappings/} (and optionally {@code __files/}). */
        public Builder fixturesDir(Path dir) {
            this.fixturesDir = Objects.requireNonNull(dir, "fixturesDir");
            return this;
        }

        /** Client for relay posts; defaults to a JVM-wide shared HTTP/1.1 client. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /**
         * Keeps WireMock's in-memory journal of the last {@code n} requests, for debugging; off by default (the tap
         * pushes every exchange out, and a journal costs every request time).
         */
        public Builder maxJournalEntries(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maxJournalEntries must be >= 0 (0: no journal), got " + n);
            }
            this.maxJournalEntries = n;
            return this;
        }

        /** Jetty worker threads; 0 keeps WireMock's default. Raise it for many parallel scenarios. */
        public Builder containerThreads(int n) {
            if (n != 0 && n < 8) {
                throw new IllegalArgumentException("containerThreads must be 0 (default) or >= 8, got " + n);
            }
            this.containerThreads = n;
            return this;
        }

        public SignallingServer start() {
            if (fixturesDir == null) {
                throw new IllegalStateException("fixturesDir is required");
            }
            Path mappings = fixturesDir.resolve("mappings");
            if (!Files.isDirectory(mappings)) {
                throw new IllegalArgumentException("no mappings directory at " + mappings.toAbsolutePath());
            }
            String key = HexFormat.of().formatHex(randomBytes());
            JournalTap tap = new JournalTap(key);
            var options = options()
                    .dynamicPort()
                    .bindAddress("127.0.0.1")
                    .usingFilesUnderDirectory(fixturesDir.toAbsolutePath().toString())
                    .gzipDisabled(true)
                    .stubRequestLoggingDisabled(true)
                    .extensions(tap);
            if (maxJournalEntries > 0) {
                options.maxRequestJournalEntries(maxJournalEntries);
            } else {
                options.disableRequestJournal(); // the tap pushes every exchange out; a journal only costs time
            }
            if (containerThreads > 0) {
                options.containerThreads(containerThreads);
            }
            options.adminAuthenticator(request -> false);
            WireMockServer wm = new WireMockServer(options);
            wm.start();
            installRelay(wm, key);
            return new SignallingServer(wm, tap, httpClient != null ? httpClient : SharedHttp.client(), key);
        }

        private static byte[] randomBytes() {
            byte[] key = new byte[16];
            new SecureRandom().nextBytes(key);
            return key;
        }

        /**
         * The relay: a request with the key and a loopback target is re-posted there by WireMock's webhook. Without the
         * key it matches no stub (404), so no stranger makes WireMock post to a phone or anywhere else.
         */
        private static void installRelay(WireMockServer wm, String key) {
            for (StubMapping m : wm.getStubMappings()) {
                if (OLD_RELAY_MAPPING.equals(m.getName())) {
                    wm.removeStub(m);
                }
            }
            wm.stubFor(post(urlPathEqualTo(RELAY_PATH))
                    .withHeader(SignallingHeaders.KEY, equalTo(key))
                    .withHeader(SignallingHeaders.RELAY_TARGET, matching("http://127\\.0\\.0\\.1:[0-9]+/[^\\s]*"))
                    .willReturn(WireMock.aResponse().withStatus(202))
                    .withServeEventListener("webhook", Webhooks.webhook()
                            .withMethod("POST")
                            .withUrl("{{{originalRequest.headers." + SignallingHeaders.RELAY_TARGET + "}}}")
                            .withHeader("Content-Type", "application/json")
                            .withHeader(SignallingHeaders.DEVICE, "{{{originalRequest.headers." + SignallingHeaders.DEVICE + "}}}")
                            .withBody("{{{originalRequest.body}}}")));
        }
    }
}
