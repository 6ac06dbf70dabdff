"""Mutant (R-END-1): on a remote hang-up it tears media down but never tells CallKit the call ended."""
from _mutant import App, main


class ForgetRemoteEndReport(App):
    def on_remote_end(self, call, reason):
        if self.calls.pop(call, None) is None:
            self.log("remoteEndForUnknownCall", call, reason=reason)
            return
        self.release_media(call)


main(ForgetRemoteEndReport)
