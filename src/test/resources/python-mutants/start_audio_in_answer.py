"""Mutant (R-AUD-2): starts media as soon as the user answers, instead of in didActivateAudioSession."""
from _mutant import App, main


class StartAudioInAnswer(App):
    def perform_answer(self, m):
        self.sdk("configAudio")
        self.sdk("startAudio")
        super().perform_answer(m)

    def start_media(self):
        pass  # the mutant believes audio is already running


main(StartAudioInAnswer)
