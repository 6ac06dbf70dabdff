package dev.callflow.steps;

import dev.callflow.device.OtherCalls;
import io.cucumber.java.ParameterType;

/** Plain-language words mapped onto the platform's vocabularies. */
public class ParameterTypes {

    @ParameterType("cellular call|phone call|call from another app|call from another VoIP app")
    public OtherCalls.Kind otherCall(String text) {
        return OtherCalls.Kind.parse(text);
    }
}
