package dev.callflow.iut.mutants;

import dev.callflow.device.CallAction;
import dev.callflow.device.VoipPush;
import dev.callflow.iut.reference.ReferenceApp;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The mutant zoo: each entry overrides exactly one step of {@link ReferenceApp}. */
public final class Mutants {
    private Mutants() { }

    public static List<Mutant> all() {
        return List.of(
                new Mutant("start-audio-in-answer", "R-AUD-2",
                        "#3/#4/#39: media started in performAnswerCallAction, before the system activated the session",
                        StartAudioInAnswer::new),
                new Mutant("release-before-perform-end", "R-END-2",
                        "#18: SDK released before performEndCallAction (the seed's top risk)",
                        ReleaseBeforePerformEnd::new),
                new Mutant("skip-push-report", "R-PUSH-1",
                        "#36/#37: early return in the PushKit handler without reporting a call",
                        SkipPushReport::new));
    }

    public static Optional<Mutant> named(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Starts media as soon as the user answers, instead of in didActivateAudioSession. */
    static final class StartAudioInAnswer extends ReferenceApp {
        @Override
        public void performAnswerCallAction(CallAction action) {
            sdk.configAudio();
            sdk.startAudio();
            super.performAnswerCallAction(action);
        }

        @Override
        protected void startMedia() {
            // the mutant believes audio is already running
        }
    }

    /** Tears the SDK down when the user taps hang-up, before the system's performEndCallAction. */
    static final class ReleaseBeforePerformEnd extends ReferenceApp {
        @Override
        public void userHangsUp(UUID call) {
            releaseMedia(call);
            super.userHangsUp(call);
        }
    }

    /** Returns from the PushKit handler without reporting, planning to report once signalling connects. */
    static final class SkipPushReport extends ReferenceApp {
        @Override
        public void didReceiveIncomingPush(VoipPush push, Runnable completion) {
            env.log("handleIncomingCall", push.field("callId").flatMap(ReferenceApp::uuid).orElse(null), "via", "push",
                    "deferred", "true");
            completion.run();
        }
    }
}
