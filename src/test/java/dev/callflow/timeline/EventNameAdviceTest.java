package dev.callflow.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names people get wrong point at names that exist, and never shadow a real kind. */
class EventNameAdviceTest {

    @Test
    void everyWrongNameIsNoKindAndEveryRightOneIsAKind() {
        EventNameAdvice.wrongNames().forEach((wrong, right) -> {
            assertThat(EventKind.named(wrong)).as("%s is a kind itself", wrong).isEmpty();
            assertThat(EventKind.named(right.split(" ")[0])).as("%s → %s", wrong, right).isPresent();
        });
    }

    @Test
    void aKnownWrongNameComesBeforeTheNamesSpeltAlike() {
        assertThat(EventNameAdvice.suggestions("userChoseDecline", 3)).startsWith("userDeclinedOtherCall");
        assertThat(EventNameAdvice.suggestions("noAnswer", 3)).startsWith("serverEvent type=noAnswer");
        assertThat(EventNameAdvice.suggestions("didActivateAudioSesion", 3)).startsWith("didActivateAudioSession");
        assertThat(EventNameAdvice.unknown("hangup")).isEqualTo(
                "'hangup' is no event of the vocabulary; did you mean hangUp? (./callflow events lists them)");
    }
}
