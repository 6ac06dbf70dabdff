package dev.callflow.timeline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failure message leads with: the external implementation's verdict (it hung, exited, broke the protocol), or
 * else the first failure on the timeline that concerns what was awaited (a failed SDK call, a {@code fail} of an
 * action, a rejected push, a completion with an error, an error the system reported). The cause comes first; what
 * was awaited and the timeline follow.
 */
public final class FailureCauses {
    private static final Pattern EXIT_CODE = Pattern.compile("exit code (-?\\d+)");
    private static final Pattern STDERR = Pattern.compile("; stderr ends: (.*?)(; (last )?handler message|$)");

    private FailureCauses() { }

    /**
     * The sentence a failure starts with when an external implementation's session ended with a verdict, e.g. "The
     * implementation exited (code 1) at +12.300 ms, so the wait for the app to log in failed."; {@code awaited} is
     * what the scenario waited for, as in "Waited for …".
     */
    public static Optional<String> iutVerdict(List<Event> events, String awaited) {
        for (Event e : events) {
            Optional<String> what = verdict(e);
            if (what.isPresent()) {
                String stderr = e.is(EventKind.APP_TERMINATED) ? stderrTail(e.attribute("detail").orElse("")) : "";
                return Optional.of(what.get() + String.format(Locale.ROOT, " at +%.3f ms", e.millis())
                        + (awaited == null ? "" : ", so the wait for " + awaited + " failed")
                        + (stderr.isEmpty() ? "" : "; its stderr ends: " + stderr) + ".");
            }
        }
        return Optional.empty();
    }

    private static String stderrTail(String detail) {
        Matcher stderr = STDERR.matcher(detail);
        return stderr.find() ? EventLines.cap(stderr.group(1), EventLines.MAX_VALUE) : "";
    }

    /** The verdict an event carries, in words, or empty when it is none. */
    private static Optional<String> verdict(Event e) {
        if (e.is(EventKind.IUT_HUNG)) {
            return Optional.of("The implementation hung in its handler for " + e.attribute("where").orElse("a message")
                    + " for " + e.attribute("waited").map(w -> w.replace("ms", " ms")).orElse("the hang guard") + " (--hang-guard)");
        }
        if (e.is(EventKind.IUT_PROTOCOL_ERROR)) {
            return Optional.of("The implementation broke callflow-iut/2 (line " + e.attribute("line").orElse("?") + ": "
                    + EventLines.cap(e.attribute("problem").orElse("?"), EventLines.MAX_VALUE) + ")");
        }
        if (e.is(EventKind.IUT_FLOOD)) {
            return Optional.of("The implementation flooded the harness (more than " + e.attribute("limit").orElse("?")
                    + " lines within one handler)");
        }
        if (!e.is(EventKind.APP_TERMINATED)) {
            return Optional.empty();
        }
        String exception = e.attribute("exception").orElse("");
        String detail = e.attribute("detail").orElse("");
        return switch (exception) {
            case "iutExited" -> {
                Matcher code = EXIT_CODE.matcher(detail);
                yield Optional.of("The implementation exited (" + (code.find() ? "code " + code.group(1) : "its channel closed") + ")");
            }
            case "iutNoHello" -> Optional.of("The implementation never said hello");
            case "iutNotStarted" -> Optional.of("The implementation could not be started");
            default -> Optional.empty(); // iutHung and the rest have events of their own, which come first
        };
    }

    /**
     * The first failure on the timeline that concerns {@code call} (its own events, and those of no call such as the
     * app's termination), or of any call when {@code call} is null.
     */
    public static Optional<Event> firstFailure(List<Event> events, UUID call) {
        return events.stream().filter(FailureCauses::isFailure)
                .filter(e -> call == null || e.call() == null || call.equals(e.call())).findFirst();
    }

    /**
     * A failure: a call that reports {@code result=failed}, an action the app failed, a push APNs rejected, a completion
     * or call with an {@code error}, or an error the system logged. A verdict is one too.
     */
    public static boolean isFailure(Event e) {
        if (orderedByTheScenario(e)) {
            return false;
        }
        return e.level() == Level.ERROR || e.is(EventKind.FAIL) || e.is(EventKind.PUSH_REJECTED)
                || "failed".equals(e.attribute("result").orElse(null)) || e.attribute("error").isPresent();
    }

    /** The app's process killed by the scenario's own step (the app has been killed, the user force-quits it): no cause. */
    static boolean orderedByTheScenario(Event e) {
        return e.is(EventKind.APP_TERMINATED)
                && e.attribute("reason").filter(r -> r.equals("killed") || r.equals("userForceQuit")).isPresent();
    }

    /** "First failure: #20 +339.373 ms sdk startAudio call A result=failed …" for the head of a message. */
    public static String lead(Event failure, Function<UUID, String> callNames) {
        return "First failure: " + EventLines.brief(failure, callNames);
    }
}
