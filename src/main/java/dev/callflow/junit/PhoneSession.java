package dev.callflow.junit;

import dev.callflow.harness.ScenarioRig;
import dev.callflow.steps.Phone;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One test's phone, the rules it declared it breaks, and the always-on monitor's verdict at its end. */
public final class PhoneSession implements AutoCloseable {
    private final ScenarioRig rig;
    private final Set<String> declared = new TreeSet<>();
    private final Phone phone;

    PhoneSession(ScenarioRig rig) {
        this.rig = rig;
        this.phone = Phone.of(rig, () -> rig.settings().policy(), declared::add);
    }

    public Phone phone() { return phone; }

    /** Once the phone has settled: every rule the test broke without declaring it, explained; empty when none. */
    public Optional<String> undeclaredViolations() {
        return phone.undeclaredViolations(phone.judgeAllRules(), Set.copyOf(declared));
    }

    @Override
    public void close() {
        rig.close();
    }
}
