"""The Python example app (examples/python-iut/app.py), for InterruptedRunTest: `python3 hang_on_second_answer.py DIR`.
It answers the first call of a run as the example does; on the next answer it creates DIR/hanging and never returns
from the handler (until its stdin closes), so that the test knows, without waiting on a clock, that the run is
mid-scenario when it sends SIGINT. DIR/answered marks the first answer across the app's launches."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "examples", "python-iut"))

import app  # noqa: E402  (the example IUT)

STATE = sys.argv[1]


class HangOnSecondAnswer(app.App):
    def perform_answer(self, m):
        try:
            os.mkdir(os.path.join(STATE, "answered"))
        except FileExistsError:
            with open(os.path.join(STATE, "hanging"), "w") as marker:
                marker.write(str(os.getpid()))
            for _ in sys.stdin:  # never answer; end when the harness goes
                pass
            os._exit(0)
        return super().perform_answer(m)


app.main(HangOnSecondAnswer)
