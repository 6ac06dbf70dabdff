"""Mutant (R-PUSH-3): one variable holds "the" PushKit completion; each report's completion runs whatever it holds and
clears it, so with two pushes in flight the first push's completion is lost (GetStream/stream-video-swift PR #1219)."""
from _mutant import App, main


class SharedPushCompletionSlot(App):
    slot = None  # "the" completion: the id of the push it belongs to

    def did_receive_incoming_push(self, push, payload):
        self.slot = push  # a second push in flight overwrites the first
        super().did_receive_incoming_push(push, payload)

    def send(self, type_, **fields):
        if type_ != "pushCompletion":
            super().send(type_, **fields)
            return
        push, self.slot = self.slot, None  # whichever completion the slot holds now, whichever report completed
        if push is not None:
            super().send(type_, push=push)


main(SharedPushCompletionSlot)
