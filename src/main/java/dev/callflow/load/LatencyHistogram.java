package dev.callflow.load;

import java.util.Locale;

/**
 * Latencies in constant memory: log-linear buckets of microseconds (exact below 64 µs, then 32 buckets per power of
 * two, so a percentile is off by at most about 3 %), whatever the number of samples. Thread-safe.
 */
public final class LatencyHistogram {
    private static final int LINEAR = 64;
    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = LINEAR + (63 - 6) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long maxMicros;
    private long sumMicros;

    public synchronized void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        counts[index(micros)]++;
        count++;
        sumMicros += micros;
        maxMicros = Math.max(maxMicros, micros);
    }

    static int index(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        int sub = (int) ((micros >>> (exponent - SUB_BITS)) & (SUB - 1));
        return LINEAR + (exponent - 6) * SUB + sub;
    }

    /** The smallest value a bucket holds, in microseconds. */
    static long lowest(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exponent = (index - LINEAR) / SUB + 6;
        int sub = (index - LINEAR) % SUB;
        return (1L << exponent) + ((long) sub << (exponent - SUB_BITS));
    }

    public synchronized long count() {
        return count;
    }

    /** The value at or below which {@code percentile} per cent of the samples lie, in microseconds (0 when empty). */
    public synchronized long percentileMicros(double percentile) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(maxMicros, i + 1 < BUCKETS ? lowest(i + 1) - 1 : maxMicros);
            }
        }
        return maxMicros;
    }

    public synchronized long maxMicros() {
        return maxMicros;
    }

    public synchronized double meanMicros() {
        return count == 0 ? 0 : (double) sumMicros / count;
    }

    /** {@code p50 1.23 ms  p90 …  p99 …  max …  (n)}. */
    public String describe() {
        return String.format(Locale.ROOT, "p50 %8.2f ms  p90 %8.2f ms  p99 %8.2f ms  max %8.2f ms  (%d)",
                percentileMicros(50) / 1000.0, percentileMicros(90) / 1000.0, percentileMicros(99) / 1000.0,
                maxMicros() / 1000.0, count());
    }
}
