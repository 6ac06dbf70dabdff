package dev.callflow.timeline;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The event vocabulary is one consistent list, and the standard name-to-source mapping is derived from it unchanged. */
class EventKindTest {

    /** EventVocabulary's hand-kept table before the catalogue, as it was: the derived one must map the same. */
    private static final Map<Source, List<String>> TABLE_BEFORE = Map.of(
            Source.APP, List.of(
                    "handleIncomingCall", "endCallWithCompletion", "reportNewIncomingCall",
                    "reportOutgoingCall", "requestTransaction", "startCall"),
            Source.SDK, List.of(
                    "prepareSDK", "unprepareSDK", "configAudio", "startAudio", "stopAudio", "releaseAudio"),
            Source.SYSTEM, List.of(
                    "didActivateAudioSession", "didDeactivateAudioSession",
                    "providerDidBegin", "providerDidReset", "executeTransaction", "timedOutPerformingAction",
                    "didReceiveIncomingPush", "didReceiveIncomingPushWithPayload", "didUpdatePushCredentials",
                    "didInvalidatePushToken", "callChanged", "audioSessionInterruption",
                    "reportNewIncomingCallCompletion", "requestTransactionCompletion", "incomingCallUiShown",
                    "callEnded", "ringTimeout", "appLaunched", "appDidEnterBackground", "appWillEnterForeground",
                    "appTerminated", "appWokenForPush", "pushNotReported", "pushNotDelivered", "actionUndeliverable",
                    "audioSessionDeactivated", "audioSessionActivationFailed", "activationSuppressed",
                    "otherCallIncoming", "otherCallEnded", "continueUserActivity", "harnessFault"));

    /** What the device-log reader added to that table itself (all the app's, the default source anyway). */
    private static final List<String> READER_ADDED = List.of("audioSessionSetActive", "audioSessionSetCategory", "fulfill",
            "fail", "reportCallEnded", "reportOutgoingCallConnected", "reportOutgoingCallStartedConnecting",
            "reportNewIncomingVoIPPushPayload", "log");

    @Test
    void theStandardVocabularyMapsWhatTheHandKeptTableAndTheReaderMapped() {
        EventVocabulary v = EventVocabulary.standard();
        TABLE_BEFORE.forEach((source, names) -> assertThat(names).allSatisfy(n -> {
            assertThat(v.knows(n)).as(n).isTrue();
            assertThat(v.sourceOf(n)).as(n).isEqualTo(source);
        }));
        assertThat(READER_ADDED).allSatisfy(n -> assertThat(v.knows(n)).as(n).isTrue());
        assertThat(READER_ADDED).allSatisfy(n -> assertThat(v.sourceOf(n)).as(n).isEqualTo(Source.APP));
        assertThat(v.sourceOf("performFrobnicateCallAction")).as("the perform pattern").isEqualTo(Source.SYSTEM);
        assertThat(v.knows("performFrobnicateCallAction")).isTrue();

        Set<String> known = new HashSet<>(READER_ADDED);
        TABLE_BEFORE.values().forEach(known::addAll);
        EventKind.performs().forEach(k -> known.add(k.wireName()));
        assertThat(EventKind.all().stream().filter(EventKind::inStandardVocabulary).map(EventKind::wireName))
                .as("the kinds the standard vocabulary knows: exactly the table's, the reader's and the performs")
                .containsExactlyInAnyOrderElementsOf(known);
        assertThat(EventKind.all().stream().filter(k -> !k.inStandardVocabulary()))
                .allSatisfy(k -> assertThat(v.knows(k.wireName())).as(k.wireName()).isFalse());
    }

