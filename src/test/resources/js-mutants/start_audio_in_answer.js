'use strict';
// Mutant (R-AUD-2), bug #3/#4/#39 of CALLKIT-RULES.md section 3 (react-native-callkeep #84, react-native-callkit #57,
// jitsi-meet #6867): starts media as soon as the user answers, instead of in didActivateAudioSession.
const { CallApp, run } = require('../../../../examples/js-iut/app');

class StartAudioInAnswer extends CallApp {
  performAnswer(action) {
    this.sdk('configAudio');
    this.sdk('startAudio');
    super.performAnswer(action);
  }

  startMedia() {
    // the mutant believes audio is already running
  }
}

run(StartAudioInAnswer);
