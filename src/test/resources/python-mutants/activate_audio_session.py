"""Mutant (R-AUD-1): activates the audio session itself when the user answers, as a non-CallKit VoIP app would."""
from _mutant import App, main


class ActivateAudioSession(App):
    def configure_audio_session(self):
        super().configure_audio_session()
        self.iut.call_now("audioSession", op="setActive", active=True)  # the refusal in its result goes unread


main(ActivateAudioSession)
