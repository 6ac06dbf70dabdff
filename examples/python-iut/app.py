#!/usr/bin/env python3
"""A reference implementation under test (IUT) for callflow-harness, in Python 3.11, standard library only.

It behaves exactly like the harness's embedded reference app (ReferenceApp.java), step for step: report every VoIP push
before the handler returns, prepare media only after the report's completion, configure but never activate the audio
session, start audio in didActivate, release media only after performEndCallAction or a reported end, and complete
every action exactly once.

Each method of App is what an iOS app's delegate, completion block or gesture handler would be. The harness calls them
one at a time and is the app's network and clock: an http() or set_timer() callback is a handler of its own, later.
The protocol (docs/iut-protocol.md) is in iut.py.

Run it:  ./callflow run --iut "python3 examples/python-iut/app.py"
"""
import json
import uuid

from iut import Iut

SERVER_DEADLINE_MS = 15_000      # fail an answer or start ourselves, safely below the system's action timeout (R-TX-2)
ACTIVATION_DEADLINE_MS = 10_000  # end the call if didActivate never comes after the answer or start (R-AUD-6)
UNKNOWN_CALLER = "Unknown caller"  # a nil CXHandle value would crash the app (R-INC-4)


class Call:
    """What the app itself knows about one call."""

    def __init__(self, call_id, outgoing, handle):
        self.id = call_id
        self.outgoing = outgoing
        self.handle = handle  # {"type": "generic", "value": "alice"}
        self.answered = False
        self.started_connecting = False
        self.held = False
        self.awaiting_server = None  # the answer or start action waiting for the server's answer


class Action:
    """A CXAction the system asked us to perform: complete it exactly once, and never after it timed out."""

    def __init__(self, m):
        self.id = m["actionId"]
        self.type = m["action"]
        self.call = m["call"]
        self.state = "timedOut" if m.get("timedOut") else "pending"  # pending, fulfilled, failed, timedOut


