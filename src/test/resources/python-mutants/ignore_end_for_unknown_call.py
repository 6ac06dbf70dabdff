"""Mutant (R-TX-6): an end action for a call the app does not know (one left over from an earlier launch) is returned
from without fulfil or fail (flutter_callkit_incoming PR #850)."""
from _mutant import App, main


class IgnoreEndForUnknownCall(App):
    def perform_end(self, m):
        if m["call"] in self.calls:
            super().perform_end(m)


main(IgnoreEndForUnknownCall)
