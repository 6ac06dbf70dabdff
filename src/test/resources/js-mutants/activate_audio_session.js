'use strict';
// Mutant (R-AUD-1), bug #17/#22 of CALLKIT-RULES.md section 3 (twilio/voice-quickstart-ios #375,
// flutter_callkit_incoming #4): activates the audio session itself when the user answers, as a non-CallKit app would.
const { CallApp, run } = require('../../../../examples/js-iut/app');

class ActivateAudioSession extends CallApp {
  configureAudioSession() {
    super.configureAudioSession();
    this.iut.callNow('audioSession', { op: 'setActive', active: true }); // the refusal in its result goes unread
  }
}

run(ActivateAudioSession);
