'use strict';
// Mutant (R-TX-6), bug #24 of CALLKIT-RULES.md section 3 (flutter_callkit_incoming PR #850): a CXEndCallAction for a
// call the app does not know (e.g. one left over from an earlier launch) is returned from without fulfil or fail.
const { CallApp, run } = require('../../../../examples/js-iut/app');

class IgnoreEndForUnknownCall extends CallApp {
  performEnd(action) {
    if (this.calls.has(action.call)) super.performEnd(action);
  }
}

run(IgnoreEndForUnknownCall);
