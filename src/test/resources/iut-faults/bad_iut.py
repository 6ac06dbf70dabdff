"""Tiny IUTs for ProtocolFaultTest: `python3 bad_iut.py MODE`. Each mode speaks callflow-iut/2 (docs/iut-protocol.md)
correctly except in one way, or exercises one rule of the conversation. No imports of the examples: raw lines only."""
import json
import os
import signal
import sys

MODE = sys.argv[1]
hello = None


def send(**m):
    sys.stdout.write(json.dumps(m, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def read():
    line = sys.stdin.readline()
    if not line:
        sys.exit(0)
    return json.loads(line)


def block():
    """Never answer again: read (and ignore) whatever comes until the harness kills us."""
    for _ in sys.stdin:
        pass
    sys.exit(0)


def log(event, **attributes):
    send(type="log", event=event, attributes={k: str(v) for k, v in attributes.items()})


def launch(m):
    send(type="createProvider", configuration={"localizedName": "Bad", "supportedHandleTypes": ["generic"]})
    if MODE != "outside":  # no push delegate: nothing follows the launch, so the stray line surely arrives between handlers
        send(type="setPushDelegate")
    if MODE == "garbage":
        print("Traceback? no: this line is not JSON", flush=True)
    elif MODE == "unknown-type":
        send(type="makeCoffee", strength="strong")
    elif MODE == "wrong-field":
        send(type="reportIncoming", id=1, call=12, handle={"type": "generic", "value": "alice"})
    elif MODE == "forge-log":
        log("fulfill", actionId="1")
        log("launchedFine")
    elif MODE == "unknown-action":
        send(type="fulfill", actionId=999)
    elif MODE == "flood":
        for i in range(20000):
            log("spam", n=i)
    elif MODE == "echo-hello":
        log("helloSeen", keys=",".join(sorted(hello)), settings=json.dumps(hello.get("settings"), sort_keys=True),
            sdk=hello.get("sdk"), harness=hello.get("harness"))
    elif MODE == "hang-in-perform":
        send(type="requestTransaction", id=2, actions=[{"action": "start", "call": "6f1e0c43-3d4e-4a53-9d7a-3b1d4cf0e1a1",
                                                        "handle": {"type": "generic", "value": "bob"}}])
    elif MODE == "forbidden":
        send(type="http", id=1, method="GET", path="/harness/relay")
        send(type="http", id=2, method="POST", path="/v1/../harness/relay", body={"x": 1})
        send(type="http", id=3, method="GET", path="/v1/%2e%2e/harness")
        send(type="http", id=4, method="GET", path="/v1/calls/ping")
    elif MODE == "sync-calls":
        send(type="sdk", id=1, op="startAudio")
        log("result", of="startAudio", line=json.dumps(read(), sort_keys=True))
        send(type="audioSession", id=2, op="setActive", active=True)
        log("result", of="setActive", line=json.dumps(read(), sort_keys=True))
        send(type="sdkReport", op="configAudio", attributes={"vendor": "acme"})
    elif MODE == "timers":
        send(type="setTimer", timer="a", afterMs=50)
        send(type="setTimer", timer="a", afterMs=10)  # replaces the first a
        send(type="setTimer", timer="b", afterMs=20)
        send(type="cancelTimer", timer="b")
        send(type="setTimer", timer="c", afterMs=30)
        send(type="cancelTimer", timer="never-set")
    if MODE == "wrong-done":
        send(type="done", re=m["id"] + 7)
        return
    send(type="done", re=m["id"])
    if MODE == "outside":
        log("afterDone")


def handle(m):
    kind = m["type"]
    if kind == "launch":
        launch(m)
        return
    if MODE == "hang-in-push" and kind == "voipPush" or MODE == "hang-in-perform" and kind == "perform":
        block()
    if kind == "voipPush":
        p = m["payload"]
        send(type="reportIncoming", id=1, call=p["callId"], handle={"type": "generic", "value": p["caller"]})
    elif kind == "reportCompletion" and MODE in ("kill-9", "exit-3"):
        log("aboutToDie")
        print("fatal: simulated crash in " + MODE, file=sys.stderr, flush=True)
        if MODE == "kill-9":
            os.kill(os.getpid(), signal.SIGKILL)
        sys.exit(3)
    elif kind == "httpResponse":
        log("httpAnswer", re=m["re"], status=m["status"], error=m.get("error", "-"))
    elif kind == "timer":
        log("timerFired", timer=m["timer"])
    send(type="done", re=m["id"])
    if MODE == "exit-between" and kind == "pushCredentials":
        sys.exit(4)  # nothing else is coming: the process ends between handlers


hello = read()
if MODE == "no-hello":
    block()
send(type="hello", protocol="callflow-iut/1" if MODE == "v1-hello" else "callflow-iut/2", name="bad-" + MODE, version="0")
while True:
    message = read()
    if message["type"] == "bye":
        sys.exit(0)
    if message["type"] != "result":
        handle(message)
