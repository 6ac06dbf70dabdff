"""The Python example app (examples/python-iut/app.py) misbehaving in its answer handler, for FailureMessagesGoldenTest:
`python3 misbehaving_app.py MODE`. MODE exit-on-answer: writes one line on stderr and exits with code 1;
hang-on-answer: never returns from the handler (the hang guard ends it)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "examples", "python-iut"))

import app  # noqa: E402  (the example IUT)

MODE = sys.argv[1]


class Misbehaving(app.App):
    def perform_answer(self, m):
        if MODE == "exit-on-answer":
            sys.stderr.write("KeyError: 'answer' (the app's own crash)\n")
            sys.stderr.flush()
            os._exit(1)
        for _ in sys.stdin:  # hang-on-answer: read, never answer, until the harness kills us
            pass
        os._exit(0)


app.main(Misbehaving)
