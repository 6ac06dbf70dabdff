package dev.callflow.iut.external;

import dev.callflow.device.DeviceFixture;
import dev.callflow.device.SimulatedDevice;
import dev.callflow.platform.LaunchReason;
import dev.callflow.signalling.SignallingClient;
import dev.callflow.testing.Runs;
import dev.callflow.timeline.Timeline;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A run for {@link InterruptedRunTest} to interrupt: one phone per argument, each running an external IUT that ignores
 * the end of its stdin and has started a child ({@code process_iut.py ignore-eof PIDFILE}); prints {@code ready} once
 * every IUT said hello, then waits to be signalled. Like a run, it owns its IUTs through one {@link ExternalIuts}.
 */
public final class InterruptedRunMain {
    private InterruptedRunMain() { }

    public static void main(String[] pidFiles) throws InterruptedException {
        ExternalIuts iuts = new ExternalIuts(Runs.HOME, Duration.ofSeconds(10), null);
        for (String pidFile : pidFiles) {
            String id = "dev-interrupted-" + pidFile.hashCode();
            SimulatedDevice device = SimulatedDevice.builder().deviceId(id).timeline(Timeline.start(id, 1))
                    .timing(DeviceFixture.timing(Duration.ofSeconds(30)))
                    .app(iuts.factory(PythonIutTest.PYTHON + " src/test/resources/iut-faults/process_iut.py ignore-eof " + pidFile))
                    .signalling(new SignallingClient(HttpClient.newHttpClient(), "http://127.0.0.1:9", id))
                    .build();
            device.launchApp(LaunchReason.USER);
            if (device.awaitEvent(e -> e.is("iutHello"), Duration.ofSeconds(120), Duration.ofSeconds(20)).isEmpty()) {
                System.out.println("no hello from " + pidFile);
                System.exit(1);
            }
        }
        System.out.println("ready");
        System.out.flush();
        new CountDownLatch(1).await(); // until a signal ends the JVM
    }
}
