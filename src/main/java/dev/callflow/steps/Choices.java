package dev.callflow.steps;

import java.util.Locale;
import java.util.Map;

/** The options of the system's call UIs as a scenario names them, in English or Chinese, in one English spelling. */
final class Choices {
    private static final Map<String, String> ZH = Map.of(
            "保持并接听", "hold & accept",
            "结束并接听", "end & accept",
            "拒接", "decline",
            "拒绝", "decline",
            "接听", "answer");

    private Choices() { }

    /** {@code "Hold & Accept"}, {@code "hold and accept"} or {@code "保持并接听"} → {@code "hold & accept"}. */
    static String english(String choice) {
        String t = choice.trim();
        String zh = ZH.get(t);
        return zh != null ? zh : t.toLowerCase(Locale.ROOT).replace(" and ", " & ");
    }
}
