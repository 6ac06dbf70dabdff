package dev.callflow.devicelog;

import dev.callflow.timeline.Level;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The level (message type) column of Console and {@code log show} exports, in the languages Console ships with that
 * teams paste most: English, German, French, Spanish, Japanese and Chinese. {@code Fault} counts as an error.
 */
final class LevelWords {
    private static final Map<String, Level> WORDS = new HashMap<>();

    static {
        put(Level.INFO, "default", "notice", "info", "activity", "log", "standard", "par défaut", "infos",
                "predeterminado", "información", "デフォルト", "情報", "默认", "默認", "信息", "資訊");
        put(Level.DEBUG, "debug", "fehlersuche", "débogage", "depuración", "デバッグ", "调试", "除錯");
        put(Level.ERROR, "error", "fault", "critical", "alert", "emergency", "fehler", "fehlschlag", "erreur", "erreur grave", "falla", "fallo",
                "エラー", "障害", "错误", "錯誤", "故障");
        put(Level.WARNING, "warning", "warnung", "avertissement", "advertencia", "警告");
    }

    private LevelWords() { }

    private static void put(Level level, String... words) {
        for (String w : words) {
            WORDS.put(w, level);
        }
    }

    /** The level a column names, or {@code null} when it is no level word. */
    static Level of(String column) {
        if (column.isEmpty() || column.length() > 16) {
            return null;
        }
        Level l = WORDS.get(column);
        return l != null ? l : WORDS.get(column.trim().toLowerCase(Locale.ROOT));
    }
}
