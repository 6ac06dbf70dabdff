package dev.callflow.steps;

import dev.callflow.timeline.Event;

import java.util.List;

/** A phone's timeline as a test sees it: its events, read through the phone so waits and call names apply. */
public final class PhoneTimeline {
    private final Phone phone;

    PhoneTimeline(Phone phone) {
        this.phone = phone;
    }

    public Phone phone() { return phone; }

    /** The events so far, without running the phone. */
    public List<Event> events() { return phone.rig().timeline().events(); }

    /** The timeline as failures show it: {@code #N}, virtual time, source, event, short call names, attributes. */
    @Override
    public String toString() {
        return Waits.dump(phone.rig());
    }
}
