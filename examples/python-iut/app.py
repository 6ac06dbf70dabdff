#!/usr/bin/env python3
"""A reference implementation under test (IUT) for callflow-harness, in Python 3.11, standard library only.

It speaks callflow-iut/1 over stdin/stdout (one JSON object per line); the protocol is docs/iut-protocol.md.
It behaves exactly like the harness's embedded reference app (ReferenceApp.java), step for step: report every
VoIP push before the handler returns, prepare media only after the report's completion, configure but never
activate the audio session, start audio in didActivate, release media only after performEndCallAction or a
reported end, and complete every action exactly once.

Run it:  ./callflow run --iut "python3 examples/python-iut/app.py"

Structure, as in an app: one main loop owns all state and handles one queue. The queue is fed by a thread that
reads stdin (the system's callbacks) and by HTTP worker threads (signalling requests; their results come back
through the queue). Everything written to stdout goes through one lock and is flushed at once.
"""
import json
import queue
import sys
import threading
import urllib.error
import urllib.request
import uuid

PROTOCOL = "callflow-iut/1"


class Call:
    """What the app itself knows about one call."""

    def __init__(self, call_id, outgoing, handle):
        self.id = call_id
        self.outgoing = outgoing
        self.handle = handle  # {"type": "generic", "value": "alice"}
        self.answered = False
        self.started_connecting = False


