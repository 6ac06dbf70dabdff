package dev.callflow.signalling;

import java.net.http.HttpClient;
import java.time.Duration;

/** One JDK client per JVM unless the caller brings its own: its connection pool and selector thread are meant to be shared. */
final class SharedHttp {
    private SharedHttp() {
    }

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static HttpClient client() {
        return Holder.CLIENT;
    }
}
