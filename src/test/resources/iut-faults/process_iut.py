"""IUTs that misbehave as processes rather than in the protocol, for ProcessOwnershipTest and IutVerdictMessagesTest:
`python3 process_iut.py MODE [PIDFILE]`. Each answers hello (unless its mode says otherwise) and then, in its
launch handler or around it, does one thing a harness must survive. PIDFILE receives "<own pid> <child pid>" once a
mode that starts a child has started it."""
import json
import os
import subprocess
import sys
import threading
import time

MODE = sys.argv[1]
PIDFILE = sys.argv[2] if len(sys.argv) > 2 else None


def send(**m):
    sys.stdout.write(json.dumps(m, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def read():
    line = sys.stdin.readline()
    return json.loads(line) if line else None


def forever():
    """Runs on whatever happens to stdin, until killed."""
    while True:
        time.sleep(3600)


def child():
    """`sleep 300` in the background, holding our stdout and stderr open. A shell starts it and exits at once, as a
    daemonising helper would: the sleep is no descendant of ours any more, yet still in our process group. Its pid
    goes to PIDFILE, after ours."""
    where = (PIDFILE or "/tmp/process_iut.%d" % os.getpid()) + ".child"
    subprocess.run(["sh", "-c", 'sleep 300 </dev/null & echo $! > "$0"', where], check=True)
    with open(where) as f:
        sleeper = int(f.read())
    os.remove(where)
    if PIDFILE:
        with open(PIDFILE + ".tmp", "w") as f:
            f.write("%d %d\n" % (os.getpid(), sleeper))
        os.replace(PIDFILE + ".tmp", PIDFILE)


def answer_launch(m):
    send(type="createProvider", configuration={"localizedName": "Proc", "supportedHandleTypes": ["generic"]})
    send(type="done", re=m["id"])


if MODE == "never-read":
    send(type="hello", protocol="callflow-iut/2", name="proc-" + MODE, version="0")  # without reading the harness's
    forever()

read()
if MODE in ("orphan", "ignore-eof"):
    child()
send(type="hello", protocol="callflow-iut/2", name="proc-" + MODE, version="0")

if MODE == "endless-line":
    read()  # launch
    chunk = "x" * 65536
    while True:
        sys.stdout.write(chunk)
elif MODE == "hello-then-sleep":
    forever()
elif MODE == "close-stdout":
    sys.stdout.close()
    os.close(1)
    forever()
elif MODE == "orphan":
    sys.exit(5)  # the child keeps stdout open
elif MODE == "stderr-forever":
    def spam():
        sys.stderr.write("y" * (1 << 20) + "\n")  # one line of 1 MiB
        n = 0
        while True:
            n += 1
            sys.stderr.write("stderr line %d\n" % n)
    threading.Thread(target=spam, daemon=True).start()

while True:
    message = read()
    if message is None:
        if MODE == "ignore-eof":
            forever()  # EOF on stdin: carries on regardless
        sys.exit(0)
    if message["type"] == "bye":
        if MODE == "ignore-eof":
            continue
        sys.exit(0)
    if message["type"] == "launch":
        answer_launch(message)
    elif "id" in message:
        send(type="done", re=message["id"])
