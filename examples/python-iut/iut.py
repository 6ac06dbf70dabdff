"""callflow-iut/2 plumbing for a Python app (docs/iut-protocol.md), standard library only.

The harness hands the app one message at a time, as iOS calls an app's delegates on its main queue. run() reads a
message, calls the app's handler for it and answers "done" when that handler returns; nothing of the app runs between
handlers. The app's server and clock are the harness's too: http() and set_timer() take a callback that runs later as
the handler of the response or the timer. No threads, no sockets, no time arithmetic.

    class App:
        def launch(self, m): ...        # one method per handler message: launch, push_credentials, voip_push,
        def perform(self, m): ...       # perform, action_timed_out, audio_activated, audio_deactivated,
                                        # provider_reset, signalling, user, lifecycle; a missing one does nothing
    Iut().run(App)                      # App(iut, hello) is made once the harness said hello
"""
import json
import sys

PROTOCOL = "callflow-iut/2"

# handler message type -> the app's method for it
HANDLERS = {"launch": "launch", "pushCredentials": "push_credentials", "voipPush": "voip_push", "perform": "perform",
            "actionTimedOut": "action_timed_out", "audioActivated": "audio_activated",
            "audioDeactivated": "audio_deactivated", "providerReset": "provider_reset", "signalling": "signalling",
            "user": "user", "lifecycle": "lifecycle"}


class Iut:
    def __init__(self, stdin=sys.stdin, stdout=sys.stdout):
        self.stdin, self.stdout = stdin, stdout
        self.last_id = 0
        self.completions = {}  # id of our reportIncoming / requestTransaction / http -> callback(message)
        self.timers = {}       # timer name -> callback()

    # ---- calls ------------------------------------------------------------------------------------------------

    def send(self, type_, **fields):
        """Writes one call; fields that are None are left out."""
        message = {"type": type_, **{k: v for k, v in fields.items() if v is not None}}
        self.stdout.write(json.dumps(message, separators=(",", ":")) + "\n")
        self.stdout.flush()

    def call(self, type_, then=None, **fields):
        """An asynchronous call (reportIncoming, requestTransaction, http): then(message) handles its completion."""
        self.last_id += 1
        self.completions[self.last_id] = then
        self.send(type_, id=self.last_id, **fields)

    def call_now(self, type_, **fields):
        """A synchronous call (sdk, audioSession setActive): returns its result, which comes before anything else."""
        self.last_id += 1
        self.send(type_, id=self.last_id, **fields)
        return self.read()

    def http(self, method, path, body=None, then=None):
        """A request to the app's server; then(message) handles the httpResponse (status, body, error)."""
        self.call("http", then, method=method, path=path, body=body)

    def set_timer(self, name, after_ms, then):
        """DispatchQueue.main.asyncAfter: then() handles the timer, unless cancelled; a pending name is replaced."""
        self.timers[name] = then
        self.send("setTimer", timer=name, afterMs=after_ms)

    def cancel_timer(self, name):
        if self.timers.pop(name, None) is not None:
            self.send("cancelTimer", timer=name)

    def log(self, event, call=None, **attributes):
        """The app's own log line (os_log): recorded on the timeline for people, never judged."""
        self.send("log", event=event, call=call, attributes={k: v for k, v in attributes.items() if v is not None})

    # ---- the loop ---------------------------------------------------------------------------------------------

    def read(self):
        line = self.stdin.readline()
        return json.loads(line) if line else None

    def run(self, app_class):
        hello = self.read()
        if hello is None:
            return
        app = app_class(self, hello)
        self.send("hello", protocol=PROTOCOL, name=app.NAME, version=app.VERSION)
        while True:
            m = self.read()
            if m is None or m["type"] == "bye":
                return  # the system killed the app: no code runs after bye
            if m["type"] == "result":
                continue  # the result of a synchronous call nobody waited for
            self.handle(app, m)
            self.send("done", re=m["id"])

    def handle(self, app, m):
        kind = m["type"]
        if kind in ("reportCompletion", "transactionCompletion", "httpResponse"):
            then = self.completions.pop(m["re"], None)
            if then:
                then(m)
        elif kind == "timer":
            then = self.timers.pop(m["timer"], None)
            if then:
                then()
        else:
            handler = getattr(app, HANDLERS.get(kind, ""), None)
            if handler:
                handler(m)
