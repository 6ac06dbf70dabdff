package dev.callflow.devicelog;

import dev.callflow.timeline.EventKind;
import dev.callflow.timeline.EventVocabulary;
import dev.callflow.timeline.Level;
import dev.callflow.timeline.LogFormat;
import dev.callflow.timeline.Source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a device-log record's text to the canonical timeline events the simulator records and the rules judge
 * ({@code performAnswerCallAction}, {@code didActivateAudioSession}, {@code startAudio}, {@code pushNotReported},
 * ...), so rules written for simulated timelines judge real logs.
 * <p>
 * It knows, without any grammar: CallKit / PushKit / AVAudioSession API and delegate names in their ObjC selector
 * and Swift spellings ({@code provider:performAnswerCallAction:}, {@code provider(_:perform:)} with the
 * {@code CXAnswerCallAction} type, {@code setActive:YES error:}, {@code setActive(true)}, ...), and the failure
 * signatures of CALLKIT-RULES.md section 2: PushKit's "never posted an incoming call" kill and
 * {@code _terminateAppIfThereAreUnhandledVoIPPushes}, {@code 0xbaadca11}, the push ban, {@code 561017449} /
 * {@code '!pri'} / "Insufficient priority", {@code 561145187} / {@code AUIOClient_StartIO}, the request-transaction
 * and incoming-call error domains and codes, and {@code timedOutPerformingAction}; CallKit's client lines in the app's
 * process ("Received request to commit transaction", "Provider ... was notified that action ... completed"); and the
 * daemons' view of the session: mediaserverd's activate naming another process's {@code controlling_PID}, or
 * callservicesd lowering the other interruption providers' priority, is the system's didActivateAudioSession (once
 * per activation). The wrappers' built-in grammars ({@link Grammar#builtIn()}) and a {@link Grammar} add the
 * wrappers' and the app's own words. A record in the harness's own form ({@code name key=value ...}) keeps its name
 * and attributes.
 * <p>
 * When several things match one record, the most telling wins: kill signatures, then action timeouts, transaction
 * and incoming-call errors, media start failures, session activation, the grammar's words, fulfil/fail, end and
 * outgoing reports, then delegate callbacks and API names (the daemons' grants come after session activation, and a
 * grammar's word-gated regexes before its plain words). Nothing matched: a {@code log} event keeps the text.
 * <p>
 * Immutable tables; {@link #newScan()} gives each reader its own scratch state.
 */
public final class Recogniser {

    /** The name of the event that keeps an unrecognised record's text ({@link EventKind#LOG}). */
    public static final String LOG = EventKind.LOG.wireName();

    /** The perform callback of each CXAction, by the action's type in the app's vocabulary ({@code setHeld}). */
    private static final Map<String, EventKind> PERFORM_BY_ACTION = new java.util.HashMap<>();

    static {
        for (EventKind perform : EventKind.performs()) {
            PERFORM_BY_ACTION.put(actionWireName(perform), perform);
        }
    }

    static final String[] TX_ERRORS = {"unknown", "unentitled", "unknownCallProvider", "emptyTransaction",
            "unknownCallUUID", "callUUIDAlreadyExists", "invalidAction", "maximumCallGroupsReached", "callIsProtected"};
    static final String[] INC_ERRORS = {"unknown", "unentitled", "callUUIDAlreadyExists", "filteredByDoNotDisturb",
            "filteredByBlockList", "filteredDuringRestrictedSharingMode", "callIsProtected",
            "filteredBySensitiveParticipants"};
    private static final String KILL_EXCEPTION = "NSInternalInconsistencyException";
    private static final String KILL_WHERE = "-[PKPushRegistry _terminateAppIfThereAreUnhandledVoIPPushes]";
    private static final Pattern EXCEPTION = Pattern.compile("uncaught exception '?([A-Za-z_][A-Za-z0-9_]*)'?");

    enum Kind {
        EVENT, ACTION, PERFORM, FULFILL, FAIL, REASON, REPORT_CALL, ENDED_AT, OUTGOING, CONNECTED_AT, STARTED_AT,
        SET_ACTIVE, SET_CATEGORY, TIMED_OUT, KILL, PRI, REC, AUDIO_UNIT, TX_DOMAIN, INC_DOMAIN, ERROR_NAME,
        ACTIVATING, REQUESTED, PUSH_TYPE, GRAMMAR, GATE, CONTROLLING, DECREASING, COMMIT, NOTIFIED,
        TEARDOWN,
        ACTION_WORD
    }

    /**
     * A word's meaning: for ERROR_NAME, {@code code} is the transaction code and {@code code2} the incoming one; for
     * EVENT, {@code event} is the kind and {@code value} its name.
     */
    record Keyword(Kind kind, String value, int code, int code2, Grammar.Mapping mapping, EventKind event,
                   List<Grammar.Mapping> gated) {
        Keyword(Kind kind, String value, int code, int code2, Grammar.Mapping mapping, EventKind event) {
            this(kind, value, code, code2, mapping, event, List.of());
        }

        static Keyword of(Kind kind, String value) {
            return new Keyword(kind, value, -1, -1, null, null);
        }

        static Keyword of(EventKind event) {
            return new Keyword(Kind.EVENT, event.wireName(), -1, -1, null, event);
        }
    }

    /** Receives each event a record stands for; the attribute map is reused, copy it. */
    interface Sink {
        void event(String name, Source source, Level level, UUID call, Map<String, String> attributes);
    }

    private final KeywordTable<Keyword> table = new KeywordTable<>();
    private final Grammar grammar;
    private final EventVocabulary vocabulary;
    private final LogFormat format;
    /** The grammars' regexes searched in every record, in order: ungated ones, and gated ones whose word is taken. */
    private final List<Grammar.Mapping> regexes = new ArrayList<>();

    /** The standard vocabulary, the wrappers' built-in grammars ({@link Grammar#builtIn()}), then {@code grammar}. */
    public Recogniser(Grammar grammar) {
        this.grammar = grammar;
        standardWords();
        Grammar all = Grammar.builtIn().and(grammar);
        EventVocabulary v = EventVocabulary.standard();
        for (Map.Entry<String, Grammar.Mapping> w : all.words().entrySet()) {
            table.put(w.getKey(), new Keyword(Kind.GRAMMAR, w.getValue().event(), -1, -1, w.getValue(), null));
            if (w.getValue().source() != null) {
                v = v.with(w.getValue().source(), w.getValue().event());
            }
        }
        regexes.addAll(all.regexes());
        for (Map.Entry<String, List<Grammar.Mapping>> g : all.gated().entrySet()) {
            if (table.get(g.getKey()) == null) {
                table.put(g.getKey(), new Keyword(Kind.GATE, g.getKey(), -1, -1, null, null, g.getValue()));
            } else {
                regexes.addAll(g.getValue()); // the word means something else too: search the regex everywhere
            }
        }
        for (Grammar.Mapping m : all.regexes()) {
            if (m.source() != null) {
                v = v.with(m.source(), m.event());
            }
        }
        for (List<Grammar.Mapping> list : all.gated().values()) {
            for (Grammar.Mapping m : list) {
                if (m.source() != null) {
                    v = v.with(m.source(), m.event());
                }
            }
        }
        this.vocabulary = v;
        this.format = LogFormat.with(v);
    }

    /** The standard vocabulary plus no app words. */
    public static Recogniser standard() {
        return new Recogniser(Grammar.empty());
    }

    public Grammar grammar() {
        return grammar;
    }

    /** The grammar regexes searched in every record (a cost per record): ungated ones, and gated ones whose word is taken. */
    List<Grammar.Mapping> regexesOnEveryRecord() {
        return List.copyOf(regexes);
    }

    public EventVocabulary vocabulary() {
        return vocabulary;
    }

    private void standardWords() {
        for (EventKind perform : EventKind.performs()) {
            event(perform);
            table.put("CX" + actionCore(perform) + "CallAction", Keyword.of(Kind.ACTION, actionWireName(perform)));
        }
        event(EventKind.DID_ACTIVATE_AUDIO_SESSION, "didActivate");
        event(EventKind.DID_DEACTIVATE_AUDIO_SESSION, "didDeactivate");
        event(EventKind.PROVIDER_DID_RESET);
        event(EventKind.PROVIDER_DID_BEGIN);
        event(EventKind.EXECUTE_TRANSACTION);
        event(EventKind.REPORT_NEW_INCOMING_CALL, "reportNewIncomingCallWithUUID");
        event(EventKind.REPORT_NEW_INCOMING_CALL_COMPLETION);
        event(EventKind.REPORT_NEW_INCOMING_VOIP_PUSH_PAYLOAD);
        event(EventKind.DID_RECEIVE_INCOMING_PUSH, "didReceiveIncomingPushWith",
                EventKind.DID_RECEIVE_INCOMING_PUSH_WITH_PAYLOAD.wireName(), "didReceiveIncomingVoIPPushWith");
        event(EventKind.DID_UPDATE_PUSH_CREDENTIALS);
        event(EventKind.DID_INVALIDATE_PUSH_TOKEN, "didInvalidatePushTokenFor", "didInvalidatePushTokenForType");
        event(EventKind.REQUEST_TRANSACTION, "requestTransactionWithAction", "requestTransactionWithActions");
        event(EventKind.REQUEST_TRANSACTION_COMPLETION);
        event(EventKind.CALL_CHANGED);
        event(EventKind.CONTINUE_USER_ACTIVITY);
        event(EventKind.REPORT_CALL_ENDED);
        event(EventKind.REPORT_OUTGOING_CALL_CONNECTED);
        event(EventKind.REPORT_OUTGOING_CALL_STARTED_CONNECTING);
        event(EventKind.AUDIO_SESSION_SET_ACTIVE);
        event(EventKind.AUDIO_SESSION_SET_CATEGORY);
        event(EventKind.INCOMING_CALL_UI_SHOWN);
        event(EventKind.CALL_ENDED);
        event(EventKind.APP_TERMINATED);
        event(EventKind.PUSH_NOT_REPORTED);
        event(EventKind.PUSH_NOT_DELIVERED);
        words(Kind.PERFORM, "perform");
        words(Kind.FULFILL, EventKind.FULFILL.wireName(), "fulfilled", "fulfillWithDateConnected",
                "fulfillWithDateStarted", "fulfillWithDateEnded");
        words(Kind.FAIL, EventKind.FAIL.wireName());
        words(Kind.REPORT_CALL, "reportCall", "reportCallWithUUID");
        words(Kind.ENDED_AT, "endedAt", "endedAtDate");
        words(Kind.OUTGOING, EventKind.REPORT_OUTGOING_CALL.wireName(), "reportOutgoingCallWithUUID");
        words(Kind.CONNECTED_AT, "connectedAt", "connectedAtDate");
        words(Kind.STARTED_AT, "startedConnectingAt", "startedConnectingAtDate");
        words(Kind.SET_ACTIVE, "setActive");
        words(Kind.SET_CATEGORY, "setCategory");
        words(Kind.TIMED_OUT, EventKind.TIMED_OUT_PERFORMING_ACTION.wireName(), "timedOutPerforming");
        words(Kind.KILL, "Killing", "_terminateAppIfThereAreUnhandledVoIPPushes", "0xbaadca11", "Terminating",
                "launched", "must");
        words(Kind.PRI, "561017449", "pri", "Insufficient", "12983");
        words(Kind.REC, "561145187", "rec", "AUIOClient_StartIO");
        words(Kind.AUDIO_UNIT, "AURemoteIO", "AudioUnitInitialize");
        words(Kind.TX_DOMAIN, "requesttransaction", "CXErrorDomainRequestTransaction");
        words(Kind.INC_DOMAIN, "incomingcall", "CXErrorDomainIncomingCall");
        words(Kind.ACTIVATING, "Activating");
        words(Kind.REQUESTED, "Requested", "requesting");
        words(Kind.PUSH_TYPE, "voIP", "VoIP", "voip", "PKPushTypeVoIP");
        words(Kind.CONTROLLING, "controlling_PID");
        words(Kind.DECREASING, "Decreasing");
        words(Kind.COMMIT, "commit");
        words(Kind.NOTIFIED, "notified");
        for (int code = 0; code < TX_ERRORS.length; code++) {
            errorName(TX_ERRORS[code], code, indexOf(INC_ERRORS, TX_ERRORS[code]));
            errorName("CXErrorCodeRequestTransactionError" + capital(TX_ERRORS[code]), code, -1);
        }
        for (int code = 0; code < INC_ERRORS.length; code++) {
            if (indexOf(TX_ERRORS, INC_ERRORS[code]) < 0) {
                errorName(INC_ERRORS[code], -1, code);
            }
            errorName("CXErrorCodeIncomingCallError" + capital(INC_ERRORS[code]), -1, code);
        }
        for (int i = 0; i < SdkTeardowns.ALL.size(); i++) {
            table.put(SdkTeardowns.ALL.get(i).word(), new Keyword(Kind.TEARDOWN, SdkTeardowns.ALL.get(i).word(), i, -1, null, null));
        }
        words(Kind.FULFILL, "fulfil", "fulfilled", "Fulfilled", "Fulfill", "Fulfil", "fulfilling", "Fulfilling");
        for (String[] w : new String[][]{{"start", "start"}, {"Start", "start"}, {"outgoing", "start"},
                {"answer", "answer"}, {"Answer", "answer"}, {"accept", "answer"}, {"Accept", "answer"},
                {"end", "end"}, {"End", "end"}, {"hold", "setHeld"}, {"Hold", "setHeld"}, {"mute", "setMuted"},
                {"Mute", "setMuted"}}) {
            if (table.get(w[0]) == null) {
                table.put(w[0], Keyword.of(Kind.ACTION_WORD, w[1]));
            }
        }
        errorName("UnknownCallUUID", 4, -1);
        errorName("ERROR_UNKNOWN_CALLUUID", 4, -1);
        for (String[] r : new String[][]{{"Failed", "failed"}, {"RemoteEnded", "remoteEnded"},
                {"Unanswered", "unanswered"}, {"AnsweredElsewhere", "answeredElsewhere"},
                {"DeclinedElsewhere", "declinedElsewhere"}}) {
            table.put("CXCallEndedReason" + r[0], Keyword.of(Kind.REASON, r[1]));
            if (!r[1].equals("failed")) {
                table.put(r[1], Keyword.of(Kind.REASON, r[1]));
            }
        }
    }

    /** The kind's own name, and these other spellings of it, stand for the kind. */
    private void event(EventKind event, String... spellings) {
        table.put(event.wireName(), Keyword.of(event));
        for (String w : spellings) {
            table.put(w, Keyword.of(event));
        }
    }

    /** The action's type as fulfil and fail write it: performSetHeldCallAction is {@code setHeld}, PlayDTMF {@code playDTMF}. */
    private static String actionWireName(EventKind perform) {
        String core = actionCore(perform);
        return core.equals("PlayDTMF") ? "playDTMF" : Character.toLowerCase(core.charAt(0)) + core.substring(1);
    }

    /** {@code SetHeld} of performSetHeldCallAction, as CXSetHeldCallAction names it too. */
    private static String actionCore(EventKind perform) {
        String name = perform.wireName();
        return name.substring("perform".length(), name.length() - "CallAction".length());
    }

    /** The perform callback of an action type read from a CX*CallAction word. */
    private static EventKind perform(String action) {
        return PERFORM_BY_ACTION.get(action);
    }

    private void words(Kind kind, String... words) {
        for (String w : words) {
            table.put(w, Keyword.of(kind, w));
        }
    }

    private void errorName(String word, int txCode, int incCode) {
        if (table.get(word) == null || table.get(word).kind() != Kind.ERROR_NAME) {
            table.put(word, new Keyword(Kind.ERROR_NAME, word, txCode, incCode, null, null));
        }
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Scratch state for one reader; not thread-safe. */
    Scan newScan() {
        return new Scan();
    }

    /** What one pass over a record's words found. */
    final class Scan {
        final Map<String, String> attrs = new LinkedHashMap<>();
        private Keyword event;
        private Keyword grammarWord;
        private Keyword errorName;
        private String regexEvent;
        private String action;
        private String reason;
        private UUID call;
        private boolean callNamed;
        private boolean perform;
        private boolean fulfill;
        private boolean fail;
        private boolean reportCall;
        private boolean endedAt;
        private boolean outgoing;
        private boolean connectedAt;
        private boolean startedAt;
        private boolean setActive;
        private boolean setCategory;
        private boolean timedOut;
        private boolean kill;
        private boolean pri;
        private boolean rec;
        private boolean audioUnit;
        private boolean txDomain;
        private boolean incDomain;
        private boolean activating;
        private boolean requested;
        private boolean pushType;
        private Keyword teardown;
        private String actionWord;
        private boolean controlling;
        private boolean decreasing;
        private boolean commit;
        private boolean notified;
        private List<Grammar.Mapping> gated;
        /** The last event this scan gave was the daemons' view of an activation: callservicesd's echo adds none. */
        private boolean daemonActivation;

        private void reset() {
            attrs.clear();
            event = null;
            grammarWord = null;
            errorName = null;
            regexEvent = null;
            action = null;
            reason = null;
            call = null;
            callNamed = false;
            perform = fulfill = fail = reportCall = endedAt = outgoing = connectedAt = startedAt = false;
            setActive = setCategory = timedOut = kill = pri = rec = audioUnit = txDomain = incDomain = false;
            activating = requested = pushType = false;
            teardown = null;
            actionWord = null;
            controlling = decreasing = commit = notified = false;
            gated = null;
        }

        /**
         * Recognises {@code text} (a record: its message, and its continuation lines after {@code \n}).
         *
         * @param level  the level the line carried, or {@code null}
         * @param tag    the harness format's tag ({@code MediaSDK} in {@code [I][MediaSDK]}) or {@code null}
         * @param system whether the line came from a system process (callservicesd, mediaserverd, ...)
         */
        void recognise(String text, Level level, String tag, boolean system, Sink sink) {
            reset();
            if (harnessForm(text, level, tag, sink)) {
                return;
            }
            reset();
            scanWords(text);
            Level l = level == null ? Level.INFO : level;
            if (kill && killSignature(text, sink)) {
                return;
            }
            if (timedOut) {
                put("action", action);
                emit(sink, EventKind.TIMED_OUT_PERFORMING_ACTION, worse(l, Level.WARNING));
            } else if (txDomain || errorName != null && errorName.code() >= 0 && !incDomain) {
                transactionError(text, true, l, sink);
            } else if (incDomain || errorName != null && errorName.code2() >= 0) {
                transactionError(text, false, l, sink);
            } else if (rec || audioUnit && pri) {
                attrs.put("result", "failed");
                attrs.put("error", rec ? "561145187" : "561017449");
                emit(sink, EventKind.START_AUDIO, Level.ERROR);
            } else if (setActive || pri || activating && containsIgnoreCase(text, "activating audio session")) {
                attrs.put("active", setActive ? activeValue(text) : "true");
                if (pri) {
                    attrs.put("error", "561017449");
                    attrs.put("reason", "'!pri' Insufficient priority");
                }
                emit(sink, EventKind.AUDIO_SESSION_SET_ACTIVE, pri ? Level.ERROR : l);
            } else if (controlling && daemonGrant(text, l, sink)) {
                return;
            } else if (decreasing && containsIgnoreCase(text, "Decreasing priority of other AVAudioSession")) {
                if (daemonActivation) {
                    attrs.put("text", text);
                    sink.event(LOG, Source.SYSTEM, l, call, attrs);
                    attrs.clear();
                } else {
                    attrs.put("via", "callservicesd");
                    emit(sink, EventKind.DID_ACTIVATE_AUDIO_SESSION, l);
                }
                daemonActivation = true;
            } else if (gated != null && gatedRegex(text)) {
                emit(sink, regexEvent, l);
            } else if (grammarWord != null || grammarRegex(text)) {
                if (grammarWord != null) {
                    attrs.putAll(grammarWord.mapping().attributes());
                }
                emit(sink, grammarWord != null ? grammarWord.value() : regexEvent, l);
            } else if (fulfill || fail && action != null) {
                put("action", action != null ? action : fulfill ? actionWord : null);
                emit(sink, fulfill ? EventKind.FULFILL : EventKind.FAIL, l);
            } else if (notified && action != null && containsIgnoreCase(text, "was notified that action")) {
                // CallKit's client side: "Provider <CXProvider ...> was notified that action <CX...Action ...> completed"
                put("action", action);
                emit(sink, fail || containsIgnoreCase(text, "failed") ? EventKind.FAIL : EventKind.FULFILL, l);
            } else if (commit && containsIgnoreCase(text, "request to commit transaction")) {
                put("actions", action);
                emit(sink, EventKind.REQUEST_TRANSACTION, l);
            } else if (reportCall && endedAt) {
                put("reason", reason);
                emit(sink, EventKind.REPORT_CALL_ENDED, l);
            } else if (outgoing && (connectedAt || startedAt)) {
                emit(sink, connectedAt ? EventKind.REPORT_OUTGOING_CALL_CONNECTED
                        : EventKind.REPORT_OUTGOING_CALL_STARTED_CONNECTING, l);
            } else if (requested && containsIgnoreCase(text, "requested transaction successfully")) {
                emit(sink, EventKind.REQUEST_TRANSACTION_COMPLETION, l);
            } else if (teardown != null) {
                attrs.put("sdk", SdkTeardowns.ALL.get(teardown.code()).sdk());
                attrs.put("signature", SdkTeardowns.ALL.get(teardown.code()).shown());
                emit(sink, EventKind.UNPREPARE_SDK, l);
            } else if (event != null) {
                emitStandard(event.event(), l, sink);
            } else if (perform && action != null) {
                emit(sink, perform(action), l);
            } else if (setCategory) {
                emit(sink, EventKind.AUDIO_SESSION_SET_CATEGORY, l);
            } else {
                attrs.put("text", text);
                sink.event(LOG, system ? Source.SYSTEM : Source.APP, l, call, attrs);
                attrs.clear();
            }
        }

        private void emitStandard(EventKind kind, Level l, Sink sink) {
            switch (kind) {
                case REQUEST_TRANSACTION -> put("actions", action);
                case DID_RECEIVE_INCOMING_PUSH -> put("type", pushType ? "voIP" : null);
                case REPORT_CALL_ENDED -> put("reason", reason);
                default -> { }
            }
            emit(sink, kind, l);
        }

        /** {@code name key=value ...}, the harness's own form: kept as written when the name is an event we know. */
        private boolean harnessForm(String text, Level level, String tag, Sink sink) {
            int end = text.length();
            int nameEnd = 0;
            while (nameEnd < end && isWordChar(text.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == 0 || nameEnd < end && text.charAt(nameEnd) != ' ') {
                return false;
            }
            int hash = 0;
            for (int i = 0; i < nameEnd; i++) {
                hash = 31 * hash + text.charAt(i);
            }
            Keyword k = table.get(text, 0, nameEnd, hash);
            String name;
            if (k != null && k.kind() == Kind.GRAMMAR) {
                name = k.value();
            } else if (k != null && k.kind() == Kind.EVENT && k.value().length() == nameEnd) {
                name = k.value();
            } else {
                name = text.substring(0, nameEnd);
                if (!vocabulary.knows(name)) {
                    return false;
                }
            }
            if (!KeyValues.parse(text, nameEnd, end, attrs)) {
                return false;
            }
            String callText = attrs.remove("call");
            if (callText != null && !callText.equals("-")) {
                call = Uuids.parse(callText, 0, callText.length());
                if (call == null) {
                    return false;
                }
            }
            if (k != null && k.kind() == Kind.GRAMMAR) {
                k.mapping().attributes().forEach(attrs::putIfAbsent);
            }
            daemonActivation = false;
            Source source = tag == null ? vocabulary.sourceOf(name) : format.sourceOf(tag, name);
            sink.event(name, source, level == null ? Level.INFO : level, call, attrs);
            attrs.clear();
            return true;
        }

        private void scanWords(String s) {
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (!isWordChar(c)) {
                    i++;
                    continue;
                }
                if (!callNamed && i + 36 <= n && s.charAt(i + 8) == '-' && s.charAt(i + 13) == '-') {
                    UUID u = Uuids.parse(s, i, i + 36);
                    if (u != null && (i + 36 == n || !isWordChar(s.charAt(i + 36)))) {
                        // CXAction descriptions name the action's own UUID first: "UUID=... callUUID=..."
                        callNamed = namesCall(s, i);
                        if (call == null || callNamed) {
                            call = u;
                        }
                        i += 36;
                        continue;
                    }
                }
                int start = i;
                int h = 0;
                while (i < n && isWordChar(c = s.charAt(i))) {
                    h = 31 * h + c;
                    i++;
                }
                Keyword k = table.get(s, start, i, h);
                if (k != null) {
                    note(k, s, start);
                }
            }
        }

        private void note(Keyword k, String s, int start) {
            switch (k.kind()) {
                case EVENT -> {
                    if (event == null) {
                        event = k;
                    }
                }
                case GRAMMAR -> {
                    if (grammarWord == null) {
                        grammarWord = k;
                    }
                }
                case ACTION -> {
                    if (action == null) {
                        action = k.value();
                    }
                }
                case REASON -> reason = reason == null ? k.value() : reason;
                case ERROR_NAME -> errorName = errorName == null ? k : errorName;
                case PERFORM -> perform = true;
                case FULFILL -> fulfill = true;
                case FAIL -> fail = true;
                case REPORT_CALL -> reportCall = true;
                case ENDED_AT -> endedAt = true;
                case OUTGOING -> outgoing = true;
                case CONNECTED_AT -> connectedAt = true;
                case STARTED_AT -> startedAt = true;
                case SET_ACTIVE -> setActive = true;
                case SET_CATEGORY -> setCategory = true;
                case TIMED_OUT -> timedOut = true;
                case KILL -> kill = true;
                case PRI -> pri |= switch (k.value()) {
                    case "pri" -> start > 0 && s.charAt(start - 1) == '!';
                    case "12983" -> start > 0 && s.charAt(start - 1) == '-';
                    case "Insufficient" -> s.regionMatches(true, start, "Insufficient priority", 0, 21);
                    default -> true;
                };
                case REC -> rec |= !k.value().equals("rec") || start > 0 && s.charAt(start - 1) == '!';
                case AUDIO_UNIT -> audioUnit = true;
                case TX_DOMAIN -> txDomain = true;
                case INC_DOMAIN -> incDomain = true;
                case ACTIVATING -> activating = true;
                case REQUESTED -> requested = true;
                case PUSH_TYPE -> pushType = true;
                case TEARDOWN -> teardown = teardown == null && SdkTeardowns.holds(k.code(), s, start) ? k : teardown;
                case ACTION_WORD -> actionWord = actionWord == null ? k.value() : actionWord;
                case CONTROLLING -> controlling = true;
                case DECREASING -> decreasing = true;
                case COMMIT -> commit = true;
                case NOTIFIED -> notified = true;
                case GATE -> {
                    if (gated == null) {
                        gated = new ArrayList<>(k.gated());
                    } else if (!gated.containsAll(k.gated())) {
                        gated.addAll(k.gated());
                    }
                }
            }
        }

        private boolean killSignature(String text, Sink sink) {
            boolean never = text.contains("never posted an incoming call") || text.contains("must post an incoming call")
                    || text.contains("_terminateAppIfThereAreUnhandledVoIPPushes");
            boolean baadcall = text.contains("0xbaadca11");
            boolean terminating = text.contains("Terminating app due to uncaught exception");
            if (text.contains("will not be launched because it failed to report")) {
                attrs.put("why", "failed to report an incoming call too many times");
                emit(sink, EventKind.PUSH_NOT_DELIVERED, Level.ERROR);
                return true;
            }
            if (never || baadcall) {
                attrs.put("exception", baadcall && !never ? "0xbaadca11" : KILL_EXCEPTION);
                attrs.put("where", baadcall && !never ? "callservicesd" : KILL_WHERE);
                emit(sink, EventKind.PUSH_NOT_REPORTED, Level.ERROR);
            }
            if (terminating || baadcall) {
                Matcher m = EXCEPTION.matcher(text);
                attrs.clear();
                attrs.put("reason", never || baadcall ? "pushNotReported" : "crash");
                attrs.put("exception", m.find() ? m.group(1) : baadcall ? "0xbaadca11" : "unknown");
                emit(sink, EventKind.APP_TERMINATED, Level.ERROR);
            }
            return never || baadcall || terminating;
        }

        private void transactionError(String text, boolean transaction, Level l, Sink sink) {
            int code = errorName != null ? (transaction ? errorName.code() : errorName.code2()) : -1;
            if (code < 0) {
                code = errorCode(text);
            }
            String[] names = transaction ? TX_ERRORS : INC_ERRORS;
            attrs.put("error", code >= 0 && code < names.length ? names[code] : "unknown");
            attrs.put("code", String.valueOf(Math.max(code, 0)));
            put("action", action);
            emit(sink, transaction ? EventKind.REQUEST_TRANSACTION_COMPLETION : EventKind.REPORT_NEW_INCOMING_CALL_COMPLETION,
                    worse(l, Level.ERROR));
        }

        private boolean grammarRegex(String text) {
            return firstMatch(regexes, text);
        }

        /** The regexes gated by words of this record: they win over the grammar's plain words, being more specific. */
        private boolean gatedRegex(String text) {
            return firstMatch(gated, text);
        }

        private boolean firstMatch(List<Grammar.Mapping> mappings, String text) {
            for (Grammar.Mapping m : mappings) {
                Matcher matcher = m.regex().matcher(text);
                if (matcher.find()) {
                    attrs.putAll(m.attributes());
                    for (String g : m.groups()) {
                        String v = matcher.group(g);
                        if (v != null) {
                            attrs.put(g, v);
                        }
                    }
                    regexEvent = m.event();
                    return true;
                }
            }
            return false;
        }

        /**
         * mediaserverd's {@code { "action":"activate", "session":{"PID":2145,...}, "details":{"controlling_PID":150} }}:
         * another process (callservicesd, for CallKit) activated the app's session, which is what the app sees as
         * didActivateAudioSession; {@code "deactivate"} likewise didDeactivateAudioSession. Returns whether it was that.
         */
        private boolean daemonGrant(String text, Level l, Sink sink) {
            long controller = jsonNumber(text, "\"controlling_PID\"");
            long session = jsonNumber(text, "\"PID\"");
            boolean activate = jsonValue(text, "\"action\"", "activate");
            if (controller < 0 || controller == session || !activate && !jsonValue(text, "\"action\"", "deactivate")) {
                return false;
            }
            attrs.put("via", "mediaserverd");
            attrs.put("controllingPid", Long.toString(controller));
            emit(sink, activate ? EventKind.DID_ACTIVATE_AUDIO_SESSION : EventKind.DID_DEACTIVATE_AUDIO_SESSION, l);
            daemonActivation = activate;
            return true;
        }

        private void put(String key, String value) {
            if (value != null) {
                attrs.put(key, value);
            }
        }

        /** A grammar's event, named by the grammar. */
        private void emit(Sink sink, String name, Level level) {
            daemonActivation = false;
            sink.event(name, vocabulary.sourceOf(name), level, call, attrs);
            attrs.clear();
        }

        /** A standard kind; its source as the vocabulary says (the kind's own, unless a grammar remapped the name). */
        private void emit(Sink sink, EventKind kind, Level level) {
            emit(sink, kind.wireName(), level);
        }
    }

    private static String activeValue(String text) {
        int at = text.indexOf("setActive");
        int end = Math.min(text.length(), at + 24);
        String after = text.substring(at + 9, end).toLowerCase(Locale.ROOT);
        return after.contains("false") || after.contains("no") ? "false" : "true";
    }

    /** Whether the UUID at {@code at} follows {@code callUUID=}, {@code call=}, {@code callUUID: } or similar. */
    private static boolean namesCall(String s, int at) {
        int i = at - 1;
        while (i >= 0 && (s.charAt(i) == ' ' || s.charAt(i) == '=' || s.charAt(i) == ':' || s.charAt(i) == '"')) {
            i--;
        }
        int wordEnd = i + 1;
        while (i >= 0 && isWordChar(s.charAt(i))) {
            i--;
        }
        String word = s.substring(i + 1, wordEnd).toLowerCase(Locale.ROOT);
        return word.equals("call") || word.equals("calluuid") || word.equals("callid") || word.equals("uuid")
                && i >= 3 && s.regionMatches(true, i - 3, "call", 0, 4);
    }

    /** The number after {@code key:} in a JSON text (spaces allowed), or -1. */
    static long jsonNumber(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int i = skipSpaces(text, at + key.length());
        if (i >= text.length() || text.charAt(i) != ':') {
            return -1;
        }
        i = skipSpaces(text, i + 1);
        int d = i;
        while (d < text.length() && d - i < 18 && text.charAt(d) >= '0' && text.charAt(d) <= '9') {
            d++;
        }
        return d == i ? -1 : Long.parseLong(text, i, d, 10);
    }

    /** Whether {@code key:"value"} is in a JSON text (spaces allowed). */
    static boolean jsonValue(String text, String key, String value) {
        for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
            int i = skipSpaces(text, at + key.length());
            if (i < text.length() && text.charAt(i) == ':') {
                i = skipSpaces(text, i + 1);
                if (text.startsWith("\"" + value + "\"", i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Level worse(Level a, Level b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /**
     * The error code a line gives as {@code code 4}, {@code Code=4}, {@code code: 4} or {@code error 4} (one or two
     * digits, words matched whole, any case), or -1. A scan, not a regex: it runs on every error line of a big log.
     */
    static int errorCode(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && isWordChar(s.charAt(i - 1))) {
                continue;
            }
            int j;
            if (s.regionMatches(true, i, "code", 0, 4)) {
                j = skipSpaces(s, i + 4);
                if (j < n && (s.charAt(j) == '=' || s.charAt(j) == ':')) {
                    j = skipSpaces(s, j + 1);
                }
            } else if (s.regionMatches(true, i, "error", 0, 5)) {
                j = skipSpaces(s, i + 5);
                if (j == i + 5) {
                    continue;
                }
            } else {
                continue;
            }
            int d = j;
            while (d < n && d - j < 3 && s.charAt(d) >= '0' && s.charAt(d) <= '9') {
                d++;
            }
            if (d - j >= 1 && d - j <= 2 && (d == n || !isWordChar(s.charAt(d)))) {
                return Integer.parseInt(s, j, d, 10);
            }
        }
        return -1;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean containsIgnoreCase(String text, String what) {
        int n = what.length();
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.regionMatches(true, i, what, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