    @Test
    void everyKindIsDescribedWholly() {
        assertThat(EventKind.all()).allSatisfy(k -> {
            assertThat(k.name()).as("the constant of " + k.wireName()).isEqualTo(constantName(k.wireName()));
            assertThat(k.wireName()).matches("[a-z][A-Za-z]*");
            assertThat(k.api()).as(k + " api").isNotBlank();
            assertThat(k.meaning()).as(k + " meaning").isNotBlank().endsWith(".");
            assertThat(k.attributes()).extracting(EventKind.Attribute::key).as(k + " attribute keys").doesNotHaveDuplicates()
                    .allSatisfy(key -> assertThat(key).matches("[a-z][A-Za-z]*"));
            assertThat(k.attributes()).allSatisfy(a -> assertThat(a.meaning()).as(k + " " + a.key()).isNotBlank());
            assertThat(k.sources()).doesNotHaveDuplicates().isNotEmpty();
        });
    }

    @Test
    void lookups() {
        assertThat(EventKind.named("performAnswerCallAction")).contains(EventKind.PERFORM_ANSWER_CALL_ACTION);
        assertThat(EventKind.named("phantomCall")).isEmpty();
        assertThat(EventKind.named(null)).isEmpty();
        assertThat(EventKind.all()).hasSize(EventKind.values().length);
        assertThat(EventKind.from(Source.SIGNALLING)).contains(EventKind.ACCEPT, EventKind.SERVER_EVENT,
                EventKind.FAULT_INJECTED);
        assertThat(EventKind.from(Source.SYSTEM)).contains(EventKind.FAULT_INJECTED, EventKind.LOG)
                .doesNotContain(EventKind.ACCEPT);
        assertThat(EventKind.in(EventKind.Category.MEDIA_SDK)).extracting(EventKind::wireName)
                .containsExactly("prepareSDK", "unprepareSDK", "configAudio", "startAudio", "stopAudio", "releaseAudio");
        assertThat(EventKind.performs()).hasSize(7).allSatisfy(k -> assertThat(k.source()).isEqualTo(Source.SYSTEM));
        assertThat(EventKind.FULFILL).hasToString("fulfill");
    }

    @Test
    void observabilityFollowsTheCategory() {
        assertThat(EventKind.DID_ACTIVATE_AUDIO_SESSION.platformObservable()).isTrue();
        assertThat(EventKind.ACCEPT.platformObservable()).isTrue();
        assertThat(EventKind.TIME_PASSES.platformObservable()).isFalse();
        assertThat(EventKind.SERVER_SENDS.platformObservable()).isFalse();
        assertThat(EventKind.IUT_HUNG.platformObservable()).isFalse();
        assertThat(EventKind.END_CALL_WITH_COMPLETION.platformObservable()).as("an app's own word").isFalse();
        assertThat(EventKind.all()).allSatisfy(k ->
                assertThat(k.platformObservable()).as(k.wireName()).isEqualTo(k.category().observable()));
    }

    @Test
    void anUnknownNameIsSaidToBeNoEventOfTheVocabulary() {
        assertThat(EventKind.explain("lateServerAnswerIgnored"))
                .isEqualTo("'lateServerAnswerIgnored' is not an event of the vocabulary (an app's own log word?)");
        assertThat(EventKind.explain("didActivateAudioSesion")).startsWith("'didActivateAudioSesion' is not an event")
                .contains("; did you mean didActivateAudioSession");
        assertThat(EventKind.explain("fulfill")).startsWith("fulfill: system API from app, platform-observable: ");
        assertThat(EventKind.explain("faultInjected")).startsWith(
                "faultInjected: harness-internal from system or signalling, not platform-observable: ");
    }

    @Test
    void aKindIsRecordedFromItsOwnSourcesOnly() {
        Timeline t = Timeline.start("T", 1);
        assertThat(t.record(EventKind.FULFILL, null, "action", "answer"))
                .extracting(Event::source, Event::name).containsExactly(Source.APP, "fulfill");
        assertThat(t.record(Source.SIGNALLING, EventKind.FAULT_INJECTED, Level.INFO, null, Map.of()).source())
                .isEqualTo(Source.SIGNALLING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.record(Source.USER, EventKind.FULFILL, Level.INFO, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fulfill comes from [APP], not from USER");
    }

    private static String constantName(String wireName) {
        return wireName.replace("VoIP", "Voip").replaceAll("([a-z])([A-Z])", "$1_$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
