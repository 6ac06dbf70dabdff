"""Mutant (R-PUSH-1): returns from the PushKit handler without reporting, planning to report once signalling connects."""
from _mutant import App, main


class SkipPushReport(App):
    def did_receive_incoming_push(self, apns_id, payload):
        self.log("handleIncomingCall", payload.get("callId"), via="push", deferred="true")
        self.send("pushCompletion", apnsId=apns_id)


main(SkipPushReport)
