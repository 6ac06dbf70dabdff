package dev.callflow.iut.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callflow.platform.AppEnvironment;
import dev.callflow.platform.AppTimer;
import dev.callflow.platform.SignallingResponse;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The app's network and clock, which the harness owns (docs/iut-protocol.md sections 7 and 10): an {@code http} call
 * is a real request to the app's server through the app's signalling client, answered by an {@code httpResponse}
 * handler message; a {@code setTimer} runs on the device's virtual clock, in real-world iOS time, and fires as a
 * {@code timer} handler message. Both count as the device's work in flight until their handler is queued.
 */
final class AppRuntime {
    /** Only the app's own endpoints: {@code /v1/…}, no dot segments, nothing the URL would read another way. */
    private static final Pattern V1_PATH = Pattern.compile("/v1/(?:[A-Za-z0-9_~:@!$&'()*+,;=.-]|%[0-9A-Fa-f]{2}|/)*");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(?:^|/)(?:\\.|%2[eE]){1,2}(?:/|$)|%2[eE]");
    /** Longer timers are set to this: a scenario never waits a day, and the device's clock stays in range. */
    private static final long LONGEST_TIMER_MS = Duration.ofDays(1).toMillis();

    private record Pending(Object token, AppTimer timer) { }

    private final AppEnvironment env;
    private final AppCalls.Deliver deliver;
    private final Map<String, Pending> timers = new HashMap<>();
    private boolean stopped;

    AppRuntime(AppEnvironment env, AppCalls.Deliver deliver) {
        this.env = env;
        this.deliver = deliver;
    }

    private static final java.util.regex.Pattern UUID_SEGMENT = java.util.regex.Pattern.compile(
            "(?<=/)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");

    /** A call UUID names the same call in either case (Swift writes upper case); the server is given the canonical form. */
    static String lowerCaseUuids(String path) {
        return UUID_SEGMENT.matcher(path).replaceAll(r -> r.group().toLowerCase(java.util.Locale.ROOT));
    }

    static boolean allowedPath(String path) {
        return V1_PATH.matcher(path).matches() && !DOT_SEGMENT.matcher(path).find();
    }

    /** The request goes out now; its response is delivered later, as its own handler message. */
    void http(ObjectNode m) {
        long re = Codec.integer(m, "id");
        String method = Codec.text(m, "method");
        String path = lowerCaseUuids(Codec.text(m, "path"));
        if (!allowedPath(path)) {
            env.record(EventKind.HTTP_REFUSED, Level.WARNING, null, "method", method, "path", path,
                    "why", "not under /v1/: the app reaches only its own endpoints (status 0, error forbidden)");
            env.runOnMain(() -> respond(re, r -> r.put("status", 0).put("error", "forbidden")));
            return;
        }
        JsonNode body = m.get("body");
        env.signalling().exchange(method, path, body == null ? null : body.toString())
                .whenComplete((response, failure) -> env.runOnMain(() -> respond(re, r -> answer(r, response, failure))));
    }

    private static void answer(ObjectNode r, SignallingResponse response, Throwable failure) {
        if (failure != null) {
            r.put("status", 0).put("error", timedOut(failure) ? "timeout" : "connectionReset");
            return;
        }
        r.put("status", response.status());
        JsonNode body = Codec.jsonOrText(response.body());
        if (body != null) {
            r.set("body", body);
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void respond(long re, Consumer<ObjectNode> fields) {
        if (!isStopped()) {
            deliver.deliver("httpResponse", r -> {
                r.put("re", re);
                fields.accept(r);
            });
        }
    }

    /** A name still pending is replaced: its timer is cancelled, and a firing already queued is dropped. */
    void setTimer(String name, long afterMs) {
        Object token = new Object();
        synchronized (this) {
            if (stopped) {
                return;
            }
            cancelTimer(name);
            AppTimer timer = env.runOnMainAfter(Duration.ofMillis(Math.min(afterMs, LONGEST_TIMER_MS)), () -> fire(name, token));
            timers.put(name, new Pending(token, timer));
        }
    }

    synchronized void cancelTimer(String name) {
        Pending p = timers.remove(name);
        if (p != null) {
            p.timer().cancel();
        }
    }

    private void fire(String name, Object token) {
        synchronized (this) {
            Pending p = timers.get(name);
            if (stopped || p == null || p.token() != token) {
                return; // cancelled or replaced after it was queued
            }
            timers.remove(name);
        }
        deliver.deliver("timer", r -> r.put("timer", name));
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    /** The process died: pending timers never fire and stop counting as the device's work. */
    synchronized void stop() {
        stopped = true;
        timers.values().forEach(p -> p.timer().cancel());
        timers.clear();
    }
}
