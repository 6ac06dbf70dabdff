package dev.callflow.junit;

import dev.callflow.harness.ProjectHome;
import dev.callflow.harness.RunConfig;
import dev.callflow.harness.RunContext;

/**
 * A run's servers and implementation under test, for tests written in Java: the mock APNs, the mock signalling server
 * and the gateway start once (loopback, dynamic ports) and every {@link #newPhone} is a fresh scenario on them. The
 * project home (its {@code fixtures/}) is {@code -Dcallflow.home}, else Maven's {@code basedir}.
 */
public final class CallflowRun implements AutoCloseable {
    private final RunContext run;

    private CallflowRun(RunContext run) {
        this.run = run;
    }

    public static CallflowRun open(String iut, String policy, long seed, String timing) {
        return new CallflowRun(RunContext.open(RunConfig.builder(ProjectHome.detect()).iut(iut).policy(policy).seed(seed)
                .profile(timing).build()));
    }

    static CallflowRun open(CallflowTest test) {
        return open(test.iut(), test.policy(), test.seed(), test.timing());
    }

    /** A fresh phone on this run's servers; {@code where} names the test: the scenario's ids follow from it and the seed. */
    public PhoneSession newPhone(String where) {
        return new PhoneSession(run.newRig(where));
    }

    @Override
    public void close() {
        run.close();
    }
}
