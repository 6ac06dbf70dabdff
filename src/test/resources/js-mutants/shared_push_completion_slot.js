'use strict';
// Mutant (R-PUSH-3), bug #46 of CALLKIT-RULES.md section 3 (GetStream/stream-video-swift PR #1219): one variable holds
// "the" PushKit completion; each report's completion runs whatever it holds and clears it. With two pushes in flight
// the second overwrites the first, whose completion is lost, and runs at the first report's completion.
const { CallApp, run } = require('../../../../examples/js-iut/app');

class SharedPushCompletionSlot extends CallApp {
  didReceiveIncomingPush(payload, completion) {
    this.pushCompletion = completion;
    super.didReceiveIncomingPush(payload, () => {
      const pending = this.pushCompletion;
      this.pushCompletion = null;
      pending?.();
    });
  }
}

run(SharedPushCompletionSlot);
