package dev.callflow.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callflow.device.VirtualClock.Lane;
import dev.callflow.device.VirtualClock.Outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scenario's clock: order, jumps, the held clock, arrivals, settling, horizons, seeds. */
@Timeout(10)
class VirtualClockTest {
    private final List<VirtualClock> clocks = new ArrayList<>();
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    private VirtualClock clock(long seed) {
        VirtualClock c = new VirtualClock("test-" + clocks.size(), seed, Duration.ofSeconds(5));
        clocks.add(c);
        return c;
    }

    @AfterEach
    void close() {
        clocks.forEach(VirtualClock::close);
    }

    private Runnable note(VirtualClock c, String name) {
        return () -> ran.add(name + "@" + c.now().toMillis());
    }

    @Test
    void tasksRunInDueOrderAndTimeJumpsToEachDueTime() {
        VirtualClock c = clock(0);
        c.schedule(Duration.ofSeconds(60), Lane.SYSTEM, true, note(c, "ring"));
        c.schedule(Duration.ofMillis(565), Lane.SYSTEM, true, note(c, "activate"));
        c.schedule(Duration.ZERO, Lane.MAIN, true, note(c, "now"));

        assertThat(c.runUntil(() -> false, Duration.ofSeconds(90), true)).isEqualTo(Outcome.SETTLED);

        assertThat(ran).containsExactly("now@0", "activate@565", "ring@60000");
        assertThat(c.now()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void timeNeverPassesAStateInWhichTheConditionHeld() {
        VirtualClock c = clock(0);
        c.schedule(Duration.ofSeconds(1), Lane.SYSTEM, true, note(c, "a"));
        c.schedule(Duration.ofSeconds(1), Lane.MAIN, true, note(c, "a2"));
        c.schedule(Duration.ofSeconds(5), Lane.SYSTEM, true, note(c, "b"));

        assertThat(c.runUntil(() -> ran.contains("a@1000"), Duration.ofSeconds(90), true)).isEqualTo(Outcome.MATCHED);

        assertThat(ran).as("what was due with it ran too, time frozen; what was due later did not").containsExactly("a@1000", "a2@1000");
        assertThat(c.now()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.settled()).isFalse();
    }

    @Test
    void aHeldClockRunsNothingAndQuiesceRunsOnlyWhatIsDueNow() {
        VirtualClock c = clock(0);
        c.schedule(Duration.ZERO, Lane.MAIN, true, () -> {
            ran.add("first");
            c.schedule(Duration.ZERO, Lane.MAIN, true, () -> ran.add("caused at once"));
        });
        c.schedule(Duration.ofMillis(1), Lane.SYSTEM, true, note(c, "later"));
        assertThat(ran).as("the creator holds the clock").isEmpty();

        assertThat(c.quiesce()).isEqualTo(Outcome.HORIZON);

        assertThat(ran).containsExactly("first", "caused at once");
        assertThat(c.now()).isZero();
        assertThat(c.inSimulation()).as("the holder may touch the simulation").isTrue();
    }

    @Test
    void anArrivalKeepsItsPlaceWhateverTheNetworkThreadDoes() throws Exception {
        VirtualClock c = clock(0);
        VirtualClock.Arrival response = c.expect(Duration.ZERO, Lane.NETWORK);
        c.schedule(Duration.ZERO, Lane.MAIN, true, () -> ran.add("caused after the request"));
        CountDownLatch simulationRuns = new CountDownLatch(1);
        Thread network = new Thread(() -> {
            try {
                simulationRuns.await(); // the answer comes only once the simulation could have overtaken it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.arrive(() -> ran.add("response"));
        });
        network.start();

        assertThat(c.runUntil(() -> {
            simulationRuns.countDown();
            return ran.size() == 2;
        }, Duration.ofSeconds(1), true)).isEqualTo(Outcome.MATCHED);
        network.join();

        assertThat(ran).containsExactly("response", "caused after the request");
    }

    @Test
    void settledMeansNothingCountedIsLeftAndBackgroundTimersWait() {
        VirtualClock c = clock(0);
        VirtualClock.Scheduled ringTimer = c.schedule(Duration.ofSeconds(60), Lane.SYSTEM, false, note(c, "ring"));
        c.schedule(Duration.ofSeconds(2), Lane.SYSTEM, true, note(c, "counted"));

        assertThat(c.runUntil(() -> false, Duration.ofSeconds(90), true)).isEqualTo(Outcome.SETTLED);
        assertThat(ran).containsExactly("counted@2000");

        assertThat(c.runUntil(() -> false, Duration.ofSeconds(30), false)).as("beyond the horizon").isEqualTo(Outcome.HORIZON);
        assertThat(ran).containsExactly("counted@2000");

        assertThat(c.runUntil(() -> ran.contains("ring@60000"), Duration.ofSeconds(90), false)).isEqualTo(Outcome.MATCHED);
        ringTimer.cancel(); // already ran: no effect
        assertThat(c.settled()).isTrue();
    }

    @Test
    void beginAndEndCountWorkNoTaskStandsFor() {
        VirtualClock c = clock(0);
        c.begin();
        c.schedule(Duration.ofSeconds(30), Lane.SYSTEM, false, c::end); // e.g. an action's timeout

        assertThat(c.settled()).isFalse();
        assertThat(c.runUntil(() -> false, Duration.ofSeconds(90), true)).isEqualTo(Outcome.SETTLED);
        assertThat(c.now()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aCancelledTaskNeverRunsAndNoLongerCounts() {
        VirtualClock c = clock(0);
        VirtualClock.Scheduled timer = c.schedule(Duration.ofSeconds(15), Lane.MAIN, true, note(c, "deadline"));
        assertThat(c.inFlight()).isEqualTo(1);

        timer.cancel();

        assertThat(c.inFlight()).isZero();
        assertThat(c.runUntil(() -> false, Duration.ofSeconds(90), true)).isEqualTo(Outcome.SETTLED);
        assertThat(ran).isEmpty();
    }

    @Test
    void seedZeroRunsSameInstantTasksInTheOrderTheyWereCausedAndOtherSeedsShuffleThemReproducibly() {
        assertThat(sameInstantOrder(0)).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
        List<Integer> seven = sameInstantOrder(7);
        assertThat(seven).isNotEqualTo(sameInstantOrder(0)).containsExactlyInAnyOrderElementsOf(sameInstantOrder(0));
        assertThat(sameInstantOrder(7)).as("the same seed, the same order").isEqualTo(seven);
        assertThat(sameInstantOrder(8)).isNotEqualTo(seven);
    }

    private List<Integer> sameInstantOrder(long seed) {
        VirtualClock c = clock(seed);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 20; i++) {
            int n = i;
            c.schedule(Duration.ofMillis(10), Lane.SYSTEM, true, () -> order.add(n));
        }
        c.runUntil(() -> false, Duration.ofSeconds(1), true);
        return List.copyOf(order);
    }

    @Test
    void theMainQueueStaysFifoWhateverOrderASeedRunsItsPumpsIn() {
        VirtualClock c = clock(12345);
        MainQueue main = new MainQueue(c, () -> 1, t -> { throw new AssertionError(t); });
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 30; i++) {
            int n = i;
            main.async(() -> order.add(n));
            c.schedule(Duration.ZERO, Lane.SYSTEM, true, () -> { }); // concurrent system work, shuffled in between
        }

        c.runUntil(() -> false, Duration.ofSeconds(1), true);

        assertThat(order).containsExactlyElementsOf(IntStream.range(0, 30).boxed().toList());
    }

    @Test
    void aBusyMainThreadHoldsTheQueueAndRunsItsContinuationFirst() {
        VirtualClock c = clock(0);
        MainQueue main = new MainQueue(c, () -> 1, t -> { throw new AssertionError(t); });
        main.async(() -> {
            ran.add("hangs@" + c.now().toMillis());
            main.busyFor(Duration.ofSeconds(40), note(c, "resumes"));
        });
        main.async(note(c, "queued behind"));
        c.schedule(Duration.ofSeconds(30), Lane.SYSTEM, true, note(c, "system timeout"));

        c.runUntil(() -> false, Duration.ofSeconds(90), true);

        assertThat(ran).containsExactly("hangs@0", "system timeout@30000", "resumes@40000", "queued behind@40000");
    }

    @Test
    void aTaskThatNeverReturnsStallsTheWaitInsteadOfHangingIt() throws Exception {
        VirtualClock c = new VirtualClock("stuck", 0, Duration.ofMillis(200));
        clocks.add(c);
        CountDownLatch release = new CountDownLatch(1);
        c.schedule(Duration.ZERO, Lane.MAIN, true, () -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(c.runUntil(() -> false, Duration.ofSeconds(1), true)).isEqualTo(Outcome.STALLED);
        assertThat(c.describe()).contains("a task in lane MAIN is running");
        release.countDown();
    }

    @Test
    void workPostedFromARealTimeThreadRunsAtTheCurrentVirtualTime() throws Exception {
        VirtualClock c = clock(0);
        c.schedule(Duration.ofSeconds(3), Lane.SYSTEM, true, note(c, "earlier"));
        c.runUntil(() -> false, Duration.ofSeconds(10), true);
        long seen = c.posts();
        Thread reader = new Thread(() -> c.post(Lane.HARNESS, note(c, "stray line")));
        reader.start();
        reader.join();

        assertThat(c.awaitPost(seen, Duration.ofSeconds(1))).isTrue();
        assertThat(c.runUntil(() -> ran.size() == 2, Duration.ZERO, true)).isEqualTo(Outcome.MATCHED);
        assertThat(ran).containsExactly("earlier@3000", "stray line@3000");
    }

    /** The app's long timer is work in flight, like any counted task, while no call rings. */
    @Test
    void aPatientTaskHoldsTheSettleWhileNoCallRings() {
        VirtualClock c = clock(0);
        c.schedule(Duration.ofSeconds(45), Lane.MAIN, VirtualClock.Wait.PATIENT, note(c, "giveUp"));

        assertThat(c.settled()).isFalse();
        assertThat(c.runUntil(() -> false, Duration.ofSeconds(90), true)).isEqualTo(Outcome.SETTLED);
        assertThat(ran).containsExactly("giveUp@45000");
    }

    /**
     * While a call rings for a person, a settle does not run to the app's long timer, as it does not run to the
     * system's ring timeout: the person acts first. A wait that lets time pass reaches both, in order; once the call
     * stops ringing (its ring timer cancelled: answered), the long timer holds the settle again.
     */
    @Test
    void whileACallRingsAPatientTaskWaitsInTheBackground() {
        VirtualClock c = clock(0);
        VirtualClock.Scheduled ring = c.schedule(Duration.ofSeconds(60), Lane.SYSTEM, VirtualClock.Wait.PERSON, note(c, "ring"));
        c.schedule(Duration.ofSeconds(45), Lane.MAIN, VirtualClock.Wait.PATIENT, note(c, "giveUp"));
        c.schedule(Duration.ofSeconds(5), Lane.MAIN, VirtualClock.Wait.COUNTED, note(c, "serverCheck"));

        assertThat(c.runUntil(() -> false, Duration.ofSeconds(90), true)).isEqualTo(Outcome.SETTLED);
        assertThat(ran).as("counted work still runs; the long timer waits").containsExactly("serverCheck@5000");
        assertThat(c.settled()).isTrue();
        assertThat(c.inFlight()).isEqualTo(1);

        ring.cancel();
        assertThat(c.settled()).as("no call rings any more").isFalse();
        assertThat(c.runUntil(() -> false, Duration.ofSeconds(90), true)).isEqualTo(Outcome.SETTLED);
        assertThat(ran).containsExactly("serverCheck@5000", "giveUp@45000");
    }

    @Test
    void aWaitThatLetsTimePassReachesThePatientTaskBeforeTheRingTimeout() {
        VirtualClock c = clock(0);
        c.schedule(Duration.ofSeconds(60), Lane.SYSTEM, VirtualClock.Wait.PERSON, note(c, "ring"));
        c.schedule(Duration.ofSeconds(45), Lane.MAIN, VirtualClock.Wait.PATIENT, note(c, "giveUp"));

        assertThat(c.runUntil(() -> ran.contains("ring@60000"), Duration.ofSeconds(70), false)).isEqualTo(Outcome.MATCHED);
        assertThat(ran).containsExactly("giveUp@45000", "ring@60000");
        assertThat(c.settled()).isTrue();
        assertThat(c.inFlight()).isZero();
    }
}
