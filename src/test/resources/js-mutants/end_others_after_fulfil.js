'use strict';
// Mutant (R-MULTI-1), bug #25 of CALLKIT-RULES.md section 3 (hiennguyen92/flutter_callkit_incoming #794): right after
// fulfilling the end action, in the same handler, the app also reports its other live calls ended, without telling
// the server.
const { CallApp, run } = require('../../../../examples/js-iut/app');

class EndOthersAfterFulfil extends CallApp {
  performEnd(action) {
    super.performEnd(action);
    for (const other of [...this.calls.keys()]) {
      this.calls.delete(other);
      this.send('reportEnded', { call: other, reason: 'remoteEnded' });
      if (other === this.mediaOwner) this.releaseMedia(other);
    }
  }
}

run(EndOthersAfterFulfil);
