'use strict';
// Mutant (R-TX-1), bug #46 of CALLKIT-RULES.md section 3 (GetStream/stream-video-swift PR #1162): completes every
// fulfilled action twice, as a completion called on the success path and again in a finally.
const { CallApp, run } = require('../../../../examples/js-iut/app');

class FulfillTwice extends CallApp {
  complete(action, fulfil) {
    super.complete(action, fulfil);
    if (fulfil) this.send('fulfill', { actionId: action.id });
  }
}

run(FulfillTwice);
