"""Tiny misbehaving IUTs for ProtocolFaultTest: `python3 bad_iut.py MODE`. Each mode breaks callflow-iut/1 one way."""
import json
import os
import signal
import sys
import time

MODE = sys.argv[1]
seen = 0


def send(**m):
    sys.stdout.write(json.dumps(m) + "\n")
    sys.stdout.flush()


def read():
    global seen
    line = sys.stdin.readline()
    if not line:
        sys.exit(0)
    seen += 1
    return json.loads(line)


def hang():
    while True:
        time.sleep(60)


hello = read()
if MODE == "no-hello":
    hang()
send(type="hello", protocol="callflow-iut/2" if MODE == "wrong-version" else "callflow-iut/1", name="bad-" + MODE,
     version="0")
launch = read()
send(type="createProvider", configuration={"localizedName": "Bad", "supportedHandleTypes": ["generic"]})
send(type="setPushDelegate")
send(type="launchHandled", re=launch["id"])
if MODE == "echo-hello":
    send(type="log", event="helloSeen", attributes={"timeScale": str(hello.get("timeScale")),
                                                     "settings": json.dumps(hello.get("settings"), sort_keys=True)})
elif MODE == "hang-in-perform":
    send(type="requestTransaction", id=2, actions=[{"action": "start", "call": "6f1e0c43-3d4e-4a53-9d7a-3b1d4cf0e1a1",
                                                    "handle": {"type": "generic", "value": "bob"}}])
send(type="idle", seen=seen)

if MODE == "garbage":
    print("Traceback? no: this line is not JSON", flush=True)
elif MODE == "unknown-type":
    send(type="makeCoffee", strength="strong")
elif MODE == "flood":
    for i in range(20000):
        send(type="log", event="spam", attributes={"n": i})

while True:
    m = read()
    if MODE == "hang-in-push" and m["type"] == "voipPush":
        hang()
    if MODE == "hang-elsewhere" and m["type"] == "lifecycle":
        hang()
    if MODE == "hang-in-perform" and m["type"] == "perform":
        hang()
    if MODE == "busy" and m["type"] == "lifecycle":
        send(type="busy", seen=seen)  # handled, but (it says) an HTTP request is still in flight
        continue
    if m["type"] == "voipPush":
        p = m["payload"]
        send(type="reportIncoming", id=1, call=p["callId"], handle={"type": "generic", "value": p["caller"]})
        send(type="pushHandled", re=m["id"])
    elif m["type"] == "reportCompletion":
        send(type="log", event="aboutToDie", call=None)
        print("fatal: simulated crash in " + MODE, file=sys.stderr, flush=True)
        if MODE == "kill-9":
            os.kill(os.getpid(), signal.SIGKILL)
        elif MODE == "exit-3":
            sys.exit(3)
    send(type="idle", seen=seen)
