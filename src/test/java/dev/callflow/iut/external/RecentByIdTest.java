package dev.callflow.iut.external;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge's memory of actions and pushes is bounded, and says which ids it let go and which never existed. */
class RecentByIdTest {

    @Test
    void holdsOnlyTheLatestAndForgetsTheOldest() {
        RecentById<String> recent = new RecentById<>(3, "actions");
        for (long id = 1; id <= 10; id++) {
            recent.put(id, "a" + id);
        }

        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.get(10)).contains("a10");
        assertThat(recent.get(8)).contains("a8");
        assertThat(recent.get(7)).isEmpty();
    }

    @Test
    void anIdLetGoIsToldApartFromOneNeverSent() {
        RecentById<String> recent = new RecentById<>(2, "actions");
        for (long id = 1; id <= 5; id++) {
            recent.put(id, "a" + id);
        }

        assertThat(recent.whyUnknown(2, " never sent")).contains("more than 2 actions ago and no longer holds");
        assertThat(recent.whyUnknown(99, " never sent")).isEqualTo(" never sent");
        assertThat(new RecentById<String>(2, "pushes").whyUnknown(1, " never sent")).isEqualTo(" never sent");
    }
}
