package dev.callflow.push;

import com.eatthepath.pushy.apns.server.MockApnsServerListener;
import com.eatthepath.pushy.apns.server.RejectionReason;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;

import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * Pushy's listener runs on the event loop, after the response is written but before it is flushed, and the payload
 * buffer is released right after it returns. So: copy the push, find the token's registration, and hand both off to
 * the registration's serial executor. By the time the provider sees the response the hand-off has happened.
 */
final class SinkDispatcher implements MockApnsServerListener {

    private final DeviceRegistry registry;
    private final Executor observerExecutor;
    private final PushSink observer;

    SinkDispatcher(DeviceRegistry registry, Executor observerExecutor, PushSink observer) {
        this.registry = registry;
        this.observerExecutor = observerExecutor;
        this.observer = observer;
    }

    @Override
    public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
        ApnsPush push = ApnsPush.copyOf(headers, payload);
        Registration registration = registry.find(push.deviceToken());
        if (registration != null) {
            registration.deliverAccepted(push);
        }
        if (observer != null) {
            observerExecutor.execute(() -> observer.onAccepted(push));
        }
    }

    @Override
    public void handlePushNotificationRejected(Http2Headers headers, ByteBuf payload, RejectionReason reason,
                                               Instant deviceTokenExpirationTimestamp) {
        ApnsPush push = ApnsPush.copyOf(headers, payload);
        String text = RejectionReasons.text(reason);
        int status = RejectionReasons.status(reason);
        Registration registration = registry.find(push.deviceToken());
        if (registration != null) {
            registration.deliverRejected(push, text, status);
        }
        if (observer != null) {
            observerExecutor.execute(() -> observer.onRejected(push, text, status));
        }
    }
}
