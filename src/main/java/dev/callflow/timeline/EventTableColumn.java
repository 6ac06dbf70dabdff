package dev.callflow.timeline;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a scenario's event table, each with its English header and its Chinese one
 * ({@code | 顺序 | 来源 | 事件 | 通话 | 属性 |}); the cells' contents (event names, sources) stay English.
 */
public enum EventTableColumn {
    ORDER("order", "顺序"),
    SOURCE("source", "来源"),
    EVENT("event", "事件"),
    CALL("call", "通话"),
    ATTRIBUTES("attributes", "属性");

    private final String english;
    private final String chinese;

    EventTableColumn(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }

    /** The column a header cell names, in either language. */
    public static Optional<EventTableColumn> ofHeader(String header) {
        String h = header.trim();
        return Arrays.stream(values()).filter(c -> c.english.equals(h) || c.chinese.equals(h)).findFirst();
    }

    /** Every header a table may use, for error messages: {@code [order/顺序, source/来源, …]}. */
    public static List<String> headers() {
        return Arrays.stream(values()).map(c -> c.english + "/" + c.chinese).toList();
    }

    /** Where each column is in {@code header} (-1 when absent), indexed by {@link #ordinal()}. */
    public static int[] positions(List<String> header) {
        int[] at = new int[values().length];
        Arrays.fill(at, -1);
        for (int i = 0; i < header.size(); i++) {
            int col = i;
            ofHeader(header.get(i)).ifPresent(c -> at[c.ordinal()] = col);
        }
        return at;
    }
}
