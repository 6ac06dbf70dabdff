package dev.callflow.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The harness's own footprint: live heap (after a full collection, so that growth means retained objects, not garbage
 * yet to be collected), resident memory, threads and open file descriptors, from {@code /proc/self} where the system
 * has it (Linux), else from the JVM's beans ({@code -1}: unknown).
 */
public final class ProcessWatch {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path FDS = Path.of("/proc/self/fd");

    /** One reading; {@code -1} for what this system does not tell. */
    public record Sample(long afterCalls, long heapBytes, long rssBytes, int threads, int fds) {
        public String describe() {
            return String.format(Locale.ROOT, "%8d calls  heap %7.1f MB  rss %7.1f MB  threads %4d  fds %5s",
                    afterCalls, heapBytes / 1e6, rssBytes < 0 ? Double.NaN : rssBytes / 1e6, threads,
                    fds < 0 ? "n/a" : String.valueOf(fds));
        }
    }

    private ProcessWatch() { }

    /** Collects garbage first, then reads; costs a full GC (tens of milliseconds), so sample at checkpoints only. */
    @SuppressWarnings("java:S1215") // a full collection is the point: live heap, not garbage
    public static Sample sample(long afterCalls) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rss = -1;
        int threads = -1;
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException | SecurityException notLinux) {
            // fall back below
        }
        if (threads < 0) {
            threads = ManagementFactory.getThreadMXBean().getThreadCount();
        }
        int fds = -1;
        try (Stream<Path> open = Files.list(FDS)) {
            fds = (int) open.count() - 1; // the listing's own descriptor
        } catch (IOException | SecurityException notLinux) {
            // unknown
        }
        return new Sample(afterCalls, heap, rss, threads, fds);
    }
}
