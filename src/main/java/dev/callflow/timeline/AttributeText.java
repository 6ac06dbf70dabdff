package dev.callflow.timeline;

/**
 * How attribute keys and values are written: bare when that reads back unambiguously, otherwise as a
 * double-quoted string with backslash escapes ({@code \"}, {@code \\}, {@code \n}, {@code \t}, {@code \r},
 * {@code \}{@code uXXXX}).
 */
final class AttributeText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AttributeText() {
    }

    /** Appends {@code s} bare, or quoted when it is empty or holds whitespace, {@code "}, {@code =} or unprintables. */
    static void append(StringBuilder b, String s) {
        if (isBare(s)) {
            b.append(s);
        } else {
            appendQuoted(b, s);
        }
    }

    static boolean isBare(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '"' || c == '=' || needsEscape(s, i)) {
                return false;
            }
        }
        return true;
    }

    private static void appendQuoted(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (needsEscape(s, i)) {
                        b.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /**
     * Characters that would not survive a log file or a reader's eye: controls, whitespace other than the
     * plain space, invisible format characters and unpaired surrogates.
     */
    static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        if (c >= ' ' && c < 0x7F) {
            return false;
        }
        if (c < ' ' || c <= 0x9F || (c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c)))) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return Character.getType(c) == Character.FORMAT;
    }
}
