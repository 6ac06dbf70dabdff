"""Mutant (R-END-2): tears the SDK down when the user taps hang-up, before the system's performEndCallAction."""
from _mutant import App, main


class ReleaseBeforePerformEnd(App):
    def user_hangs_up(self, call):
        self.release_media(call)
        super().user_hangs_up(call)


main(ReleaseBeforePerformEnd)
