package dev.callflow.devicelog;

/**
 * One way a device log writes a line: the harness's (and the seed's) NSLog format, NSLog without a zone or without
 * a process, a Console / {@code log show} export, a plugin's bare line. The {@link DeviceLogReader} asks each shape
 * in turn, per line, so a paste may mix them.
 */
interface LineShape {

    /** A short name for reports: {@code nslog}, {@code console}, ... */
    String name();

    /**
     * Reads {@code line} up to {@code end} (trailing whitespace already cut off) into {@code out}, which the caller
     * has reset. Returns whether the line has this shape; when it returns false, {@code out} may hold partial fields
     * and is reset again before the next shape tries.
     */
    boolean read(String line, int end, RawLine out);
}
