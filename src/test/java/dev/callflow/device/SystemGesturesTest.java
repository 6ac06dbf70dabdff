package dev.callflow.device;

import dev.callflow.platform.Handle;
import dev.callflow.platform.HandleType;
import dev.callflow.platform.ProviderConfiguration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callflow.platform.AppFactory;
import dev.callflow.platform.AppSettings;
import dev.callflow.timeline.Event;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The headset button (R-INC-6), taps in Recents (R-CFG-3) and app settings through the app factory. */
@Timeout(10)
class SystemGesturesTest extends DeviceTest {
    private final List<Handle> activities = new CopyOnWriteArrayList<>();

    @Test
    void theHeadsetButtonEndsTheActiveCallWithoutARequestFromTheApp() {
        f.launch();
        UUID call = f.activeCall();

        f.device().callUi().pressHeadsetButton();

        Event pressed = f.await("userPressedHeadsetButton", call);
        assertThat(pressed.attributes()).containsEntry("effect", "end");
        Event perform = f.awaitAfter(pressed, "performEndCallAction", call);
        assertThat(perform.attributes()).containsEntry("origin", "headset");
        f.await("didDeactivateAudioSession", call);
        assertThat(f.events("requestTransaction", null)).isEmpty();
    }

    @Test
    void theHeadsetButtonAnswersARingingCallWhenNoneIsActive() {
        f.launch();
        UUID call = f.ringingCall();

        f.device().callUi().pressHeadsetButton();

        Event perform = f.await("performAnswerCallAction", call);
        assertThat(perform.attributes()).containsEntry("origin", "headset");
        f.await("didActivateAudioSession", call);
    }

    @Test
    void theHeadsetButtonWithNoCallIsAHarnessError() {
        f.launch();
        assertThatThrownBy(() -> f.device().callUi().pressHeadsetButton()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neither");
    }

    @Test
    void aRecentsTapWithASupportedHandleTypeOpensTheAppAndContinuesTheActivity() {
        app.onUserActivity = activities::add;
        f.launch();
        f.device().moveAppToBackground();
        Handle bob = Handle.generic("bob");

        f.device().callUi().tapRecents(bob);

        Event delivered = f.await("continueUserActivity", null);
        assertThat(delivered.attributes()).containsEntry("handle", "bob").containsEntry("handleType", "generic");
        f.settle();
        assertThat(activities).containsExactly(bob);
        assertThat(f.device().appState()).isEqualTo(AppState.FOREGROUND);
    }

    @Test
    void aRecentsTapWithAnUnsupportedHandleTypeNeverReachesTheApp() {
        app.onUserActivity = activities::add;
        app.configuration = ProviderConfiguration.builder("ScriptedApp").supportedHandleTypes(EnumSet.of(HandleType.PHONE_NUMBER)).build();
        f.launch();

        f.device().callUi().tapRecents(Handle.generic("bob"));

        Event refused = f.await("continueUserActivityNotDelivered", null);
        assertThat(refused.attributes()).containsEntry("handleType", "generic")
                .containsEntry("supportedHandleTypes", "[phoneNumber]");
        f.settle();
        assertThat(activities).isEmpty();
        assertThat(f.events("continueUserActivity", null)).isEmpty();
    }

    @Test
    void aRecentsTapLaunchesAKilledAppAndDecidesAgainstTheProviderItCreatesAtLaunch() {
        app.onUserActivity = activities::add;
        Handle number = new Handle(HandleType.GENERIC, "+15551234567");

        f.device().callUi().tapRecents(number);

        Event launched = f.await("appLaunched", null);
        assertThat(launched.attributes()).containsEntry("reason", "user");
        f.awaitAfter(launched, "continueUserActivity", null);
        f.settle();
        assertThat(activities).containsExactly(number);
    }

    @Test
    void theAppFactoryHandsEachLaunchTheDevicesCurrentSettings() {
        List<AppSettings> seen = new CopyOnWriteArrayList<>();
        try (DeviceFixture g = new DeviceFixture(app, DeviceFixture.timing(java.time.Duration.ofSeconds(5)),
                b -> b.app(AppFactory.configurable(s -> {
                    seen.add(s);
                    return app;
                })))) {
            g.launch();
            g.device().killApp();
            AppSettings phoneOnly = AppSettings.defaults().withSupportedHandleTypes(Set.of(HandleType.PHONE_NUMBER));
            g.device().appSettings(phoneOnly);
            g.launch();
            assertThat(seen).containsExactly(AppSettings.defaults(), phoneOnly);
        }
    }
}
