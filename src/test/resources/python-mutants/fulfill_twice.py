"""Mutant (R-TX-1): fulfils the answer at once, to feel snappy, and again when the server accepted."""
from _mutant import App, main


class FulfillTwice(App):
    def perform_answer(self, m):
        if m["call"] in self.calls:
            self.send("fulfill", actionId=m["actionId"])
        super().perform_answer(m)


main(FulfillTwice)
