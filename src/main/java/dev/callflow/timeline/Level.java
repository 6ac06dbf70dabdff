package dev.callflow.timeline;

/** Log levels as the seed's device log writes them: {@code [I]}, {@code [V]}, ... */
public enum Level {
    VERBOSE('V'), DEBUG('D'), INFO('I'), WARNING('W'), ERROR('E');

    private final char letter;

    Level(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    public static Level fromLetter(char c) {
        for (Level l : values()) {
            if (l.letter == Character.toUpperCase(c)) {
                return l;
            }
        }
        throw new IllegalArgumentException("Unknown log level '" + c + "'; use one of V, D, I, W, E");
    }
}
