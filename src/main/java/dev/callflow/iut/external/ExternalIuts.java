package dev.callflow.iut.external;

import dev.callflow.platform.AppFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns an IUT spec into app factories: a command line ({@code python3 examples/python-iut/app.py}) for the stdio
 * transport, or {@code tcp-listen:HOST:PORT} for the network transport. One instance per run: it owns the listening
 * sockets, bound to loopback only, and the process trees of its running IUTs, which it ends on close and, through a
 * shutdown hook, when the run is interrupted.
 */
public final class ExternalIuts implements AutoCloseable {
    private final Path workingDir;
    private final Duration hangGuard;
    private final Path traffic;
    private final AtomicInteger sessions = new AtomicInteger();
    private final Map<String, ServerSocket> listeners = new ConcurrentHashMap<>();
    private final LiveTrees live = new LiveTrees();

    /**
     * @param hangGuard how long an IUT may take to say hello and to return from each handler (docs/iut-protocol.md
     *                  section 11)
     * @param traffic   where to record every line of every session, both ways ({@code > } the harness's, {@code < } the
     *                  IUT's), one file per session; {@code null} records nothing
     */
    public ExternalIuts(Path workingDir, Duration hangGuard, Path traffic) {
        this.workingDir = workingDir;
        this.hangGuard = hangGuard;
        this.traffic = traffic;
    }

    /**
     * A usage error before the run rather than a failure in it: the program of a command line must exist, and a
     * {@code tcp-listen:} address must be loopback with a port number.
     */
    public static void validate(String spec, Path workingDir) {
        if (spec.startsWith("tcp-listen:")) {
            String[] parts = spec.substring("tcp-listen:".length()).split(":");
            if (parts.length != 2 || !parts[1].matches("\\d{1,5}")) {
                throw new IllegalArgumentException("Use tcp-listen:HOST:PORT, e.g. tcp-listen:127.0.0.1:7007; got " + spec);
            }
            try {
                if (!InetAddress.getByName(parts[0]).isLoopbackAddress()) {
                    throw new IllegalArgumentException("The harness listens on loopback only, so that nothing but this "
                            + "machine reaches it; use tcp-listen:127.0.0.1:" + parts[1] + " instead of " + spec);
                }
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("Unknown host in " + spec + "; use tcp-listen:127.0.0.1:PORT", e);
            }
            return;
        }
        List<String> command = split(spec);
        String program = command.isEmpty() ? "" : command.get(0);
        if (!programExists(program, workingDir)) {
            throw new IllegalArgumentException("The implementation's program '" + program + "' was not found"
                    + (program.contains("/") ? " (relative to " + workingDir + ")" : " on the PATH")
                    + "; give --iut the command that starts your implementation, e.g. \"python3 examples/python-iut/app.py\"");
        }
    }

    private static boolean programExists(String program, Path workingDir) {
        if (program.isEmpty()) {
            return false;
        }
        if (program.contains("/")) {
            Path p = workingDir == null ? Path.of(program) : workingDir.resolve(program);
            return java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.isExecutable(p);
        }
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
                .anyMatch(p -> java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.isExecutable(p));
    }

    public static boolean isExternal(String spec) {
        return spec.startsWith("tcp-listen:") || spec.contains(" ") || spec.contains("/");
    }

    public AppFactory factory(String spec) {
        if (spec.startsWith("tcp-listen:")) {
            ServerSocket server = listeners.computeIfAbsent(spec, this::listen);
            return AppFactory.configurable(settings -> new ExternalApp(recorded(within -> accept(server, within)), hangGuard, settings));
        }
        List<String> command = split(spec);
        return AppFactory.configurable(settings ->
                new ExternalApp(recorded(within -> ProcessChannel.start(command, workingDir, live)), hangGuard, settings));
    }

    private ChannelOpener recorded(ChannelOpener opener) {
        if (traffic == null) {
            return opener;
        }
        return within -> new TrafficLog(opener.open(within),
                traffic.resolve(String.format("session-%05d.txt", sessions.incrementAndGet())));
    }

    /** Where a {@code tcp-listen:} spec listens; with port 0 the system chose the port when the factory was made. */
    public java.net.InetSocketAddress listeningAddress(String spec) {
        ServerSocket s = listeners.get(spec);
        if (s == null) {
            throw new IllegalStateException("No listener for " + spec + ": call factory(spec) first");
        }
        return (java.net.InetSocketAddress) s.getLocalSocketAddress();
    }

    private ServerSocket listen(String spec) {
        String[] parts = spec.substring("tcp-listen:".length()).split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Use tcp-listen:HOST:PORT, e.g. tcp-listen:127.0.0.1:7007; got " + spec);
        }
        try {
            InetAddress host = InetAddress.getByName(parts[0]);
            if (!host.isLoopbackAddress()) {
                throw new IllegalArgumentException("The harness listens on loopback only; got " + parts[0]);
            }
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(host, Integer.parseInt(parts[1])));
            return s;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot listen on " + spec + ": " + e.getMessage(), e);
        }
    }

    private static IutChannel accept(ServerSocket server, Duration within) throws IOException {
        synchronized (server) {
            server.setSoTimeout((int) Math.max(1, within.toMillis()));
            try {
                Socket s = server.accept();
                return new TcpChannel(s);
            } catch (SocketTimeoutException e) {
                throw new ChannelOpener.NoConnection("no implementation under test connected to " + server.getLocalSocketAddress()
                        + " within " + within.toMillis() + " ms", e);
            }
        }
    }

    /** Splits a command line on spaces, honouring single and double quotes. */
    static List<String> split(String commandLine) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : commandLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0 || any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unterminated quote in the IUT command: " + commandLine);
        }
        if (cur.length() > 0 || any) {
            out.add(cur.toString());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("The IUT command is empty");
        }
        return out;
    }

    /** How many IUT processes of this run are running (a process tree each). */
    public int liveProcessTrees() {
        return live.size();
    }

    @Override
    public void close() {
        live.close();
        listeners.values().forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
    }
}
