package dev.callflow.signalling;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Push-style journal: WireMock calls {@link #beforeResponseSent} for every served request (matched or not),
 * and the tap routes it by device header to that device's listener. No polling, no resetAll. Only requests carrying
 * the server's key ({@value SignallingHeaders#KEY}) count: anyone else's request is served but reaches no device.
 */
final class JournalTap implements ServeEventListener {
    private static final Logger LOG = Logger.getLogger(JournalTap.class.getName());

    private final Map<String, ExchangeListener> listeners = new ConcurrentHashMap<>();
    private final byte[] key;

    JournalTap(String key) {
        this.key = key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public String getName() {
        return "callflow-journal-tap";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    boolean attach(String deviceId, ExchangeListener listener) {
        return listeners.putIfAbsent(deviceId, listener) == null;
    }

    void detach(String deviceId, ExchangeListener listener) {
        listeners.remove(deviceId, listener);
    }

    /**
     * Before the response goes out, so the exchange is on the timeline before the app can react to the answer:
     * a timeline then never shows the app acting on a response before the request that produced it.
     */
    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        LoggedRequest req = event.getRequest();
        String deviceId = req.getHeader(SignallingHeaders.DEVICE);
        if (deviceId == null) {
            return; // not a device request
        }
        String presented = req.getHeader(SignallingHeaders.KEY);
        if (presented == null || !java.security.MessageDigest.isEqual(key,
                presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return; // not the harness's request: someone posing as a phone
        }
        ExchangeListener listener = listeners.get(deviceId);
        if (listener == null) {
            return;
        }
        try {
            listener.onExchange(toExchange(deviceId, event));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "exchange listener for device " + deviceId + " threw", e);
        }
    }

    private static SignallingExchange toExchange(String deviceId, ServeEvent event) {
        LoggedRequest req = event.getRequest();
        LoggedResponse res = event.getResponse();
        String url = req.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader h : req.getHeaders().all()) {
            headers.put(h.key(), String.join(", ", h.values()));
        }
        int status;
        String responseBody;
        if (res != null) {
            status = res.getFault() != null ? 0 : res.getStatus();
            responseBody = res.getBodyAsString();
        } else {
            ResponseDefinition def = event.getResponseDefinition();
            status = def == null || def.getFault() != null ? 0 : def.getStatus();
            responseBody = def == null || def.getBody() == null ? "" : def.getBody();
        }
        return new SignallingExchange(deviceId, req.getMethod().getName(), path, status,
                req.getBodyAsString(), responseBody, headers);
    }
}