class App:
    NAME, VERSION = "python-reference", "2.0"

    def __init__(self, iut, hello):
        self.iut = iut
        self.device_id, self.bundle_id = hello["deviceId"], hello["bundleId"]
        self.settings = hello.get("settings") or {}  # supportedHandleTypes, userDefaults
        self.provider = False    # whether we have a live CXProvider
        self.calls = {}          # call id (str) -> Call
        self.actions = {}        # actionId -> Action
        self.media_owner = None  # the call the single SDK instance is prepared for (R-MULTI-2)
        self.audio_call = None   # the call the next didActivate is for: answered, started or resumed, not held
        self.awaiting_activation = set()  # calls with a timer waiting for didActivate (R-AUD-6)
        self.logged_in = True    # call actions wait for the launch's login (R-TX-1)
        self.after_login = []

    # ---- the handler messages -----------------------------------------------------------------------------

    def launch(self, m):
        self.did_finish_launching(m["reason"])

    def push_credentials(self, m):
        self.iut.http("PUT", f"/v1/devices/{self.device_id}/push-token", {"token": m["token"]})

    def voip_push(self, m):
        self.did_receive_incoming_push(m["id"], m.get("payload") or {})

    def perform(self, m):
        action = Action(m)
        self.actions[action.id] = action
        handler = {"start": self.perform_start, "answer": self.perform_answer, "end": self.perform_end,
                   "setHeld": self.perform_set_held}.get(m["action"])
        if handler:
            handler(m)
        else:
            self.complete(action, False)  # setMuted: unsupported, as in Speakerbox

    def action_timed_out(self, m):
        action = self.actions.get(m["actionId"])
        if action is not None and action.state == "pending":
            action.state = "timedOut"
        self.log("actionTimedOut", m["call"], action=m["action"])

    def audio_activated(self, m):
        self.did_activate_audio_session()

    def provider_reset(self, m):
        self.provider_did_reset()

    def signalling(self, m):
        self.on_signalling_event(m["event"])

    def user(self, m):
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

    # audio_deactivated: media was stopped in performEnd already (R-AUD-3); lifecycle: nothing to do

    # ---- small helpers ------------------------------------------------------------------------------------

    def send(self, type_, **fields):
        self.iut.send(type_, **fields)

    def log(self, event, call=None, **attributes):
        self.iut.log(event, call, **attributes)

    def sdk(self, op, call=None):
        """The harness's simulated media SDK; calls go in order, their results are not needed."""
        self.send("sdk", op=op, call=call)

    def complete(self, action, fulfil):
        """CXAction.fulfill() / fail(), once."""
        if action.state == "pending":
            action.state = "fulfilled" if fulfil else "failed"
        self.send("fulfill" if fulfil else "fail", actionId=action.id)

    def action_for(self, m):
        return self.actions.get(m["actionId"])

    def when_logged_in(self, then):
        if self.logged_in:
            then()
        else:
            self.after_login.append(then)

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
        self.logged_in = False

        def logged_in(answer):
            self.log("signallingReady", status=status_text(answer))
            self.logged_in = True
            waiting, self.after_login = self.after_login, []
            for then in waiting:
                then()

        self.iut.http("POST", f"/v1/devices/{self.device_id}/login", {"user": "user-" + self.bundle_id}, logged_in)

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

    def did_receive_incoming_push(self, push, payload):
        call = as_uuid(field(payload, "callId"))
        kind = field(payload, "type") or "call"
        caller = field(payload, "caller") or UNKNOWN_CALLER
        if kind != "call" or call is None:
            self.report_phantom_call(push, kind, call, caller)
            return
        self.log("handleIncomingCall", call, via="push")
        self.report_incoming(call, {"type": "generic", "value": caller}, push)

    def report_phantom_call(self, push, kind, call, caller):
        """R-PUSH-4/5: a push that starts no call is still reported, as a call ended at once; a cancel ends its call."""
        phantom = str(uuid.uuid4())
        self.log("phantomCall", phantom, pushType=kind, forCall=call,
                 why="no usable callId" if call is None else "not a call push")
        self.report_incoming(phantom, {"type": "generic", "value": caller}, push)
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
                      "busy": "failed", "noAnswer": "unanswered", "answeredElsewhere": "answeredElsewhere",
                      "declinedElsewhere": "declinedElsewhere"}
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

    def report_incoming(self, call, handle, push):
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
                if push is not None and not error and call in self.calls:
                    self.check_call_state(call)
            if push is not None:
                self.send("pushCompletion", push=push)  # only after the report's completion (R-PUSH-3)

        self.iut.call("reportIncoming", completed, call=call, handle=handle, callerName=handle["value"],
                      supportsHolding=self.supports_holding())

    def check_call_state(self, call):
        """R-PUSH-5/7: a push can come late; if the server says the call is already over, end it."""
        def answered(answer):
            if not succeeded(answer):
                self.log("callStateUnknown", call, status=status_text(answer))
                return
            body = answer.get("body")
            state = (body.get("state") or "") if isinstance(body, dict) else ""
            if state in ("cancelled", "ended") and call in self.calls:
                self.log("callAlreadyOver", call, state=state)
                self.on_remote_end(call, "remoteEnded")

        self.iut.http("GET", f"/v1/calls/{call}", then=answered)

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
            self.iut.http("POST", f"/v1/calls/{call}/busy", {"callId": call})
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
        call.awaiting_server = action
        if call.id != self.media_owner:
            self.prepare_media(call.id)
        # Fulfil only once the server connection exists (R-TX-1): after the login of a push-woken launch, then the
        # accept. A server slower than our deadline fails the answer before the system's action timeout (R-TX-2).
        self.start_server_deadline(action)
        self.when_logged_in(lambda: self.iut.http("POST", f"/v1/calls/{call.id}/accept", {"callId": call.id},
                                                  lambda answer: self.server_answered(action, answer)))

    def start_server_deadline(self, action):
        self.iut.set_timer(f"server-deadline:{action.id}", SERVER_DEADLINE_MS, lambda: self.server_too_slow(action))

    def server_too_slow(self, action):
        if not self.pending(action):
            return
        self.log("serverDeadlineExceeded", action.call, action=action.type, deadline=f"{SERVER_DEADLINE_MS // 1000}s")
        self.action_failed(action)

    def pending(self, action):
        """Whether the action still needs our answer: not completed, not timed out, and its call still ours."""
        return action.state == "pending" and action.call in self.calls

    def action_failed(self, action):
        """An answer or start failed: the system ends the call; we drop it and release its media (R-TX-1)."""
        self.complete(action, False)
        gone = self.calls.pop(action.call, None)
        if gone is not None and (gone.answered or gone.outgoing):
            self.iut.http("POST", f"/v1/calls/{action.call}/hangup", {"callId": action.call})
        self.cancel_activation_deadline(action.call)
        self.release_media(action.call)

    def configure_audio_session(self):
        self.send("audioSession", op="setCategory", category="playAndRecord", mode="voiceChat")

    def server_answered(self, action, answer):
        self.iut.cancel_timer(f"server-deadline:{action.id}")
        if not self.pending(action):
            # Timed out, failed by our deadline, or the call ended meanwhile: never complete it again (R-TX-1/2).
            self.log("lateServerAnswerIgnored", action.call, action=action.type, status=status_text(answer))
            return
        if succeeded(answer):
            self.complete(action, True)
            self.await_activation(action.call)
        else:
            self.log("serverRefused", action.call, status=status_text(answer))
            self.action_failed(action)

    def await_activation(self, call):
        """The session should now be activated for call; if didActivate never comes, end the call (R-AUD-6)."""
        self.audio_call = call
        self.cancel_activation_deadline(call)
        self.awaiting_activation.add(call)
        self.iut.set_timer(f"activation:{call}", ACTIVATION_DEADLINE_MS, lambda: self.activation_never_came(call))

    def activation_never_came(self, call):
        self.awaiting_activation.discard(call)
        if self.calls.pop(call, None) is None:
            return
        self.log("activationDeadlineExceeded", call, deadline=f"{ACTIVATION_DEADLINE_MS // 1000}s")
        self.iut.http("POST", f"/v1/calls/{call}/hangup", {"callId": call})
        self.send("reportEnded", call=call, reason="failed")
        self.release_media(call)

    def cancel_activation_deadline(self, call):
        if call in self.awaiting_activation:
            self.awaiting_activation.discard(call)
            self.iut.cancel_timer(f"activation:{call}")

    def did_activate_audio_session(self):
        for call in list(self.awaiting_activation):
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
                self.iut.http("POST", f"/v1/calls/{call}/{what}", {"callId": call})
                self.release_media(call)

        self.iut.call("requestTransaction", completed, actions=[{"action": "end", "call": call}])

    def perform_end(self, m):
        action = self.action_for(m)
        call = self.calls.pop(m["call"], None)
        if call is None:
            self.complete(action, False)  # R-TX-6: never leave an end pending, even for an unknown call
            return
        # The call ends locally whatever the server says: a failed hang-up must not keep it alive.
        what = "hangup" if call.outgoing or call.answered else "decline"

        def told(answer):
            if not succeeded(answer):
                self.log("serverNotToldOfEnd", call.id, status=status_text(answer))

        self.iut.http("POST", f"/v1/calls/{call.id}/{what}", {"callId": call.id}, told)
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
        gone = self.calls.pop(call, None)
        if gone is None:
            self.log("remoteEndForUnknownCall", call, reason=reason)
            return
        self.send("reportEnded", call=call, reason=reason)
        if gone.awaiting_server is not None and gone.awaiting_server.state == "pending":
            # The server's late answer will find no call; the action still needs its completion (R-TX-1).
            self.complete(gone.awaiting_server, False)
        self.cancel_activation_deadline(call)
        self.release_media(call)
        if call == self.audio_call:
            self.audio_call = None

    def provider_did_reset(self):
        """R-END-4: the system ended every call; tell the server, release media, cancel timers, complete nothing."""
        for c in list(self.calls.values()):
            what = "hangup" if c.outgoing or c.answered else "decline"
            self.iut.http("POST", f"/v1/calls/{c.id}/{what}", {"callId": c.id})
        for call in list(self.awaiting_activation):
            self.cancel_activation_deadline(call)
        if self.media_owner is not None:
            self.sdk("stopAudio")
            self.sdk("releaseAudio")
            self.sdk("unprepareSDK")
            self.media_owner = None
        self.audio_call = None
        self.calls.clear()

    # ---- outgoing and hold --------------------------------------------------------------------------------

    def user_starts_call(self, call, handle):
        self.calls[call] = Call(call, True, handle)
        self.log("startCallWithCompletion", call, handle=handle["value"])

        def completed(answer):
            if answer.get("error"):
                self.log("startCallFailed", call, error=answer["error"])
                self.calls.pop(call, None)

        self.iut.call("requestTransaction", completed, actions=[{"action": "start", "call": call, "handle": handle}])

    def perform_start(self, m):
        action = self.action_for(m)
        call = self.calls.get(m["call"])
        if call is None:
            self.complete(action, False)
            return
        self.configure_audio_session()
        self.prepare_media(call.id)
        callee = (m.get("handle") or call.handle)["value"]
        call.awaiting_server = action
        self.start_server_deadline(action)

        def invited(answer):
            self.iut.cancel_timer(f"server-deadline:{action.id}")
            if not self.pending(action):
                self.log("lateServerAnswerIgnored", call.id, action="start", status=status_text(answer))
                return
            if succeeded(answer):
                self.complete(action, True)
                self.send("reportOutgoing", call=call.id, state="startedConnecting")
                call.started_connecting = True
                if call.answered:  # the callee answered before the invite's response (R-OUT-1 order)
                    self.send("reportOutgoing", call=call.id, state="connected")
                self.await_activation(call.id)
            else:
                self.log("inviteFailed", call.id, status=status_text(answer))
                self.complete(action, False)
                self.calls.pop(call.id, None)
                self.release_media(call.id)

        self.when_logged_in(lambda: self.iut.http("POST", "/v1/calls", {"callId": call.id, "callee": callee}, invited))

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

        self.iut.call("requestTransaction", completed, actions=[{"action": "setHeld", "call": call, "onHold": False}])


def succeeded(answer):
    """An httpResponse with a 2xx status (status 0: no response came)."""
    return answer["status"] // 100 == 2


def status_text(answer):
    return str(answer["status"]) if answer["status"] else "none"


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
    Iut().run(app_class)


if __name__ == "__main__":
    main()
