'use strict';
// Mutant (R-END-1), bug #10/#19 of CALLKIT-RULES.md section 3 (twilio/voice-quickstart-ios #190, voice-quickstart-objc
// #89): on a remote hang-up it tears media down but never tells CallKit the call ended.
const { CallApp, run } = require('../../../../examples/js-iut/app');

class ForgetRemoteEndReport extends CallApp {
  onRemoteEnd(call, reason) {
    if (!this.calls.delete(call)) {
      this.log('remoteEndForUnknownCall', call, { reason });
      return;
    }
    this.releaseMedia(call);
  }
}

run(ForgetRemoteEndReport);
