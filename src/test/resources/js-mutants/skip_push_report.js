'use strict';
// Mutant (R-PUSH-1), bug #5/#6 of CALLKIT-RULES.md section 3 (react-native-callkeep #163, #664): returns from the
// PushKit handler without reporting, planning to report once signalling connects.
const { CallApp, run, asUuid, field } = require('../../../../examples/js-iut/app');

class SkipPushReport extends CallApp {
  didReceiveIncomingPush(payload, completion) {
    this.log('handleIncomingCall', asUuid(field(payload, 'callId')), { via: 'push', deferred: 'true' });
    completion();
  }
}

run(SkipPushReport);
