"""Mutant (R-MULTI-1): right after fulfilling an end action, in the same handler, the app also reports its other live
calls ended, without telling the server (hiennguyen92/flutter_callkit_incoming #794)."""
from _mutant import App, main


class EndOthersAfterFulfil(App):
    def perform_end(self, m):
        super().perform_end(m)
        for other in list(self.calls):
            self.calls.pop(other)
            self.send("reportEnded", call=other, reason="remoteEnded")
            if other == self.media_owner:
                self.release_media(other)


main(EndOthersAfterFulfil)
