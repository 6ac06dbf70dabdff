"""Mutant (R-AUD-1): activates the audio session itself when the user answers, as a non-CallKit VoIP app would."""
from _mutant import App, main


class ActivateAudioSession(App):
    def configure_audio_session(self):
        super().configure_audio_session()
        self.request("audioSession", op="setActive", active=True)


main(ActivateAudioSession)
