package dev.callflow.steps;

import dev.callflow.device.OtherCalls;
import io.cucumber.java.ParameterType;

import java.util.Map;

/** Plain-language words, English or Chinese, mapped onto the platform's vocabularies. */
public class ParameterTypes {
    private static final Map<String, OtherCalls.Kind> OTHER_CALLS_ZH = Map.of(
            "蜂窝电话", OtherCalls.Kind.CELLULAR,
            "普通电话", OtherCalls.Kind.CELLULAR,
            "其他应用的来电", OtherCalls.Kind.OTHER_APP,
            "另一个 VoIP 应用的来电", OtherCalls.Kind.OTHER_APP);

    @ParameterType("cellular call|phone call|call from another app|call from another VoIP app"
            + "|蜂窝电话|普通电话|其他应用的来电|另一个 VoIP 应用的来电")
    public OtherCalls.Kind otherCall(String text) {
        OtherCalls.Kind zh = OTHER_CALLS_ZH.get(text);
        return zh != null ? zh : OtherCalls.Kind.parse(text);
    }
}
