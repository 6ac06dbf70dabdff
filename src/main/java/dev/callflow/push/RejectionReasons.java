package dev.callflow.push;

import com.eatthepath.pushy.apns.server.RejectionReason;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.Map;

/**
 * Apple's reason string and HTTP status for each Pushy {@link RejectionReason}. Pushy 0.15.4 keeps
 * {@code getReasonText()} and {@code getHttpResponseStatus()} package-private, so they are read once by reflection;
 * this way the strings are exactly the ones the server puts on the wire.
 */
final class RejectionReasons {

    private static final Map<RejectionReason, String> TEXT = new EnumMap<>(RejectionReason.class);
    private static final Map<RejectionReason, Integer> STATUS = new EnumMap<>(RejectionReason.class);

    static {
        try {
            Method text = RejectionReason.class.getDeclaredMethod("getReasonText");
            Method status = RejectionReason.class.getDeclaredMethod("getHttpResponseStatus");
            text.setAccessible(true);
            status.setAccessible(true);
            for (RejectionReason reason : RejectionReason.values()) {
                TEXT.put(reason, (String) text.invoke(reason));
                STATUS.put(reason, ((HttpResponseStatus) status.invoke(reason)).code());
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("Pushy's RejectionReason no longer has getReasonText() and "
                    + "getHttpResponseStatus(); check the pushy version against 0.15.4. " + e);
        }
    }

    private RejectionReasons() {
    }

    static String text(RejectionReason reason) {
        return TEXT.get(reason);
    }

    static int status(RejectionReason reason) {
        return STATUS.get(reason);
    }
}
