package dev.callflow.iut.external;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callflow.platform.AppEnvironment;
import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.Level;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One launch of an external app (docs/iut-protocol.md sections 2, 3 and 11): the channel, {@code hello}, then strict
 * alternation on the app's main queue. {@link #handle} sends one handler message and, on the calling (main-queue)
 * thread, carries out the IUT's calls in order until its {@code done}; nothing else is sent meanwhile but the results
 * of its synchronous calls. A line outside a handler, a hang past the hang guard, a flood, a broken line or the
 * process going away ends the session with a verdict that names the handler message and the last good line.
 * <p>
 * Whether a line is inside a handler is decided under {@link #lock}, which also guards the handler state: the reader
 * thread judges a line read between handlers, and lines still queued when {@code done} arrives count as outside.
 */
final class Session {
    static final int FLOOD_LIMIT = 10_000;
    static final String NO_HELLO = "iutNoHello";
    static final String PROTOCOL_ERROR = "iutProtocolError";
    static final String EXITED = "iutExited";
    static final String HUNG = "iutHung";
    static final String FLOOD = "iutFlood";

    /** What the session is doing; lines are accepted only in HELLO and HANDLER; BETWEEN is between handlers. */
    private enum State { OPENING, HELLO, BETWEEN, HANDLER, CLOSED }

    private record Inbound(long number, String text) { }

    private static final Inbound EOF = new Inbound(-1, "(end of stream)");
    private static final Inbound WAKE = new Inbound(-2, "(session closed)");

    /** Carries out one checked call of the IUT on the main queue; returns the {@code result} to send at once, if any. */
    @FunctionalInterface
    interface Calls {
        Optional<ObjectNode> carryOut(ObjectNode call) throws ProtocolException;
    }

    private final ChannelOpener opener;
    private final Duration guard;
    private final AppEnvironment env;
    private final Object lock = new Object();
    private final LinkedBlockingQueue<Inbound> inbox = new LinkedBlockingQueue<>();
    private State state = State.OPENING;
    private long lines;
    private int linesInHandler;
    private long lastId;
    private volatile IutChannel channel;
    private volatile IutChannel.Closed closed;
    private volatile String handler = "(none: the session is starting)";
    /** The iOS API the running (or last) handler message stands for. */
    private volatile String where = "the session's hello";
    private volatile String lastGood = "(none yet)";
    private final StderrBudget stderr = new StderrBudget();

    Session(ChannelOpener opener, Duration guard, AppEnvironment env) {
        this.opener = opener;
        this.guard = guard;
        this.env = env;
    }

    /** The next handler message id; ids count from 1 in each session. */
    synchronized long nextId() {
        return ++lastId;
    }

    /** Whether the session still runs (no verdict, no bye). */
    boolean open() {
        synchronized (lock) {
            return state != State.CLOSED;
        }
    }

    /** Starts the IUT, sends {@code hello} and checks its answer; false once a verdict ended the session. */
    boolean start(ObjectNode hello) {
        try {
            channel = opener.open(guard);
        } catch (IOException e) {
            return verdict(e instanceof ChannelOpener.NoConnection ? NO_HELLO : EXITED,
                    "could not start the implementation under test: " + e.getMessage());
        }
        synchronized (lock) {
            if (state != State.OPENING) {
                channel.close(); // killed while it was starting
                return false;
            }
            state = State.HELLO;
        }
        channel.start(this::onLine, this::onStderr, this::onClosed);
        handler = Codec.brief(hello.toString()) + " (the session's hello)";
        send(hello.toString());
        Inbound in = poll(System.nanoTime() + guard.toNanos());
        if (in == null) {
            return verdict(NO_HELLO, "no hello within " + guard.toMillis() + " ms from " + channel.describe()
                    + ": is the program writing " + Codec.PROTOCOL + " lines on stdout?");
        }
        if (in == WAKE || in == EOF) {
            return in == EOF ? exited() : false;
        }
        try {
            ObjectNode m = Codec.parse(in.text());
            if (!Codec.type(m).equals("hello")) {
                throw new ProtocolException("the first line must be the IUT's hello, e.g. {\"type\":\"hello\",\"protocol\":\""
                        + Codec.PROTOCOL + "\",\"name\":\"acme\",\"version\":\"1.0\"}");
            }
            lastGood = in.text();
            env.record(EventKind.IUT_HELLO, Level.INFO, null, "name", m.path("name").asText("?"), "version", m.path("version").asText("?"),
                    "via", channel.describe());
        } catch (ProtocolException e) {
            return protocolError(in, e.getMessage());
        }
        return returned();
    }

    /**
     * Sends one handler message (it carries its {@code id}) and carries out the IUT's calls on this thread until its
     * {@code done}; {@code where} names the iOS API it stands for. False once a verdict or a kill ended the session.
     */
    boolean handle(ObjectNode message, String where, Calls calls) {
        long id = message.get("id").asLong();
        String text = message.toString();
        synchronized (lock) {
            if (state == State.CLOSED) {
                return false;
            }
            if (state != State.BETWEEN) {
                throw new IllegalStateException("harness fault: " + Codec.type(message) + " while the handler of " + handler
                        + " runs; the device called the app re-entrantly");
            }
            state = State.HANDLER;
            linesInHandler = 0;
            handler = Codec.brief(text) + " (" + where + ")";
            this.where = where;
        }
        send(text);
        long deadline = System.nanoTime() + guard.toNanos();
        while (true) {
            Inbound in = poll(deadline);
            if (in == null) {
                return verdict(HUNG, "no done within the hang guard (" + guard.toMillis() + " ms): the IUT hangs in " + where,
                        "where", where, "waited", guard.toMillis() + "ms");
            }
            if (in == WAKE || in == EOF) {
                return in == EOF ? exited() : false;
            }
            try {
                ObjectNode m = Codec.parse(in.text());
                switch (Codec.type(m)) {
                    case "done" -> {
                        if (Codec.integer(m, "re") != id) {
                            throw new ProtocolException("done for " + Codec.integer(m, "re") + ", but the handler running is "
                                    + Codec.type(message) + " " + id + "; answer each handler message with its own id");
                        }
                        lastGood = in.text();
                        return returned();
                    }
                    case "hello" -> throw new ProtocolException("a second hello; say hello once, first");
                    default -> {
                        Optional<ObjectNode> result = calls.carryOut(m);
                        lastGood = in.text();
                        result.ifPresent(r -> send(r.toString()));
                    }
                }
            } catch (ProtocolException e) {
                return protocolError(in, e.getMessage());
            }
        }
    }

    /** The handler returned: from now on every line is outside a handler, including any already queued. */
    private boolean returned() {
        Inbound queued;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return false;
            }
            state = State.BETWEEN;
            queued = inbox.poll();
        }
        if (queued == null || queued == WAKE) {
            return queued == null;
        }
        return queued == EOF ? exited() : outside(queued);
    }

    /** The system kills the app: {@code bye} unless a verdict already ended it, then the process or socket goes. */
    void close() {
        boolean bye;
        synchronized (lock) {
            bye = state != State.CLOSED && state != State.OPENING;
            state = State.CLOSED;
        }
        inbox.add(WAKE);
        IutChannel c = channel;
        if (c != null) {
            if (bye) {
                c.send(Codec.message("bye").toString());
            }
            c.close();
        }
    }

    // ---- the reader threads ----------------------------------------------------------------------------------

    private void onLine(String text) {
        Inbound in;
        boolean outside;
        synchronized (lock) {
            in = new Inbound(++lines, text);
            outside = state == State.BETWEEN;
            boolean inside = state == State.HELLO || state == State.HANDLER;
            if (inside && ++linesInHandler <= FLOOD_LIMIT) {
                inbox.add(in);
                return;
            } else if (!inside && !outside) {
                return; // starting, or ended: nobody listens any more
            }
        }
        if (outside) {
            outside(in);
        } else {
            verdict(FLOOD, "more than " + FLOOD_LIMIT + " lines within one handler (line " + in.number() + ": "
                    + Codec.brief(text) + ")", "limit", Integer.toString(FLOOD_LIMIT));
        }
    }

    private void onStderr(String line) {
        if (!open()) {
            return;
        }
        switch (stderr.take(line)) {
            case RECORD -> env.record(EventKind.IUT_STDERR, Level.WARNING, null, "text", line);
            case CUT_HERE -> env.record(EventKind.IUT_STDERR, Level.WARNING, null, "text", stderr.cutNotice(),
                    "truncated", "true");
            case COUNT -> { }
        }
    }

    private void onClosed(IutChannel.Closed c) {
        closed = c;
        synchronized (lock) {
            if (state == State.HELLO || state == State.HANDLER) {
                inbox.add(EOF); // judged in order, after the lines before it
                return;
            } else if (state != State.BETWEEN) {
                return;
            }
        }
        exited();
    }

    // ---- verdicts --------------------------------------------------------------------------------------------

    private boolean outside(Inbound in) {
        String problem = "written outside a handler (after its done, before the next message); write calls only while "
                + "handling a message";
        return verdict(PROTOCOL_ERROR, "line " + in.number() + " was " + problem + ": " + Codec.brief(in.text()),
                "line", Long.toString(in.number()), "problem", problem, "text", Codec.brief(in.text()));
    }

    private boolean protocolError(Inbound in, String problem) {
        return verdict(PROTOCOL_ERROR, "line " + in.number() + " from the implementation under test: " + problem + ": "
                + Codec.brief(in.text()), "line", Long.toString(in.number()), "problem", problem, "text", Codec.brief(in.text()));
    }

    private boolean exited() {
        IutChannel.Closed c = closed;
        String cut = stderr.cutSoFar();
        String tail = c == null || c.stderrTail().isEmpty() ? "" : "; stderr ends: " + String.join(" | ", c.stderrTail())
                + (cut.isEmpty() ? "" : " (" + cut + " of stderr were not recorded)");
        return verdict(EXITED, "the implementation under test went away (" + (c == null ? "?" : c.why())
                + (c != null && c.exitCode() != null ? ", exit code " + c.exitCode() : "") + ")" + tail);
    }

    /**
     * Ends the session with a verdict: the app process dies of it, and the timeline says why. {@code attributes}: the
     * verdict event's own (docs/events.md), after its {@code detail}. Always false.
     */
    private boolean verdict(String verdict, String what, String... attributes) {
        String running;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return false;
            }
            running = state == State.BETWEEN ? "; last handler message (it returned): " : "; handler message: ";
            state = State.CLOSED;
        }
        inbox.add(WAKE);
        IutChannel c = channel;
        if (c != null) {
            c.close();
        }
        String[] keyValues = new String[attributes.length + 2];
        keyValues[0] = "detail";
        keyValues[1] = what;
        System.arraycopy(attributes, 0, keyValues, 2, attributes.length);
        EventKind.named(verdict).ifPresent(kind -> env.record(kind, Level.ERROR, null, keyValues));
        env.crash(verdict, verdict + ": " + what + running + handler + "; last good line: " + Codec.brief(lastGood));
        return false;
    }

    private void send(String line) {
        channel.send(line); // set before any send; a channel that went away is reported by its reader as end of stream
    }

    private Inbound poll(long deadlineNanos) {
        try {
            return inbox.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the device is shutting its main queue down
            return WAKE;
        }
    }
}
