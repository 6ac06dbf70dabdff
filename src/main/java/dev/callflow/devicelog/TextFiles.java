package dev.callflow.devicelog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPInputStream;

/**
 * Opens a log or grammar file as text, whatever teams hand over: UTF-8 as is, gzip-compressed logs decompressed on the
 * fly, UTF-16 with a byte-order mark decoded. What cannot be read as text (a directory, a device, UTF-16 without a
 * byte-order mark, a binary file) is a {@link NotText} that says what the file is and what to do.
 */
public final class TextFiles {
    private static final int SNIFF = 512;

    private TextFiles() { }

    /** Why a file is not a text file to read, naming what it is. */
    public static final class NotText extends IOException {
        private final String what;

        public NotText(Path file, String what) {
            this(file.toString(), what);
        }

        /** {@code name}: a file's name, or {@link #STDIN}. */
        public NotText(String name, String what) {
            super(name + " " + what);
            this.what = what;
        }

        /** What the file is, after its name: {@code is a directory, not a file; ...}. */
        public String what() {
            return what;
        }
    }

    /** A reader over the file's text; undecodable bytes become U+FFFD, so they cost only their line. */
    public static Reader open(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NotText(file, "does not exist");
        }
        if (a.isDirectory()) {
            throw new NotText(file, "is a directory, not a file; name the files in it");
        }
        if (!a.isRegularFile()) {
            throw new NotText(file, "is not a regular file (a device, socket or pipe); save what it holds to a file");
        }
        return open(Files.newInputStream(file), file);
    }

    /** What check-log calls its standard input ({@code -} on its command line) in messages. */
    public static final String STDIN = "standard input";

    /** A reader over the text of {@code raw} as {@link #open(Path)} reads a file's; {@code file} null for stdin. */
    public static Reader open(InputStream raw, Path file) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
                in.mark(SNIFF);
                head = in.readNBytes(SNIFF);
                in.reset();
                return decoder(file, in, head, " (gzip-compressed)");
            }
            return decoder(file, in, head, "");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static Reader decoder(Path file, InputStream in, byte[] head, String compressed) throws IOException {
        String name = file == null ? STDIN : file.toString();
        Charset charset = StandardCharsets.UTF_8;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            in.skipNBytes(3);
        } else if (startsWith(head, 0xFE, 0xFF)) {
            in.skipNBytes(2);
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            in.skipNBytes(2);
            charset = StandardCharsets.UTF_16LE;
        } else {
            String kind = kind(head, file);
            if (kind != null) {
                throw new NotText(name, "is " + kind + compressed);
            }
        }
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** What the first bytes of a file without a byte-order mark say it is, when that is not UTF-8 text; else null. */
    private static String kind(byte[] head, Path file) {
        int zerosEven = 0;
        int zerosOdd = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            }
        }
        int pairs = head.length / 2;
        if (pairs >= 4 && zerosOdd * 10 >= pairs * 8 && zerosEven == 0) {
            return "UTF-16LE text without a byte-order mark; convert it to UTF-8: iconv -f UTF-16LE -t UTF-8"
                    + (file == null ? " (in the pipe)" : " " + file + " > " + file + ".utf8");
        }
        if (pairs >= 4 && zerosEven * 10 >= pairs * 8 && zerosOdd == 0) {
            return "UTF-16BE text without a byte-order mark; convert it to UTF-8: iconv -f UTF-16BE -t UTF-8"
                    + (file == null ? " (in the pipe)" : " " + file + " > " + file + ".utf8");
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "a zip archive, not a text log; unzip it and name the log in it";
        }
        if (startsWith(head, 'B', 'Z', 'h') || startsWith(head, 0xFD, '7', 'z', 'X', 'Z') || startsWith(head, 0x28, 0xB5, 0x2F, 0xFD)) {
            return "compressed (bzip2, xz or zstd), not a text log; decompress it first";
        }
        if (zerosEven + zerosOdd > 0) {
            return "a binary file (it holds NUL bytes), not a text log";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