class App:
    def __init__(self, stdin=sys.stdin, stdout=sys.stdout):
        self.stdin, self.stdout = stdin, stdout
        self.out_lock = threading.Lock()
        self.inbox = queue.Queue()
        self.next_id = 0
        self.replies = {}        # id of a message we sent -> continuation for its answer
        self.http_in_flight = 0
        self.seen = 0            # harness messages handled so far (for "idle")
        self.idle_reported = None
        self.device_id = self.base_url = self.bundle_id = None
        self.calls = {}          # call id (str) -> Call
        self.media_owner = None  # the call the single SDK instance is prepared for (R-MULTI-2)

    # ---- plumbing: stdout, the queue, HTTP ----------------------------------------------------------------

    def send(self, type_, **fields):
        line = json.dumps({"type": type_, **fields}, separators=(",", ":"))
        with self.out_lock:
            self.stdout.write(line + "\n")
            self.stdout.flush()
        if type_ != "idle":
            self.idle_reported = None

    def request(self, type_, on_answer=None, **fields):
        """Sends a message that expects an answer ("re"); on_answer(answer) runs on the main loop."""
        self.next_id += 1
        self.replies[self.next_id] = on_answer
        self.send(type_, id=self.next_id, **fields)

    def log(self, event, call=None, **attributes):
        self.send("log", event=event, call=call, attributes=attributes)

    def sdk(self, op, call=None):
        """The harness's simulated media SDK; calls are fired in order, their sdkResult is not needed."""
        fields = {"call": call} if call else {}
        self.request("sdk", op=op, **fields)

    def http(self, method, path, body, then=None):
        """A signalling request on a worker thread; then(status or None) runs on the main loop."""
        self.http_in_flight += 1

        def work():
            req = urllib.request.Request(self.base_url + path, data=json.dumps(body).encode(), method=method,
                                         headers={"Content-Type": "application/json", "Accept": "application/json",
                                                  "X-Callflow-Device": self.device_id})
            try:
                with urllib.request.urlopen(req, timeout=10) as response:
                    status = response.status
            except urllib.error.HTTPError as e:
                status = e.code
            except OSError:
                status = None
            self.inbox.put(("http", lambda: then(status) if then else None))

        threading.Thread(target=work, daemon=True).start()

    def read_stdin(self):
        for line in self.stdin:
            if line.strip():
                self.inbox.put(("harness", json.loads(line)))
        self.inbox.put(("eof", None))

    def run(self):
        threading.Thread(target=self.read_stdin, daemon=True).start()
        while True:
            kind, item = self.inbox.get()
            if kind == "eof":
                return
            if kind == "harness":
                self.seen += 1
                if item["type"] == "bye":
                    return
                self.on_message(item)
            else:
                self.http_in_flight -= 1
                item()
            # Tell the harness when nothing is left to do, so it knows the device has settled.
            if self.inbox.empty() and self.http_in_flight == 0 and self.idle_reported != self.seen:
                self.send("idle", seen=self.seen)
                self.idle_reported = self.seen

    def on_message(self, m):
        t = m["type"]
        if t in ("reportCompletion", "transactionCompletion", "audioResult", "sdkResult"):
            on_answer = self.replies.pop(m["re"], None)
            if on_answer:
                on_answer(m)
        elif t == "hello":
            self.device_id, self.base_url, self.bundle_id = m["deviceId"], m["signallingBaseUrl"], m["bundleId"]
            self.send("hello", protocol=PROTOCOL, name="python-reference", version="1.0")
        elif t == "launch":
            self.did_finish_launching(m["reason"])
            self.send("launchHandled", re=m["id"])
        elif t == "pushCredentials":
            self.http("PUT", f"/v1/devices/{self.device_id}/push-token", {"token": m["token"]})
        elif t == "voipPush":
            self.did_receive_incoming_push(m["apnsId"], m.get("payload") or {})
            self.send("pushHandled", re=m["id"])
        elif t == "perform":
            handler = {"start": self.perform_start, "answer": self.perform_answer, "end": self.perform_end,
                       "setHeld": self.perform_set_held}.get(m["action"])
            if handler:
                handler(m)
            else:
                self.send("fail", actionId=m["actionId"])  # setMuted: unsupported, as in Speakerbox
        elif t == "actionTimedOut":
            self.log("actionTimedOut", m["call"], action=m["action"])
        elif t == "audioActivated":
            self.start_media()
        elif t == "providerReset":
            self.provider_did_reset()
        elif t == "signalling":
            self.on_signalling_event(m["event"])
        elif t == "user":
            gesture = m["gesture"]
            if gesture == "startCall":
                self.user_starts_call(m["call"], m["handle"])
            elif gesture == "hangUp":
                self.user_hangs_up(m["call"])
            elif gesture == "continueActivity":
                self.user_starts_call(str(uuid.uuid4()), m["handle"])
            elif gesture == "resumeCall":
                self.user_resumes_call(m["call"])
        # audioDeactivated: media was stopped in performEnd already (R-AUD-3); lifecycle: nothing to do

    # ---- launch -------------------------------------------------------------------------------------------

    def did_finish_launching(self, reason):
        self.send("createProvider", configuration={
            "localizedName": "CallApp", "maximumCallGroups": 2, "maximumCallsPerCallGroup": 1,
            "supportedHandleTypes": ["generic", "phoneNumber"], "includesCallsInRecents": True,
            "supportsVideo": False})
        self.send("setPushDelegate")
        self.http("POST", f"/v1/devices/{self.device_id}/login", {"user": "user-" + self.bundle_id})

    # ---- incoming -----------------------------------------------------------------------------------------

    def did_receive_incoming_push(self, apns_id, payload):
        call = as_uuid(payload.get("callId"))
        usable = call is not None
        call = call or str(uuid.uuid4())
        caller = payload.get("caller") or "Unknown caller"
        self.log("handleIncomingCall", call, via="push")
        self.report_incoming(call, {"type": "generic", "value": caller}, apns_id)
        if not usable:
            # R-PUSH-5: a push we cannot use still gets a call reported, which we end at once.
            self.send("reportEnded", call=call, reason="failed")
            self.calls.pop(call, None)

    def on_signalling_event(self, event):
        call = as_uuid(event.get("callId"))
        kind = event.get("type")
        if call is None:
            self.log("signallingEventIgnored", type=kind, why="callId is not a UUID")
            return
        remote_end = {"cancel": "remoteEnded", "remoteHangup": "remoteEnded", "declined": "remoteEnded",
                      "busy": "failed", "noAnswer": "unanswered", "answeredElsewhere": "answeredElsewhere"}
        if kind == "offer":
            self.on_offer(call, event.get("fields") or {})
        elif kind in remote_end:
            self.on_remote_end(call, remote_end[kind])
        elif kind == "answered":
            self.on_remote_answered(call)
        else:
            self.log("signallingEventIgnored", call, type=kind)

    def on_offer(self, call, fields):
        if call in self.calls:
            self.log("duplicateOffer", call)
            return
        handle = {"type": fields.get("handleType") or "generic", "value": fields.get("caller") or "Unknown caller"}
        self.log("handleIncomingCall", call, via="signalling")
        self.report_incoming(call, handle, None)

    def report_incoming(self, call, handle, apns_id):
        self.calls[call] = Call(call, False, handle)

        def completed(answer):
            self.on_incoming_reported(call, answer.get("error"))
            if apns_id:
                self.send("pushCompletion", apnsId=apns_id)  # only after the report's completion (R-PUSH-3)

        self.request("reportIncoming", completed, call=call, handle=handle, callerName=handle["value"])

    def on_incoming_reported(self, call, error):
        """R-INC-1: after an error, no SDK and no media; tell the server we are busy."""
        if error:
            self.log("incomingCallRejected", call, error=error)
            self.calls.pop(call, None)
            self.http("POST", f"/v1/calls/{call}/busy", {"callId": call})
            return
        self.prepare_media(call)

    def prepare_media(self, call):
        """The seed's defensive order: release any stale SDK before preparing for this call (R-AUD-4)."""
        if call == self.media_owner:
            return  # already prepared: the user answered before the report's completion arrived
        if self.media_owner is not None and self.media_owner in self.calls:
            self.log("mediaDeferred", call, owner=self.media_owner)
            return
        self.sdk("unprepareSDK")
        self.sdk("prepareSDK", call)
        self.media_owner = call

    def perform_answer(self, m):
        call = self.calls.get(m["call"])
        if call is None:
            self.send("fail", actionId=m["actionId"])
            return
        self.configure_audio_session()
        call.answered = True
        if call.id != self.media_owner:
            self.prepare_media(call.id)
        # Fulfil only once the server connection exists (R-TX-1).
        self.complete_when_server_answers("accept", call.id, m["actionId"])

    def configure_audio_session(self):
        self.send("audioSession", op="setCategory", category="playAndRecord", mode="voiceChat")

    def complete_when_server_answers(self, what, call, action_id):
        def answered(status):
            if status is not None and status // 100 == 2:
                self.send("fulfill", actionId=action_id)
            else:
                self.log("serverRefused", call, status=str(status) if status else "none")
                self.send("fail", actionId=action_id)

        self.http("POST", f"/v1/calls/{call}/{what}", {"callId": call}, answered)

    def start_media(self):
        """The seed's didActivate: configure the SDK's audio, then start it (R-AUD-2)."""
        self.sdk("configAudio")
        self.sdk("startAudio")

    # ---- ending -------------------------------------------------------------------------------------------

    def user_hangs_up(self, call):
        self.log("endCallWithCompletion", call)

        def completed(answer):
            if answer.get("error"):
                # R-END-3: the system no longer knows the call; still tear down our own state.
                self.log("endCallFailed", call, error=answer["error"])
                if self.calls.pop(call, None) is not None:
                    self.release_media(call)

        self.request("requestTransaction", completed, actions=[{"action": "end", "call": call}])

    def user_resumes_call(self, call):
        # Unhold from the app's UI; media restarts only in the next audioActivated (R-AUD-7).
        self.log("resumeCallWithCompletion", call)

        def completed(answer):
            if answer.get("error"):
                self.log("resumeCallFailed", call, error=answer["error"])

        self.request("requestTransaction", completed, actions=[{"action": "setHeld", "call": call, "onHold": False}])

    def perform_end(self, m):
        call = self.calls.pop(m["call"], None)
        if call is None:
            self.send("fail", actionId=m["actionId"])  # R-TX-6: never leave an end pending
            return
        what = "hangup" if call.outgoing or call.answered else "decline"
        self.http("POST", f"/v1/calls/{call.id}/{what}", {"callId": call.id})
        self.release_media(call.id)
        self.send("fulfill", actionId=m["actionId"])

    def release_media(self, call):
        """Only ever after performEndCallAction or a reported end (R-END-2)."""
        if self.media_owner is not None and self.media_owner != call:
            return
        self.sdk("stopAudio")
        self.sdk("releaseAudio")
        self.sdk("unprepareSDK")
        self.media_owner = None

    def on_remote_end(self, call, reason):
        if self.calls.pop(call, None) is None:
            self.log("remoteEndForUnknownCall", call, reason=reason)
            return
        self.send("reportEnded", call=call, reason=reason)
        self.release_media(call)

    def provider_did_reset(self):
        if self.media_owner is not None:
            self.release_media(self.media_owner)
        self.calls.clear()

    # ---- outgoing and hold --------------------------------------------------------------------------------

    def user_starts_call(self, call, handle):
        self.calls[call] = Call(call, True, handle)
        self.log("startCallWithCompletion", call, handle=handle["value"])

        def completed(answer):
            if answer.get("error"):
                self.log("startCallFailed", call, error=answer["error"])
                self.calls.pop(call, None)

        self.request("requestTransaction", completed, actions=[{"action": "start", "call": call, "handle": handle}])

    def perform_start(self, m):
        call = self.calls.get(m["call"])
        if call is None:
            self.send("fail", actionId=m["actionId"])
            return
        self.configure_audio_session()
        self.prepare_media(call.id)
        callee = (m.get("handle") or call.handle)["value"]

        def invited(status):
            if status is not None and status // 100 == 2:
                self.send("fulfill", actionId=m["actionId"])
                self.send("reportOutgoing", call=call.id, state="startedConnecting")
                call.started_connecting = True
                if call.answered:  # the callee answered before the invite's response (R-OUT-1 order)
                    self.send("reportOutgoing", call=call.id, state="connected")
            else:
                self.log("inviteFailed", call.id, status=str(status) if status else "none")
                self.send("fail", actionId=m["actionId"])
                self.calls.pop(call.id, None)
                self.release_media(call.id)

        self.http("POST", "/v1/calls", {"callId": call.id, "callee": callee}, invited)

    def on_remote_answered(self, call_id):
        call = self.calls.get(call_id)
        if call is None or not call.outgoing:
            self.log("answeredForUnknownCall", call_id)
            return
        call.answered = True
        if call.started_connecting:
            self.send("reportOutgoing", call=call_id, state="connected")
        else:
            self.log("connectedDeferred", call_id)  # connectedAt only after startedConnecting (R-OUT-1)

    def perform_set_held(self, m):
        if m["call"] not in self.calls:
            self.send("fail", actionId=m["actionId"])
            return
        if m.get("onHold"):
            self.sdk("stopAudio")  # Speakerbox: stop audio on hold; it restarts in the next didActivate (R-AUD-7)
        self.send("fulfill", actionId=m["actionId"])


def as_uuid(text):
    try:
        return str(uuid.UUID(text))
    except (TypeError, ValueError, AttributeError):
        return None


def main(app_class=App):
    app_class().run()


if __name__ == "__main__":
    main()
