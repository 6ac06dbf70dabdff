package dev.callflow.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http2.DefaultHttp2Headers;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApnsPushTest {

    private static ApnsPush withExpiration(String seconds) {
        DefaultHttp2Headers headers = new DefaultHttp2Headers();
        headers.path("/3/device/abc").add("apns-topic", "dev.callflow.app.voip").add("apns-expiration", seconds);
        return ApnsPush.copyOf(headers, null);
    }

    @Test
    void anExpirationPastInstantsRangeIsKeptForEverRatherThanThrownOnTheSinkThread() {
        // Found by PushPayloadFuzzTest: Instant.ofEpochSecond threw DateTimeException, so the sink never heard the push.
        assertThat(withExpiration("827023092942731510").expiration()).isEqualTo(Instant.ofEpochSecond(Instant.MAX.getEpochSecond()));
        assertThat(withExpiration("-827023092942731510").expiration()).isEqualTo(Instant.MIN);
    }

    @Test
    void anOrdinaryExpirationIsThatSecond() {
        assertThat(withExpiration("1700000000").expiration()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
    }
}
