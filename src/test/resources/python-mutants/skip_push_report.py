"""Mutant (R-PUSH-1): returns from the PushKit handler without reporting, planning to report once signalling connects."""
from _mutant import App, main, as_uuid


class SkipPushReport(App):
    def did_receive_incoming_push(self, push, payload):
        self.log("handleIncomingCall", as_uuid(payload.get("callId")), via="push", deferred="true")
        self.send("pushCompletion", push=push)


main(SkipPushReport)
