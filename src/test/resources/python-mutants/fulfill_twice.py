"""Mutant (R-TX-1): completes every action twice, as a completion called on the success path and again in a finally."""
from _mutant import App, main


class FulfillTwice(App):
    def complete(self, action, fulfil):
        super().complete(action, fulfil)
        if fulfil:
            self.send("fulfill", actionId=action.id)


main(FulfillTwice)
