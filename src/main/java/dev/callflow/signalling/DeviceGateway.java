package dev.callflow.signalling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.callflow.platform.MalformedEventException;
import dev.callflow.platform.ServerEvent;
import dev.callflow.push.Registration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The phones' network endpoint for server-initiated events: {@code POST /devices/<id>/events} with a
 * {@link ServerEvent} JSON body. 204 on delivery, 404 for an unregistered device, 400 (with a message) for a
 * malformed body, 405 for other methods, 413 above 64 KiB, 500 when the handler throws. Never stops serving.
 *
 * <p>Only the harness's relay may deliver (issue 12, row 7): {@link #endpointFor} carries this gateway's random key
 * in its query, and a request without it gets 403 before anything else is looked at, so another process on the
 * machine (an IUT) can neither inject an event into a scenario nor probe which devices exist.
 */
public final class DeviceGateway implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DeviceGateway.class.getName());
    private static final String PREFIX = "/devices/";
    private static final String SUFFIX = "/events";
    private static final int MAX_BODY = 64 * 1024;
    private static final String KEY_PARAMETER = "key=";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String key = newKey();

    private record Device(Consumer<ServerEvent> handler, Consumer<DeliveryError> onError) {
    }

    /** Handle for one registered device; closing it makes the gateway answer 404 for that device. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private DeviceGateway(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1 with an ephemeral port and 4 daemon worker threads. */
    public static DeviceGateway start() {
        return start(4);
    }

    public static DeviceGateway start(int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1-64, got " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "device-gateway-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService executor = Executors.newFixedThreadPool(threads, tf);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(executor);
            DeviceGateway gateway = new DeviceGateway(server, executor);
            server.createContext(PREFIX, gateway::handle);
            server.start();
            return gateway;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new IllegalStateException("could not start device gateway on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI endpointFor(String deviceId) {
        Ids.require(deviceId, "deviceId");
        return URI.create("http://127.0.0.1:" + port() + PREFIX + deviceId + SUFFIX + "?" + KEY_PARAMETER + key);
    }

    private static String newKey() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private boolean carriesKey(URI requestUri) {
        String query = requestUri.getRawQuery();
        return query != null && java.security.MessageDigest.isEqual(query.getBytes(StandardCharsets.US_ASCII),
                (KEY_PARAMETER + key).getBytes(StandardCharsets.US_ASCII));
    }

    public Registration register(String deviceId, Consumer<ServerEvent> handler) {
        return register(deviceId, handler, error -> { });
    }

    /**
     * @param onError told about malformed bodies (400) and handler failures (500) for this device
     * @throws IllegalStateException if the device is already registered
     */
    public Registration register(String deviceId, Consumer<ServerEvent> handler, Consumer<DeliveryError> onError) {
        Ids.require(deviceId, "deviceId");
        Device device = new Device(Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(onError, "onError"));
        if (closed.get()) {
            throw new IllegalStateException("device gateway is closed");
        }
        if (devices.putIfAbsent(deviceId, device) != null) {
            throw new IllegalStateException("device '" + deviceId + "' is already registered with the gateway");
        }
        return () -> devices.remove(deviceId, device);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!carriesKey(exchange.getRequestURI())) {
                respond(exchange, 403, "events reach phones only through the harness's relay");
                return;
            }
            if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()) {
                respond(exchange, 404, "no such endpoint: " + path + " (expected /devices/<deviceId>/events)");
                return;
            }
            String deviceId = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
            Device device = devices.get(deviceId);
            if (device == null) {
                respond(exchange, 404, "device '" + deviceId + "' is not registered");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                respond(exchange, 405, "only POST is accepted, got " + exchange.getRequestMethod());
                return;
            }
            byte[] raw = readBody(exchange.getRequestBody());
            String body = raw == null ? null : new String(raw, StandardCharsets.UTF_8);
            if (body == null) {
                fail(exchange, device, deviceId, 413, "body exceeds " + MAX_BODY + " bytes", "");
                return;
            }
            ServerEvent event;
            try {
                event = ServerEvent.fromJson(body);
            } catch (MalformedEventException e) {
                fail(exchange, device, deviceId, 400, "malformed event for device '" + deviceId + "': " + e.getMessage(), body);
                return;
            }
            try {
                device.handler().accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event handler for device " + deviceId + " threw", e);
                fail(exchange, device, deviceId, 500, "handler for device '" + deviceId + "' threw " + e, body);
                return;
            }
            exchange.sendResponseHeaders(204, -1);
        } catch (IOException | RuntimeException e) {
            // the client went away or something unforeseen: log it, keep the server alive
            LOG.log(Level.FINE, "device gateway exchange failed", e);
        }
    }

    private static void fail(HttpExchange exchange, Device device, String deviceId, int status, String problem, String body)
            throws IOException {
        try {
            device.onError().accept(new DeliveryError(deviceId, status, problem,
                    body.length() > 4096 ? body.substring(0, 4096) : body));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "error callback for device " + deviceId + " threw", e);
        }
        respond(exchange, status, problem);
    }

    /** Returns null when the body is larger than {@link #MAX_BODY}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] raw = in.readNBytes(MAX_BODY + 1);
        return raw.length > MAX_BODY ? null : raw;
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
