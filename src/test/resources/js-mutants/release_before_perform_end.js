'use strict';
// Mutant (R-END-2), bug #18 of CALLKIT-RULES.md section 3 (twilio/voice-quickstart-ios #228): tears the SDK down when
// the user taps hang-up, before the system's performEndCallAction.
const { CallApp, run } = require('../../../../examples/js-iut/app');

class ReleaseBeforePerformEnd extends CallApp {
  userHangsUp(call) {
    this.releaseMedia(call);
    super.userHangsUp(call);
  }
}

run(ReleaseBeforePerformEnd);
