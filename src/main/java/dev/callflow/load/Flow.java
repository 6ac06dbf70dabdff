package dev.callflow.load;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A whole call as people live it, from the first ring or dial to the last hang-up: what a soak mixes back to back on
 * one app process. Each flow ends with no call left, so the next one starts from a clean phone, and whatever state
 * outlives it is a leak.
 */
public enum Flow {
    INCOMING_ENDED_IN_APP("incoming (server offer), answered, ended in the app") {
        @Override
        void drive(CallDriver d, Supplier<UUID> ids) {
            UUID a = ids.get();
            d.offer(a, "alice");
            d.answer(a);
            d.hangUpInApp(a);
        }
    },
    PUSHED_ENDED_REMOTELY("incoming (VoIP push), answered, the remote party hangs up") {
        @Override
        void drive(CallDriver d, Supplier<UUID> ids) {
            UUID a = ids.get();
            d.push(a, "bob");
            d.answer(a);
            d.remoteHangsUp(a);
        }
    },
    DECLINED("incoming, declined on the system call UI") {
        @Override
        void drive(CallDriver d, Supplier<UUID> ids) {
            UUID a = ids.get();
            d.offer(a, "carol");
            d.decline(a);
        }
    },
    CANCELLED("incoming, cancelled by the caller while it rings") {
        @Override
        void drive(CallDriver d, Supplier<UUID> ids) {
            UUID a = ids.get();
            d.offer(a, "dave");
            d.callerCancels(a);
        }
    },
    OUTGOING_ENDED_ON_SYSTEM_UI("outgoing, answered, ended on the system call UI") {
        @Override
        void drive(CallDriver d, Supplier<UUID> ids) {
            UUID a = ids.get();
            d.dial(a, "erin");
            d.calleeAnswers(a);
            d.endOnSystemUi(a);
        }
    },
    OUTGOING_ENDED_REMOTELY("outgoing, answered, the remote party hangs up") {
        @Override
        void drive(CallDriver d, Supplier<UUID> ids) {
            UUID a = ids.get();
            d.dial(a, "frank");
            d.calleeAnswers(a);
            d.remoteHangsUp(a);
        }
    },
    CELLULAR_HOLD_AND_ACCEPT("connected, a cellular call taken with Hold & Accept and ended, the call resumes, ended in the app") {
        @Override
        void drive(CallDriver d, Supplier<UUID> ids) {
            UUID a = ids.get();
            d.offer(a, "grace");
            d.answer(a);
            d.cellularHoldAndAccept(a);
            d.cellularEndsLocally(a);
            d.hangUpInApp(a);
        }
    },
    CELLULAR_END_AND_ACCEPT("connected, a cellular call taken with End & Accept") {
        @Override
        void drive(CallDriver d, Supplier<UUID> ids) {
            UUID a = ids.get();
            d.push(a, "heidi");
            d.answer(a);
            d.cellularEndAndAccept(a);
        }
    },
    SECOND_CALL_HOLD_AND_ACCEPT("connected, a second call taken with Hold & Accept (else End & Accept) and ended, the first resumes and ends") {
        @Override
        void drive(CallDriver d, Supplier<UUID> ids) {
            UUID a = ids.get();
            UUID b = ids.get();
            d.offer(a, "ivan");
            d.answer(a);
            d.offer(b, "judy");
            if (d.secondCallTaken(a, b)) {
                d.secondCallEndsThenHeldResumes(a, b);
                d.hangUpInApp(a);
            } else {
                d.hangUpInApp(b);
            }
        }
    };

    private final String description;

    Flow(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Drives the whole call; {@code ids} hands out the calls' UUIDs. */
    abstract void drive(CallDriver driver, Supplier<UUID> ids);

    public static List<Flow> all() {
        return List.of(values());
    }
}
