"""Shared by the Python mutants: imports the Python reference IUT (examples/python-iut/app.py) to subclass it."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "examples", "python-iut"))

import app  # noqa: E402  (the reference IUT)

App = app.App
main = app.main
as_uuid = app.as_uuid
