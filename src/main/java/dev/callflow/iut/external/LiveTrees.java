package dev.callflow.iut.external;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's IUT process trees that still live. A JVM shutdown hook, added with the first tree, ends them all when the
 * run is interrupted (SIGINT, SIGTERM) or exits without closing its sessions; {@link #close} ends them and removes
 * the hook. One per run, owned by its {@link ExternalIuts}.
 */
final class LiveTrees implements AutoCloseable {
    private final Set<ProcessTree> live = ConcurrentHashMap.newKeySet();
    private final Thread hook = new Thread(this::killAll, "iut-shutdown");
    private boolean hooked;
    private boolean closed;

    /** Tracks a tree from its start; false when the run is already over (then the caller ends it). */
    boolean add(ProcessTree tree) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(hook);
                hooked = true;
            }
            live.add(tree);
            return true;
        }
    }

    /** The tree was ended by its session. */
    void remove(ProcessTree tree) {
        live.remove(tree);
    }

    int size() {
        return live.size();
    }

    private void killAll() {
        live.forEach(ProcessTree::kill);
        live.clear();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        killAll();
        synchronized (this) {
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs or ran already
                }
            }
        }
    }
}
