package dev.callflow.devicelog;

import java.util.List;

/**
 * How common media SDKs log tearing a call and its media down, read as {@code unprepareSDK} (attributes {@code sdk}
 * and {@code signature}): the SDK released the call's media whether or not the app asked. Each signature is a word
 * of the record plus what must surround it, so the reader looks it up like any other word. Seen in public issues:
 * twilio/twilio-voice-ios #7 and #75 ({@code -[TVOMediaFactory dealloc]}, {@code ~CallImpl},
 * {@code ~AudioMediaFactoryImpl}); WebRTC's {@code ~PeerConnection} and {@code -[RTCPeerConnection close]};
 * aws/amazon-chime-sdk-ios #193 and #262 ({@code API/DefaultAudioVideoFacade/stop}, {@code AudioClient State:
 * finishDisconnecting}); Agora's {@code leaveChannel}; linphone ({@code state: Released, message: Call released},
 * {@code LinphoneCallReleased}). A grammar maps an SDK's other words to {@code unprepareSDK} the same way.
 */
final class SdkTeardowns {

    /** What must surround a signature's word. */
    enum Context { DESTRUCTOR, DEALLOC, CLOSE, STOP, NONE, AFTER_CALL }

    /** {@code word} read as a teardown of {@code sdk} when its {@code context} holds. */
    record Signature(String word, String sdk, Context context, String shown) { }

    static final List<Signature> ALL = List.of(
            new Signature("CallImpl", "twilio", Context.DESTRUCTOR, "~CallImpl"),
            new Signature("AudioMediaFactoryImpl", "twilio", Context.DESTRUCTOR, "~AudioMediaFactoryImpl"),
            new Signature("TVOMediaFactory", "twilio", Context.DEALLOC, "-[TVOMediaFactory dealloc]"),
            new Signature("TVOCall", "twilio", Context.DEALLOC, "-[TVOCall dealloc]"),
            new Signature("PeerConnection", "webrtc", Context.DESTRUCTOR, "~PeerConnection"),
            new Signature("RTCPeerConnection", "webrtc", Context.CLOSE, "RTCPeerConnection close"),
            new Signature("DefaultAudioVideoFacade", "chime", Context.STOP, "DefaultAudioVideoFacade stop"),
            new Signature("finishDisconnecting", "chime", Context.NONE, "AudioClient finishDisconnecting"),
            new Signature("leaveChannel", "agora", Context.NONE, "leaveChannel"),
            new Signature("LinphoneCallReleased", "linphone", Context.NONE, "LinphoneCallReleased"),
            new Signature("released", "linphone", Context.AFTER_CALL, "Call released"));

    private SdkTeardowns() { }

    /** Whether signature {@code i}'s word, found at {@code start} of {@code s}, stands in its context there. */
    static boolean holds(int i, String s, int start) {
        Signature sig = ALL.get(i);
        int end = start + sig.word().length();
        return switch (sig.context()) {
            case DESTRUCTOR -> start > 0 && s.charAt(start - 1) == '~';
            case DEALLOC -> wordAfter(s, end, "dealloc");
            case CLOSE -> wordAfter(s, end, "close") || s.regionMatches(end, ".close", 0, 6);
            case STOP -> s.regionMatches(end, "/stop", 0, 5) || wordAfter(s, end, "stop");
            case AFTER_CALL -> start >= 5 && s.regionMatches(true, start - 5, "call ", 0, 5);
            case NONE -> true;
        };
    }

    /** {@code word} follows at {@code from} after spaces (or a dot), as in {@code -[TVOCall dealloc]}. */
    private static boolean wordAfter(String s, int from, String word) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '.')) {
            i++;
        }
        return i > from && s.regionMatches(i, word, 0, word.length())
                && (i + word.length() == s.length() || !Recogniser.isWordChar(s.charAt(i + word.length())));
    }
}
