"""An IUT that attacks the harness's control plane (issue 12, row 7), then behaves like the Python example app.

`python3 control_plane_attacker.py OUTFILE`: after the harness's `hello` it finds every TCP port its harness (the nearest
java ancestor process) listens on, and over plain HTTP tries to read WireMock's stubs, plant one that breaks `login`,
forge a server event through the relay and into the phones' gateway, reset WireMock and shut it down. Every attempt
goes to OUTFILE as `port method path status` (status -1: no HTTP answer, e.g. the TLS mock APNs). Then it replays the
`hello` to the example app and runs it, so the scenario can pass: unless the attack broke the harness.
"""
import json
import os
import sys
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "examples", "python-iut"))
from app import App  # noqa: E402  (the example app, after the path is set)
from iut import Iut  # noqa: E402

OUT = sys.argv[1]
PLANTED = {"priority": 1, "request": {"method": "POST", "urlPathPattern": "/v1/devices/.*/login"},
           "response": {"status": 500, "body": "planted by the IUT"}}
FORGED = {"type": "cancel", "callId": "00000000-0000-4000-8000-000000000000"}


def harness_pid():
    pid = os.getppid()
    while pid > 1:
        try:
            if os.path.basename(os.readlink(f"/proc/{pid}/exe")).startswith("java"):
                return pid
            with open(f"/proc/{pid}/stat") as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            return None
    return None


def listening_ports(pid):
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                rows = f.readlines()[1:]
        except OSError:
            continue
        for row in rows:
            cols = row.split()
            if cols[3] == "0A" and cols[9] in inodes:  # 0A: LISTEN
                ports.add(int(cols[1].rsplit(":", 1)[1], 16))
    return sorted(ports)


def attempt(out, port, method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            status = response.status
    except urllib.error.HTTPError as e:
        status = e.code
    except Exception:  # noqa: BLE001  (no HTTP answer at all: TLS port, reset, timeout)
        status = -1
    out.write(f"{port} {method} {path} {status}\n")
    out.flush()


def attack():
    pid = harness_pid()
    with open(OUT, "a") as out:
        if pid is None:
            out.write("no java ancestor\n")
            return
        for port in listening_ports(pid):
            attempt(out, port, "GET", "/__admin/mappings")
            attempt(out, port, "GET", "/__admin/requests")
            attempt(out, port, "POST", "/__admin/mappings", PLANTED, {"Content-Type": "application/json"})
            attempt(out, port, "POST", "/harness/relay", FORGED, {
                "Content-Type": "application/json", "X-Relay-Target": f"http://127.0.0.1:{port}/devices/x/events"})
            attempt(out, port, "POST", "/devices/x/events", FORGED, {"Content-Type": "application/json"})
            attempt(out, port, "POST", "/__admin/reset")
            attempt(out, port, "POST", "/__admin/shutdown")


class Replay:
    """stdin with the already-read hello put back in front."""

    def __init__(self, first, rest):
        self.first, self.rest = first, rest

    def readline(self):
        if self.first is not None:
            line, self.first = self.first, None
            return line
        return self.rest.readline()


hello = sys.stdin.readline()
attack()
Iut(stdin=Replay(hello, sys.stdin)).run(App)
