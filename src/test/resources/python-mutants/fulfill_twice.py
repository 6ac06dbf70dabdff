"""Mutant (R-TX-1): completes every action twice, as a completion called on the success path and again in a finally."""
from _mutant import App, main


class FulfillTwice(App):
    def send(self, type_, **fields):
        super().send(type_, **fields)
        if type_ == "fulfill":
            super().send(type_, **fields)


main(FulfillTwice)
