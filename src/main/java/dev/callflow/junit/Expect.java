package dev.callflow.junit;

import dev.callflow.steps.Phone;
import dev.callflow.timeline.ExpectedEvent;
import dev.callflow.timeline.Source;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of an expected flow, written as an event table's row: {@code app("fulfill").call("A").with("action", "answer")}
 * is {@code | app | fulfill | A | action=answer |}. A name or value may list alternatives with {@code |}.
 */
public final class Expect {
    private final Source source;
    private final String name;
    private final String alias;
    private final Map<String, String> attributes;

    private Expect(Source source, String name, String alias, Map<String, String> attributes) {
        this.source = source;
        this.name = name;
        this.alias = alias;
        this.attributes = attributes;
    }

    public static Expect system(String event) { return new Expect(Source.SYSTEM, event, null, Map.of()); }

    public static Expect app(String event) { return new Expect(Source.APP, event, null, Map.of()); }

    public static Expect sdk(String event) { return new Expect(Source.SDK, event, null, Map.of()); }

    public static Expect push(String event) { return new Expect(Source.PUSH, event, null, Map.of()); }

    public static Expect signalling(String event) { return new Expect(Source.SIGNALLING, event, null, Map.of()); }

    public static Expect user(String event) { return new Expect(Source.USER, event, null, Map.of()); }

    /** From any source. */
    public static Expect event(String event) { return new Expect(null, event, null, Map.of()); }

    /** Of the call the test named {@code alias}. */
    public Expect call(String callAlias) {
        return new Expect(source, name, callAlias, attributes);
    }

    /** Carrying this attribute (the value may list alternatives: {@code "failed|remoteEnded"}). */
    public Expect with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(key, value);
        return new Expect(source, name, alias, more);
    }

    String name() { return name; }

    String alias() { return alias; }

    /** The row on {@code phone}: its call alias resolved, its label as a table row reads. */
    ExpectedEvent on(Phone phone) {
        return phone.expected(source, name, alias, attributes);
    }
}
