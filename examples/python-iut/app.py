#!/usr/bin/env python3
"""A reference implementation under test (IUT) for callflow-harness, in Python 3.11, standard library only.

It speaks callflow-iut/1 over stdin/stdout (one JSON object per line); the protocol is docs/iut-protocol.md.
It behaves exactly like the harness's embedded reference app (ReferenceApp.java), step for step: report every
VoIP push before the handler returns, prepare media only after the report's completion, configure but never
activate the audio session, start audio in didActivate, release media only after performEndCallAction or a
reported end, and complete every action exactly once.

Run it:  ./callflow run --iut "python3 examples/python-iut/app.py"

Structure, as in an app: one main loop owns all state and handles one queue. The queue is fed by a thread that
reads stdin (the system's callbacks), by HTTP worker threads (signalling requests; their results come back
through the queue) and by timers (deadlines; they fire into the queue too). Everything written to stdout goes
through one lock and is flushed at once.
"""
import http.client
import json
import queue
import sys
import threading
import time
import urllib.parse
import uuid

PROTOCOL = "callflow-iut/1"

# Real-world deadlines, in seconds. The harness runs a scenario in scaled time (hello's "timeScale", 0.05 in the
# fast profile), and so does this app: every timer multiplies its delay by that scale, as the Java reference's
# env.runOnMainAfter does.
SERVER_DEADLINE = 15      # fail an answer or start ourselves, safely below the system's action timeout (R-TX-2)
ACTIVATION_DEADLINE = 10  # end the call if didActivate never comes after the answer or start (R-AUD-6)
UNKNOWN_CALLER = "Unknown caller"  # a nil CXHandle value would crash the app (R-INC-4)
# Kept-alive connections are safe: every request says, in X-Callflow-After, how many protocol lines were written
# before it, and the harness records the request only after handling them (docs/iut-protocol.md, Signalling).
KEEP_ALIVE = True


class Call:
    """What the app itself knows about one call."""

    def __init__(self, call_id, outgoing, handle):
        self.id = call_id
        self.outgoing = outgoing
        self.handle = handle  # {"type": "generic", "value": "alice"}
        self.answered = False
        self.started_connecting = False
        self.held = False


class Action:
    """A CXAction the system asked us to perform: complete it exactly once, and never after it timed out."""

    def __init__(self, m):
        self.id = m["actionId"]
        self.type = m["action"]
        self.call = m["call"]
        self.state = "pending"  # pending, fulfilled, failed, timedOut


class Timer:
    """DispatchQueue.main.asyncAfter: fires into the main queue unless cancelled first."""

    def __init__(self, app, delay, task):
        self.app, self.task, self.done = app, task, False
        app.in_flight += 1  # an armed timer may still act: the device is not settled (see "idle")
        self.thread = threading.Timer(delay, lambda: app.inbox.put(("task", self.fire)))
        self.thread.daemon = True
        self.thread.start()

    def fire(self):
        if not self.done:
            self.done = True
            self.app.in_flight -= 1
            self.task()

    def cancel(self):
        if not self.done:
            self.done = True
            self.app.in_flight -= 1
            self.thread.cancel()


class Future:
    """A result that arrives later on the main loop; then(fn) runs fn(result) on it, at once if it is already here."""

    def __init__(self, done=False, result=None):
        self.done, self.result, self.waiters = done, result, []

    def complete(self, result):
        self.done, self.result = True, result
        waiters, self.waiters = self.waiters, []
        for fn in waiters:
            fn(result)

    def then(self, fn):
        if self.done:
            fn(self.result)
        else:
            self.waiters.append(fn)


