package dev.callflow.device;

import org.junit.jupiter.api.BeforeEach;

/** A device with a launched {@link ScriptedApp} for each test, closed after it. */
abstract class LaunchedDeviceTest extends DeviceTest {

    @BeforeEach
    void launch() {
        f.launch();
    }
}
