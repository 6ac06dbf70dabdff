package dev.callflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Failure messages pinned as files under src/test/resources/golden/, compared exactly. */
public final class Golden {
    private Golden() { }

    public static void assertMatches(String name, String actual) throws IOException {
        Path written = Path.of("target", "golden-actual", name);
        Files.createDirectories(written.getParent());
        Files.writeString(written, actual, StandardCharsets.UTF_8);
        String expected;
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("No golden file src/test/resources/golden/" + name + "; if " + written
                        + " reads right, copy it there");
            }
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            throw new AssertionError("The message differs from golden/" + name + " (actual written to " + written
                    + "; copy it over the golden file if the change is intended):\n" + diff(expected, actual));
        }
    }

    private static String diff(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String l = i < e.size() ? e.get(i) : null;
            String r = i < a.size() ? a.get(i) : null;
            if (l != null && l.equals(r)) {
                out.add(String.format("  %3d  %s", i + 1, l));
            } else {
                if (l != null) {
                    out.add(String.format("- %3d  %s", i + 1, l));
                }
                if (r != null) {
                    out.add(String.format("+ %3d  %s", i + 1, r));
                }
            }
        }
        if (expected.endsWith("\n") != actual.endsWith("\n")) {
            out.add("(the two differ in their final newline)");
        }
        return "--- golden\n+++ actual\n" + String.join("\n", out);
    }
}
