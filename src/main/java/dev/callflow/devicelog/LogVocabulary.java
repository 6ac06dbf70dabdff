package dev.callflow.devicelog;

import dev.callflow.rules.Vocabulary;
import dev.callflow.timeline.Event;

/**
 * What a device log can show: every kind of event it shows at least once (fulfils and fails per action type), and
 * every event its grammar maps a word or regex to. A rule finding that some event never came is judged only if the
 * log's vocabulary has that event ({@link dev.callflow.rules.Finding#unlessLogged}).
 */
public final class LogVocabulary {
    private LogVocabulary() { }

    public static Vocabulary of(DeviceLog log, Grammar grammar) {
        Vocabulary.Builder b = Vocabulary.builder();
        for (Event e : log.events()) {
            if (!e.is(Recogniser.LOG)) {
                b.add(e);
            }
        }
        grammar.words().values().forEach(m -> b.add(m.event(), m.attributes().get("action")));
        grammar.regexes().forEach(m -> b.add(m.event(), m.attributes().get("action")));
        return b.build();
    }
}
