package dev.callflow.device;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A device with a launched {@link ScriptedApp} for each test, closed after it. */
abstract class LaunchedDeviceTest {
    protected final ScriptedApp app = new ScriptedApp();
    protected DeviceFixture f;

    @BeforeEach
    void launch() {
        f = new DeviceFixture(app).launch();
    }

    @AfterEach
    void close() {
        f.close();
    }
}