class App:
    def __init__(self, stdin=sys.stdin, stdout=sys.stdout):
        self.stdin, self.stdout = stdin, stdout
        self.out_lock = threading.Lock()
        self.lines_written = 0
        self.inbox = queue.Queue()
        self.next_id = 0
        self.replies = {}        # id of a message we sent -> continuation for its answer
        self.in_flight = 0       # HTTP requests and armed timers (see "idle")
        self.seen = 0            # harness messages handled so far (for "idle")
        self.idle_reported = None  # ("idle" or "busy", seen) of the last report, until anything else is sent
        self.device_id = self.base_url = self.bundle_id = None
        self.time_scale = 1.0
        self.settings = {}       # hello's "settings": supportedHandleTypes, userDefaults
        self.connections = []    # idle keep-alive connections to the signalling server
        self.conn_lock = threading.Lock()
        self.provider = False    # whether we have a live CXProvider
        self.calls = {}          # call id (str) -> Call
        self.actions = {}        # actionId -> Action
        self.media_owner = None  # the call the single SDK instance is prepared for (R-MULTI-2)
        self.audio_call = None   # the call the next didActivate is for: answered, started or resumed, not held
        self.activation_deadlines = {}  # call -> Timer waiting for didActivate (R-AUD-6)
        self.logged_in = Future(done=True)  # call actions wait for the login (R-TX-1)

    # ---- plumbing: stdout, the queue, HTTP, timers --------------------------------------------------------

    def send(self, type_, **fields):
        line = json.dumps({"type": type_, **fields}, separators=(",", ":"))
        with self.out_lock:
            self.stdout.write(line + "\n")
            self.stdout.flush()
            self.lines_written += 1
        if type_ not in ("idle", "busy"):
            self.idle_reported = None

    def request(self, type_, on_answer=None, **fields):
        """Sends a message that expects an answer ("re"); on_answer(answer) runs on the main loop."""
        self.next_id += 1
        self.replies[self.next_id] = on_answer
        self.send(type_, id=self.next_id, **fields)

    def log(self, event, call=None, **attributes):
        self.send("log", event=event, call=call, attributes={k: v for k, v in attributes.items() if v is not None})

    def sdk(self, op, call=None):
        """The harness's simulated media SDK; calls are fired in order, their sdkResult is not needed."""
        fields = {"call": call} if call else {}
        self.request("sdk", op=op, **fields)

    def after(self, seconds, task):
        """Runs task on the main loop after a real-world delay, scaled into the harness's time."""
        return Timer(self, seconds * self.time_scale, task)

    def http(self, method, path, body=None):
        """A signalling request on a worker thread; returns a Future of (status or None, body text)."""
        self.in_flight += 1
        result = Future()
        after = self.lines_written  # everything written so far comes before this request on the timeline

        def work():
            answer = self.exchange(method, path, body, after)

            def deliver():
                self.in_flight -= 1
                result.complete(answer)

            self.inbox.put(("task", deliver))

        threading.Thread(target=work, daemon=True).start()
        return result

    def exchange(self, method, path, body, after):
        """One HTTP exchange over a kept-alive connection (a fresh one per request costs a TCP handshake)."""
        with self.conn_lock:
            conn = self.connections.pop() if self.connections else None
        if conn is None:
            url = urllib.parse.urlsplit(self.base_url)
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        headers = {"Accept": "application/json", "X-Callflow-Device": self.device_id, "X-Callflow-After": str(after)}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            conn.close()  # a reset or a timeout: this connection is spent
            return None, ""
        if response.will_close or not KEEP_ALIVE:
            conn.close()
        else:
            with self.conn_lock:
                self.connections.append(conn)
        return response.status, text

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
                item()
            # Tell the harness what we have handled: "idle" when nothing is left to do (the device may settle),
            # "busy" while HTTP requests or timers are still in flight (a person may act; a delegate call returned).
            if self.inbox.empty():
                report = ("idle" if self.in_flight == 0 else "busy", self.seen)
                if self.idle_reported != report:
                    self.send(report[0], seen=self.seen)
                    self.idle_reported = report

    def on_message(self, m):
        t = m["type"]
        if t in ("reportCompletion", "transactionCompletion", "audioResult", "sdkResult"):
            on_answer = self.replies.pop(m["re"], None)
            if on_answer:
                on_answer(m)
        elif t == "hello":
            self.device_id, self.base_url, self.bundle_id = m["deviceId"], m["signallingBaseUrl"], m["bundleId"]
            self.time_scale = float(m.get("timeScale") or 1.0)
            self.settings = m.get("settings") or {}
            self.send("hello", protocol=PROTOCOL, name="python-reference", version="1.1")
        elif t == "launch":
            self.did_finish_launching(m["reason"])
            self.send("launchHandled", re=m["id"])
        elif t == "pushCredentials":
            self.http("PUT", f"/v1/devices/{self.device_id}/push-token", {"token": m["token"]})
        elif t == "voipPush":
            self.did_receive_incoming_push(m["apnsId"], m.get("payload") or {})
            self.send("pushHandled", re=m["id"])
        elif t == "perform":
            action = Action(m)
            if m.get("timedOut"):
                action.state = "timedOut"  # the system gave up before our main queue got to it
            self.actions[action.id] = action
            handler = {"start": self.perform_start, "answer": self.perform_answer, "end": self.perform_end,
                       "setHeld": self.perform_set_held}.get(m["action"])
            if handler:
                handler(m)
            else:
                self.complete(action, False)  # setMuted: unsupported, as in Speakerbox
        elif t == "actionTimedOut":
            self.timed_out_performing_action(m)
        elif t == "audioActivated":
            self.did_activate_audio_session()
        elif t == "providerReset":
            self.provider_did_reset()
        elif t == "hang":
            # Fault injection: the harness says this app's main thread hangs now; its own loop must stall too.
            time.sleep(m["ms"] / 1000.0)
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
            elif gesture == "callKitSetting":
                self.callkit_setting_changed(bool(m.get("enabled")))
        # audioDeactivated: media was stopped in performEnd already (R-AUD-3); lifecycle: nothing to do

    def complete(self, action, fulfil):
        """CXAction.fulfill() / fail(), once."""
        if action.state == "pending":
            action.state = "fulfilled" if fulfil else "failed"
        self.send("fulfill" if fulfil else "fail", actionId=action.id)

    def action_for(self, m):
        return self.actions.get(m["actionId"])

    # ---- launch and settings ------------------------------------------------------------------------------

    def user_default(self, key, fallback):
        return (self.settings.get("userDefaults") or {}).get(key, fallback)

    def supports_holding(self):
        return str(self.user_default("supportsHolding", "true")).lower() == "true"

    def provider_configuration(self):
        return {"localizedName": "CallApp",
                "maximumCallGroups": int(self.user_default("maximumCallGroups", 2)),
                "maximumCallsPerCallGroup": int(self.user_default("maximumCallsPerCallGroup", 1)),
                "supportedHandleTypes": self.settings.get("supportedHandleTypes") or ["generic", "phoneNumber"],
                "includesCallsInRecents": True, "supportsVideo": False}

    def create_provider(self):
        self.send("createProvider", configuration=self.provider_configuration())
        self.provider = True

    def did_finish_launching(self, reason):
        self.create_provider()
        self.send("setPushDelegate")
        # Call actions wait on this login; it is logged before any of them goes on (R-TX-1).
        self.logged_in = Future()

        def logged_in(answer):
            status, _ = answer
            self.log("signallingReady", status=str(status) if status else "none")
            self.logged_in.complete(answer)

        self.http("POST", f"/v1/devices/{self.device_id}/login", {"user": "user-" + self.bundle_id}).then(logged_in)

    def callkit_setting_changed(self, enabled):
        """CallKit switched off: invalidate the provider (its calls end in failure, R-END-4); on: a new one (R-CFG-1)."""
        if not enabled and self.provider:
            if self.media_owner is not None:
                self.sdk("stopAudio")  # the system is about to take the session: no audio may outlive it (R-AUD-3)
            self.send("invalidateProvider")
            self.provider = False
        elif enabled and not self.provider:
            self.create_provider()

    # ---- incoming -----------------------------------------------------------------------------------------

    def did_receive_incoming_push(self, apns_id, payload):
        call = as_uuid(field(payload, "callId"))
        kind = field(payload, "type") or "call"
        caller = field(payload, "caller") or UNKNOWN_CALLER
        if kind != "call" or call is None:
            self.report_phantom_call(apns_id, kind, call, caller)
            return
        self.log("handleIncomingCall", call, via="push")
        self.report_incoming(call, {"type": "generic", "value": caller}, apns_id)

    def report_phantom_call(self, apns_id, kind, call, caller):
        """R-PUSH-4/5: a push that starts no call is still reported, as a call ended at once; a cancel ends its call."""
        phantom = str(uuid.uuid4())
        self.log("phantomCall", phantom, pushType=kind, forCall=call,
                 why="no usable callId" if call is None else "not a call push")
        self.report_incoming(phantom, {"type": "generic", "value": caller}, apns_id)
        self.send("reportEnded", call=phantom, reason="failed")
        self.calls.pop(phantom, None)
        if kind == "cancel" and call is not None and call in self.calls:
            self.on_remote_end(call, "remoteEnded")

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
        handle = {"type": fields.get("handleType") or "generic", "value": fields.get("caller") or UNKNOWN_CALLER}
        self.log("handleIncomingCall", call, via="signalling")
        self.report_incoming(call, handle, None)

    def report_incoming(self, call, handle, apns_id):
        # A duplicate push for a call we already track must not reset what we know about it (R-PUSH-8).
        known = call in self.calls
        if not known:
            self.calls[call] = Call(call, False, handle)

        def completed(answer):
            error = answer.get("error")
            if known and error == "callUUIDAlreadyExists":
                self.log("duplicateReportKept", call)  # R-PUSH-8: a duplicate push; keep the call
            else:
                self.on_incoming_reported(call, error)
                if apns_id and not error and call in self.calls:
                    self.check_call_state(call)
            if apns_id:
                self.send("pushCompletion", apnsId=apns_id)  # only after the report's completion (R-PUSH-3)

        self.request("reportIncoming", completed, call=call, handle=handle, callerName=handle["value"],
                     supportsHolding=self.supports_holding())

    def check_call_state(self, call):
        """R-PUSH-5/7: a push can come late; if the server says the call is already over, end it."""
        def answered(answer):
            status, body = answer
            if status is None or status // 100 != 2:
                self.log("callStateUnknown", call, status=str(status) if status else "none")
                return
            try:
                state = json.loads(body or "{}").get("state") or ""
            except (ValueError, AttributeError):
                state = ""
            if state in ("cancelled", "ended") and call in self.calls:
                self.log("callAlreadyOver", call, state=state)
                self.on_remote_end(call, "remoteEnded")

        self.http("GET", f"/v1/calls/{call}").then(answered)

    def on_incoming_reported(self, call, error):
        """R-INC-1: after an error, no SDK and no media; tell the server we are busy (but keep a duplicate's call)."""
        if call not in self.calls:
            return  # ended while the report was in flight (a phantom or cancelled call)
        if error == "callUUIDAlreadyExists":
            self.log("duplicateReport", call, error=error)
            return
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
        owner = self.calls.get(self.media_owner) if self.media_owner is not None else None
        if owner is not None and not owner.held:
            # The live call keeps the single SDK; a ringing second call must not touch its audio (R-MULTI-2).
            self.log("mediaDeferred", call, owner=self.media_owner)
            return
        if owner is not None:
            # Hold & Accept: the held call's media stopped at hold; hand the SDK over, re-prepared on resume.
            self.log("mediaHandedOver", call, **{"from": self.media_owner})
            self.sdk("releaseAudio")
        self.sdk("unprepareSDK")
        self.sdk("prepareSDK", call)
        self.media_owner = call

    def perform_answer(self, m):
        action = self.action_for(m)
        call = self.calls.get(m["call"])
        if call is None:
            self.complete(action, False)
            return
        self.configure_audio_session()
        call.answered = True
        if call.id != self.media_owner:
            self.prepare_media(call.id)
        # Fulfil only once the server connection exists (R-TX-1): after the login of a push-woken launch, then the
        # accept. A server slower than our deadline fails the answer before the system's action timeout (R-TX-2).
        deadline = self.after(SERVER_DEADLINE, lambda: self.server_too_slow(action))
        accepted = Future()
        self.logged_in.then(lambda _: self.http("POST", f"/v1/calls/{call.id}/accept", {"callId": call.id})
                            .then(accepted.complete))
        self.complete_when_server_answers(accepted, action, deadline)

    def server_too_slow(self, action):
        if not self.pending(action):
            return
        self.log("serverDeadlineExceeded", action.call, action=action.type, deadline=f"{SERVER_DEADLINE}s")
        self.action_failed(action)

    def pending(self, action):
        """Whether the action still needs our answer: not completed, not timed out, and its call still ours."""
        return action.state == "pending" and action.call in self.calls

    def action_failed(self, action):
        """An answer or start failed: the system ends the call; we drop it and release its media (R-TX-1)."""
        self.complete(action, False)
        gone = self.calls.pop(action.call, None)
        if gone is not None and (gone.answered or gone.outgoing):
            self.http("POST", f"/v1/calls/{action.call}/hangup", {"callId": action.call})
        self.cancel_activation_deadline(action.call)
        self.release_media(action.call)

    def configure_audio_session(self):
        self.send("audioSession", op="setCategory", category="playAndRecord", mode="voiceChat")

    def complete_when_server_answers(self, request, action, deadline):
        def answered(answer):
            status, _ = answer
            deadline.cancel()
            if not self.pending(action):
                # Timed out, failed by our deadline, or the call ended meanwhile: never complete it again (R-TX-1/2).
                self.log("lateServerAnswerIgnored", action.call, action=action.type,
                         status=str(status) if status else "none")
                return
            if status is not None and status // 100 == 2:
                self.complete(action, True)
                self.await_activation(action.call)
            else:
                self.log("serverRefused", action.call, status=str(status) if status else "none")
                self.action_failed(action)

        request.then(answered)

    def await_activation(self, call):
        """The session should now be activated for call; if didActivate never comes, end the call (R-AUD-6)."""
        self.audio_call = call
        self.cancel_activation_deadline(call)
        self.activation_deadlines[call] = self.after(ACTIVATION_DEADLINE, lambda: self.activation_never_came(call))

    def activation_never_came(self, call):
        self.activation_deadlines.pop(call, None)
        if self.calls.pop(call, None) is None:
            return
        self.log("activationDeadlineExceeded", call, deadline=f"{ACTIVATION_DEADLINE}s")
        self.http("POST", f"/v1/calls/{call}/hangup", {"callId": call})
        self.send("reportEnded", call=call, reason="failed")
        self.release_media(call)

    def cancel_activation_deadline(self, call):
        timer = self.activation_deadlines.pop(call, None)
        if timer is not None:
            timer.cancel()

    def did_activate_audio_session(self):
        for call in list(self.activation_deadlines):
            self.cancel_activation_deadline(call)
        if self.audio_call is None or self.audio_call != self.media_owner:
            self.log("activationWithoutCall", self.audio_call, mediaOwner=self.media_owner)
            return
        self.start_media()

    def start_media(self):
        """The seed's didActivate: configure the SDK's audio, then start it (R-AUD-2)."""
        self.sdk("configAudio")
        self.sdk("startAudio")

    # ---- ending -------------------------------------------------------------------------------------------

    def user_hangs_up(self, call):
        self.log("endCallWithCompletion", call)

        def completed(answer):
            error = answer.get("error")
            if not error:
                return
            # R-END-3: the system no longer knows the call; still tear down our own state.
            self.log("endCallFailed", call, error=error)
            gone = self.calls.pop(call, None)
            if gone is not None:
                what = "hangup" if gone.outgoing or gone.answered else "decline"
                self.http("POST", f"/v1/calls/{call}/{what}", {"callId": call})
                self.release_media(call)

        self.request("requestTransaction", completed, actions=[{"action": "end", "call": call}])

    def perform_end(self, m):
        action = self.action_for(m)
        call = self.calls.pop(m["call"], None)
        if call is None:
            self.complete(action, False)  # R-TX-6: never leave an end pending, even for an unknown call
            return
        # The call ends locally whatever the server says: a failed hang-up must not keep it alive.
        what = "hangup" if call.outgoing or call.answered else "decline"

        def told(answer):
            status, _ = answer
            if status is None or status // 100 != 2:
                self.log("serverNotToldOfEnd", call.id, status=str(status) if status else "none")

        self.http("POST", f"/v1/calls/{call.id}/{what}", {"callId": call.id}).then(told)
        self.cancel_activation_deadline(call.id)
        self.release_media(call.id)
        if call.id == self.audio_call:
            self.audio_call = None
        if action.state == "pending":
            self.complete(action, True)
        else:
            self.log("endAlreadyTimedOut", call.id)  # the system ended the call; never complete it late (R-TX-2)

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
        self.cancel_activation_deadline(call)
        self.release_media(call)
        if call == self.audio_call:
            self.audio_call = None

    def provider_did_reset(self):
        """R-END-4: the system ended every call; tell the server, release media, cancel timers, complete nothing."""
        for c in list(self.calls.values()):
            what = "hangup" if c.outgoing or c.answered else "decline"
            self.http("POST", f"/v1/calls/{c.id}/{what}", {"callId": c.id})
        for call in list(self.activation_deadlines):
            self.cancel_activation_deadline(call)
        if self.media_owner is not None:
            self.sdk("stopAudio")
            self.sdk("releaseAudio")
            self.sdk("unprepareSDK")
            self.media_owner = None
        self.audio_call = None
        self.calls.clear()

    def timed_out_performing_action(self, m):
        action = self.action_for(m)
        if action is not None and action.state == "pending":
            action.state = "timedOut"
        self.log("actionTimedOut", m["call"], action=m["action"])

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
        action = self.action_for(m)
        call = self.calls.get(m["call"])
        if call is None:
            self.complete(action, False)
            return
        self.configure_audio_session()
        self.prepare_media(call.id)
        callee = (m.get("handle") or call.handle)["value"]
        deadline = self.after(SERVER_DEADLINE, lambda: self.server_too_slow(action))

        def invited(answer):
            status, _ = answer
            deadline.cancel()
            if not self.pending(action):
                self.log("lateServerAnswerIgnored", call.id, action="start", status=str(status) if status else "none")
                return
            if status is not None and status // 100 == 2:
                self.complete(action, True)
                self.send("reportOutgoing", call=call.id, state="startedConnecting")
                call.started_connecting = True
                if call.answered:  # the callee answered before the invite's response (R-OUT-1 order)
                    self.send("reportOutgoing", call=call.id, state="connected")
                self.await_activation(call.id)
            else:
                self.log("inviteFailed", call.id, status=str(status) if status else "none")
                self.complete(action, False)
                self.calls.pop(call.id, None)
                self.release_media(call.id)

        self.logged_in.then(lambda _: self.http("POST", "/v1/calls", {"callId": call.id, "callee": callee})
                            .then(invited))

    def on_remote_answered(self, call_id):
        call = self.calls.get(call_id)
        if call is None or not call.outgoing:
            self.log("answeredForUnknownCall", call_id)
            return
        call.answered = True
        if call.started_connecting:
            self.send("reportOutgoing", call=call_id, state="connected")
        else:
            # R-OUT-1: connectedAt only after startedConnectingAt; the invite's answer reports it.
            self.log("connectedDeferred", call_id, why="not started connecting yet")

    def perform_set_held(self, m):
        action = self.action_for(m)
        call = self.calls.get(m["call"])
        if call is None:
            self.complete(action, False)
            return
        on_hold = bool(m.get("onHold"))
        call.held = on_hold
        if on_hold:
            if call.id == self.media_owner:
                self.sdk("stopAudio")  # Speakerbox: stop audio on hold; it restarts in the next didActivate (R-AUD-7)
            if call.id == self.audio_call:
                self.audio_call = None
        else:
            # Resume: the SDK may have gone to the other call meanwhile; media starts only in didActivate (R-AUD-7).
            self.prepare_media(call.id)
            self.audio_call = call.id
        if action.state == "pending":
            self.complete(action, True)

    def user_resumes_call(self, call):
        # Unhold from the app's UI; media restarts only in the next audioActivated (R-AUD-7).
        self.log("resumeCallWithCompletion", call)

        def completed(answer):
            if answer.get("error"):
                self.log("resumeCallFailed", call, error=answer["error"])

        self.request("requestTransaction", completed, actions=[{"action": "setHeld", "call": call, "onHold": False}])


def field(payload, name):
    """A top-level payload field as text, or None when it is missing or blank."""
    value = payload.get(name) if isinstance(payload, dict) else None
    if value is None or isinstance(value, (dict, list)):
        return None
    text = value if isinstance(value, str) else json.dumps(value)
    return text if text.strip() else None


def as_uuid(text):
    try:
        return str(uuid.UUID(text))
    except (TypeError, ValueError, AttributeError):
        return None


def main(app_class=App):
    app_class().run()


if __name__ == "__main__":
    main()
