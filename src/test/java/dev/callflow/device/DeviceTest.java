package dev.callflow.device;

import dev.callflow.platform.VoipPush;
import org.junit.jupiter.api.AfterEach;

import java.util.Map;
import java.util.UUID;

/** A device with a {@link ScriptedApp}, not yet launched, for each test, closed after it. */
abstract class DeviceTest {
    protected final ScriptedApp app = new ScriptedApp();
    protected final DeviceFixture f = new DeviceFixture(app);

    @AfterEach
    void close() {
        f.close();
    }

    /** A VoIP push for {@code call} from alice. */
    protected static VoipPush push(UUID call) {
        return new VoipPush("apns-" + call, "{\"aps\":{},\"callId\":\"" + call + "\"}",
                Map.of("callId", call.toString(), "caller", "alice"));
    }
}
