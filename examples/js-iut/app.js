#!/usr/bin/env node
'use strict';
/*
 * A reference implementation under test (IUT) for callflow-harness, in JavaScript on Node 20, standard library only.
 *
 * It makes the same decisions as the harness's embedded reference app (ReferenceApp.java) and the Python example:
 * report every VoIP push before the handler returns, prepare media only after the report's completion, configure but
 * never activate the audio session, start audio in didActivate, release media only after performEndCallAction or a
 * reported end, and complete every action exactly once.
 *
 * Each method of CallApp named after a handler message (launch, voipPush, perform, audioActivated, providerReset,
 * signalling, user, ...) is what an iOS app's delegate method would be; the harness calls them one at a time. It is
 * also the app's network and clock: a callback given to iut.http() or iut.setTimer() runs later as a handler of its
 * own, like a URLSession completion or a DispatchQueue.main.asyncAfter block. The protocol is in iut.js.
 *
 * Run it:  ./callflow run --iut "node examples/js-iut/app.js"
 */
const { randomUUID } = require('node:crypto');
const { run } = require('./iut');

const SERVER_DEADLINE_MS = 15_000;     // fail an answer or start ourselves, safely below the action timeout (R-TX-2)
const ACTIVATION_DEADLINE_MS = 10_000; // end the call if didActivate never comes after the answer or start (R-AUD-6)
const UNKNOWN_CALLER = 'Unknown caller'; // a nil CXHandle value would crash the app (R-INC-4)

/** Server events that end a call, and the CXCallEndedReason each is reported with (R-END-1). */
const REMOTE_END_REASONS = {
  cancel: 'remoteEnded',
  remoteHangup: 'remoteEnded',
  declined: 'remoteEnded',
  busy: 'failed',
  noAnswer: 'unanswered',
  answeredElsewhere: 'answeredElsewhere',
  declinedElsewhere: 'declinedElsewhere',
};

/** What the app itself knows about one call. */
class Call {
  constructor(id, { outgoing, handle }) {
    this.id = id;
    this.outgoing = outgoing;
    this.handle = handle; // { type: 'generic', value: 'alice' }
    this.answered = false;
    this.startedConnecting = false;
    this.held = false;
    this.awaitingServer = null; // the answer or start action waiting for the server's answer
  }

  /** What the server is told when this call ends here: a call that never connected is declined. */
  get endRequest() {
    return this.outgoing || this.answered ? 'hangup' : 'decline';
  }
}

/** A CXAction the system asked us to perform: complete it exactly once, and never after it timed out. */
class Action {
  constructor({ actionId, action, call, timedOut }) {
    this.id = actionId;
    this.type = action;
    this.call = call;
    this.state = timedOut ? 'timedOut' : 'pending'; // pending, fulfilled, failed, timedOut
  }

  get pending() {
    return this.state === 'pending';
  }
}

class CallApp {
  static NAME = 'js-reference';
  static VERSION = '2.0';

  constructor(iut, { deviceId, bundleId, settings }) {
    this.iut = iut;
    this.deviceId = deviceId;
    this.bundleId = bundleId;
    this.settings = settings ?? {}; // supportedHandleTypes, userDefaults
    this.hasProvider = false;
    this.calls = new Map();    // call id -> Call
    this.actions = new Map();  // actionId -> Action
    this.mediaOwner = null;    // the call the single SDK instance is prepared for (R-MULTI-2)
    this.audioCall = null;     // the call the next didActivate is for: answered, started or resumed, not held
    this.awaitingActivation = new Set(); // calls with a timer waiting for didActivate (R-AUD-6)
    this.loggedIn = true;      // call actions wait for the launch's login (R-TX-1)
    this.afterLogin = [];
  }

  // ---- UIApplicationDelegate -------------------------------------------------------------------------------

  launch() {
    this.createProvider();
    this.send('setPushDelegate');
    this.logIn();
  }

  lifecycle() {
    // nothing to do when the app goes to the background or comes back
  }

  // ---- PKPushRegistryDelegate ------------------------------------------------------------------------------

  pushCredentials({ token }) {
    this.iut.http('PUT', `/v1/devices/${this.deviceId}/push-token`, { token });
  }

  voipPush({ id, payload }) {
    this.didReceiveIncomingPush(payload ?? {}, () => this.send('pushCompletion', { push: id }));
  }

  // ---- CXProviderDelegate ----------------------------------------------------------------------------------

  perform(m) {
    const action = new Action(m);
    this.actions.set(action.id, action);
    switch (action.type) {
      case 'start': return this.performStart(action, m.handle);
      case 'answer': return this.performAnswer(action);
      case 'end': return this.performEnd(action);
      case 'setHeld': return this.performSetHeld(action, Boolean(m.onHold));
      default: return this.complete(action, false); // setMuted: unsupported, as in Speakerbox
    }
  }

  actionTimedOut({ actionId, action, call }) {
    const timedOut = this.actions.get(actionId);
    if (timedOut?.pending) timedOut.state = 'timedOut';
    this.log('actionTimedOut', call, { action });
  }

  audioActivated() {
    for (const call of [...this.awaitingActivation]) this.cancelActivationDeadline(call);
    if (this.audioCall === null || this.audioCall !== this.mediaOwner) {
      this.log('activationWithoutCall', this.audioCall, { mediaOwner: this.mediaOwner });
      return;
    }
    this.startMedia();
  }

  audioDeactivated() {
    // media was stopped in performEnd or on hold already (R-AUD-3)
  }

  /** R-END-4: the system ended every call; tell the server, release media, cancel timers, complete nothing. */
  providerReset() {
    for (const call of this.calls.values()) this.tellServerEnded(call);
    for (const call of [...this.awaitingActivation]) this.cancelActivationDeadline(call);
    if (this.mediaOwner !== null) this.tearDownMedia();
    this.audioCall = null;
    this.calls.clear();
  }

  // ---- the signalling connection and the app's own UI ------------------------------------------------------

  signalling({ event }) {
    const call = asUuid(event.callId);
    if (call === null) {
      this.log('signallingEventIgnored', null, { type: event.type, why: 'callId is not a UUID' });
    } else if (event.type === 'offer') {
      this.onOffer(call, event.fields ?? {});
    } else if (Object.hasOwn(REMOTE_END_REASONS, event.type)) {
      this.onRemoteEnd(call, REMOTE_END_REASONS[event.type]);
    } else if (event.type === 'answered') {
      this.onRemoteAnswered(call);
    } else {
      this.log('signallingEventIgnored', call, { type: event.type });
    }
  }

  user(m) {
    switch (m.gesture) {
      case 'startCall': return this.userStartsCall(m.call, m.handle);
      case 'continueActivity': return this.userStartsCall(randomUUID(), m.handle); // a Recents tap
      case 'hangUp': return this.userHangsUp(m.call);
      case 'resumeCall': return this.userResumesCall(m.call);
      case 'callKitSetting': return this.callKitSettingChanged(Boolean(m.enabled));
      default: return undefined;
    }
  }

  // ---- small helpers ---------------------------------------------------------------------------------------

  send(type, fields) {
    this.iut.send(type, fields);
  }

  log(event, call, attributes) {
    this.iut.log(event, call, attributes);
  }

  /** The harness's simulated media SDK; calls go in order, their results are not needed. */
  sdk(op, call) {
    this.send('sdk', { op, call });
  }

  /** CXAction.fulfill() / fail(), once, and never after the action timed out (R-TX-1, R-TX-2). */
  complete(action, fulfil) {
    if (!action.pending) {
      this.log('actionNotCompleted', action.call, { action: action.type, state: action.state });
      return;
    }
    action.state = fulfil ? 'fulfilled' : 'failed';
    this.send(fulfil ? 'fulfill' : 'fail', { actionId: action.id });
  }

  /** Whether the action still needs our answer: not completed, not timed out, and its call still ours. */
  stillPending(action) {
    return action.pending && this.calls.has(action.call);
  }

  tellServerEnded(call) {
    this.iut.http('POST', `/v1/calls/${call.id}/${call.endRequest}`, { callId: call.id });
  }

  // ---- launch, login and settings --------------------------------------------------------------------------

  userDefault(key, fallback) {
    return this.settings.userDefaults?.[key] ?? fallback;
  }

  supportsHolding() {
    return String(this.userDefault('supportsHolding', 'true')).toLowerCase() === 'true';
  }

  providerConfiguration() {
    const count = (key, fallback) => Number.parseInt(this.userDefault(key, fallback), 10) || fallback;
    const handleTypes = this.settings.supportedHandleTypes;
    return {
      localizedName: 'CallApp',
      maximumCallGroups: count('maximumCallGroups', 2),
      maximumCallsPerCallGroup: count('maximumCallsPerCallGroup', 1),
      supportedHandleTypes: handleTypes?.length ? handleTypes : ['generic', 'phoneNumber'],
      includesCallsInRecents: true,
      supportsVideo: false,
    };
  }

  createProvider() {
    this.send('createProvider', { configuration: this.providerConfiguration() });
    this.hasProvider = true;
  }

  /** Call actions wait on this login, so none goes on before the server knows this device (R-TX-1). */
  logIn() {
    this.loggedIn = false;
    this.iut.http('POST', `/v1/devices/${this.deviceId}/login`, { user: `user-${this.bundleId}` }, (answer) => {
      this.log('signallingReady', null, { status: statusText(answer) });
      this.loggedIn = true;
      for (const then of this.afterLogin.splice(0)) then();
    });
  }

  whenLoggedIn(then) {
    if (this.loggedIn) then();
    else this.afterLogin.push(then);
  }

  /** CallKit switched off: invalidate the provider (its calls end in failure, R-END-4); on: a new one (R-CFG-1). */
  callKitSettingChanged(enabled) {
    if (!enabled && this.hasProvider) {
      if (this.mediaOwner !== null) this.sdk('stopAudio'); // the system takes the session: no audio outlives it (R-AUD-3)
      this.send('invalidateProvider');
      this.hasProvider = false;
    } else if (enabled && !this.hasProvider) {
      this.createProvider();
    }
  }

  // ---- incoming --------------------------------------------------------------------------------------------

  /** pushRegistry(_:didReceiveIncomingPushWith:for:completion:): report a call before returning, whatever came. */
  didReceiveIncomingPush(payload, completion) {
    const call = asUuid(field(payload, 'callId'));
    const kind = field(payload, 'type') ?? 'call';
    const caller = field(payload, 'caller') ?? UNKNOWN_CALLER;
    if (kind !== 'call' || call === null) {
      this.reportPhantomCall(kind, call, caller, completion);
      return;
    }
    this.log('handleIncomingCall', call, { via: 'push' });
    this.reportIncoming(call, { type: 'generic', value: caller }, completion);
  }

  /** R-PUSH-4/5: a push that starts no call is still reported, as a call ended at once; a cancel ends its call. */
  reportPhantomCall(kind, call, caller, completion) {
    const phantom = randomUUID();
    this.log('phantomCall', phantom, {
      pushType: kind, forCall: call, why: call === null ? 'no usable callId' : 'not a call push',
    });
    this.reportIncoming(phantom, { type: 'generic', value: caller }, completion);
    this.send('reportEnded', { call: phantom, reason: 'failed' });
    this.calls.delete(phantom);
    if (kind === 'cancel' && call !== null && this.calls.has(call)) this.onRemoteEnd(call, 'remoteEnded');
  }

  onOffer(call, { caller, handleType }) {
    if (this.calls.has(call)) {
      this.log('duplicateOffer', call);
      return;
    }
    this.log('handleIncomingCall', call, { via: 'signalling' });
    this.reportIncoming(call, { type: handleType || 'generic', value: caller || UNKNOWN_CALLER });
  }

  /**
   * reportNewIncomingCall(with:update:completion:). A push's completion runs only after this report's own
   * completion (R-PUSH-3); offers have none.
   */
  reportIncoming(call, handle, pushCompletion) {
    // A duplicate push for a call we already track must not reset what we know about it (R-PUSH-8).
    const known = this.calls.has(call);
    if (!known) this.calls.set(call, new Call(call, { outgoing: false, handle }));
    const update = { call, handle, callerName: handle.value, supportsHolding: this.supportsHolding() };
    this.iut.call('reportIncoming', update, ({ error }) => {
      if (known && error === 'callUUIDAlreadyExists') {
        this.log('duplicateReportKept', call); // R-PUSH-8: a duplicate push; keep the call
      } else {
        this.incomingCallReported(call, error);
        if (pushCompletion && !error && this.calls.has(call)) this.checkCallState(call);
      }
      pushCompletion?.();
    });
  }

  /** R-PUSH-5: a push can come late; if the server says the call is already over, end it. */
  checkCallState(call) {
    this.iut.http('GET', `/v1/calls/${call}`, undefined, (answer) => {
      if (!succeeded(answer)) {
        this.log('callStateUnknown', call, { status: statusText(answer) });
        return;
      }
      const state = answer.body?.state;
      if ((state === 'cancelled' || state === 'ended') && this.calls.has(call)) {
        this.log('callAlreadyOver', call, { state });
        this.onRemoteEnd(call, 'remoteEnded');
      }
    });
  }

  /** R-INC-1: after an error, no SDK and no media; tell the server we are busy (but keep a duplicate's call). */
  incomingCallReported(call, error) {
    if (!this.calls.has(call)) return; // ended while the report was in flight (a phantom or cancelled call)
    if (error === 'callUUIDAlreadyExists') {
      this.log('duplicateReport', call, { error });
    } else if (error) {
      this.log('incomingCallRejected', call, { error });
      this.calls.delete(call);
      this.iut.http('POST', `/v1/calls/${call}/busy`, { callId: call });
    } else {
      this.prepareMedia(call);
    }
  }

  /** The seed's defensive order: release any stale SDK before preparing for this call (R-AUD-4). */
  prepareMedia(call) {
    if (call === this.mediaOwner) return; // already prepared: answered before the report's completion arrived
    const owner = this.calls.get(this.mediaOwner);
    if (owner && !owner.held) {
      // The live call keeps the single SDK; a ringing second call must not touch its audio (R-MULTI-2).
      this.log('mediaDeferred', call, { owner: owner.id });
      return;
    }
    if (owner) {
      // Hold & Accept: the held call's media stopped at hold; hand the SDK over, re-prepared on resume.
      this.log('mediaHandedOver', call, { from: owner.id });
      this.sdk('releaseAudio');
    }
    this.sdk('unprepareSDK');
    this.sdk('prepareSDK', call);
    this.mediaOwner = call;
  }

  performAnswer(action) {
    const call = this.calls.get(action.call);
    if (!call) {
      this.complete(action, false);
      return;
    }
    this.configureAudioSession();
    call.answered = true;
    call.awaitingServer = action;
    this.prepareMedia(call.id);
    // Fulfil only once the server connection exists (R-TX-1): after the login of a push-woken launch, then the
    // accept. A server slower than our deadline fails the answer before the system's action timeout (R-TX-2).
    this.startServerDeadline(action);
    this.whenLoggedIn(() => this.iut.http('POST', `/v1/calls/${call.id}/accept`, { callId: call.id },
      (answer) => this.serverAnswered(action, answer)));
  }

  configureAudioSession() {
    this.send('audioSession', { op: 'setCategory', category: 'playAndRecord', mode: 'voiceChat' });
  }

  startServerDeadline(action) {
    this.iut.setTimer(`server-deadline:${action.id}`, SERVER_DEADLINE_MS, () => {
      if (!this.stillPending(action)) return;
      this.log('serverDeadlineExceeded', action.call, { action: action.type, deadline: `${SERVER_DEADLINE_MS / 1000}s` });
      this.actionFailed(action);
    });
  }

  /** The server's answer to an accept: fulfil the answer, or fail it. */
  serverAnswered(action, answer) {
    this.iut.cancelTimer(`server-deadline:${action.id}`);
    if (!this.stillPending(action)) {
      // Timed out, failed by our deadline, or the call ended meanwhile: never complete it again (R-TX-1/2).
      this.log('lateServerAnswerIgnored', action.call, { action: action.type, status: statusText(answer) });
    } else if (succeeded(answer)) {
      this.complete(action, true);
      this.awaitActivation(action.call);
    } else {
      this.log('serverRefused', action.call, { status: statusText(answer) });
      this.actionFailed(action);
    }
  }

  /** An answer or start failed: the system ends the call; we drop it and release its media (R-TX-1). */
  actionFailed(action) {
    this.complete(action, false);
    const gone = this.calls.get(action.call);
    this.calls.delete(action.call);
    if (gone?.answered || gone?.outgoing) {
      this.iut.http('POST', `/v1/calls/${action.call}/hangup`, { callId: action.call });
    }
    this.cancelActivationDeadline(action.call);
    this.releaseMedia(action.call);
  }

  /** The session should now be activated for this call; if didActivate never comes, end the call (R-AUD-6). */
  awaitActivation(call) {
    this.audioCall = call;
    this.cancelActivationDeadline(call);
    this.awaitingActivation.add(call);
    this.iut.setTimer(`activation:${call}`, ACTIVATION_DEADLINE_MS, () => this.activationNeverCame(call));
  }

  activationNeverCame(call) {
    this.awaitingActivation.delete(call);
    if (!this.calls.delete(call)) return;
    this.log('activationDeadlineExceeded', call, { deadline: `${ACTIVATION_DEADLINE_MS / 1000}s` });
    this.iut.http('POST', `/v1/calls/${call}/hangup`, { callId: call });
    this.send('reportEnded', { call, reason: 'failed' });
    this.releaseMedia(call);
  }

  cancelActivationDeadline(call) {
    if (this.awaitingActivation.delete(call)) this.iut.cancelTimer(`activation:${call}`);
  }

  /** The seed's didActivate: configure the SDK's audio, then start it (R-AUD-2). */
  startMedia() {
    this.sdk('configAudio');
    this.sdk('startAudio');
  }

  // ---- ending ----------------------------------------------------------------------------------------------

  /** The hang-up button of the app's call screen: a CXEndCallAction through the system (R-END-2). */
  userHangsUp(call) {
    this.log('endCallWithCompletion', call);
    this.iut.call('requestTransaction', { actions: [{ action: 'end', call }] }, ({ error }) => {
      if (!error) return;
      // R-END-3: the system no longer knows the call; still tear down our own state.
      this.log('endCallFailed', call, { error });
      const gone = this.calls.get(call);
      if (!gone) return;
      this.calls.delete(call);
      this.tellServerEnded(gone);
      this.releaseMedia(call);
    });
  }

  performEnd(action) {
    const call = this.calls.get(action.call);
    if (!call) {
      this.complete(action, false); // R-TX-6: never leave an end pending, even for a call we do not know
      return;
    }
    this.calls.delete(call.id);
    // The call ends here whatever the server says: a failed hang-up must not keep it alive.
    this.iut.http('POST', `/v1/calls/${call.id}/${call.endRequest}`, { callId: call.id }, (answer) => {
      if (!succeeded(answer)) this.log('serverNotToldOfEnd', call.id, { status: statusText(answer) });
    });
    this.cancelActivationDeadline(call.id);
    this.releaseMedia(call.id);
    if (call.id === this.audioCall) this.audioCall = null;
    if (action.pending) this.complete(action, true);
    else this.log('endAlreadyTimedOut', call.id); // the system ended the call; never complete it late (R-TX-2)
  }

  /** Only ever after performEndCallAction or a reported end (R-END-2); the SDK may belong to another call. */
  releaseMedia(call) {
    if (this.mediaOwner !== null && this.mediaOwner !== call) return;
    this.tearDownMedia();
  }

  tearDownMedia() {
    this.sdk('stopAudio');
    this.sdk('releaseAudio');
    this.sdk('unprepareSDK');
    this.mediaOwner = null;
  }

  /** The other party ended the call, or another device took it: reportCall(with:endedAt:reason:) (R-END-1). */
  onRemoteEnd(call, reason) {
    const gone = this.calls.get(call);
    if (!this.calls.delete(call)) {
      this.log('remoteEndForUnknownCall', call, { reason });
      return;
    }
    this.send('reportEnded', { call, reason });
    // The server's late answer will find no call; the action still needs its completion (R-TX-1).
    if (gone.awaitingServer?.pending) this.complete(gone.awaitingServer, false);
    this.cancelActivationDeadline(call);
    this.releaseMedia(call);
    if (call === this.audioCall) this.audioCall = null;
  }

  // ---- outgoing and hold -----------------------------------------------------------------------------------

  userStartsCall(call, handle) {
    this.calls.set(call, new Call(call, { outgoing: true, handle }));
    this.log('startCallWithCompletion', call, { handle: handle.value });
    this.iut.call('requestTransaction', { actions: [{ action: 'start', call, handle }] }, ({ error }) => {
      if (!error) return;
      this.log('startCallFailed', call, { error });
      this.calls.delete(call);
    });
  }

  performStart(action, handle) {
    const call = this.calls.get(action.call);
    if (!call) {
      this.complete(action, false);
      return;
    }
    this.configureAudioSession();
    this.prepareMedia(call.id);
    const callee = (handle ?? call.handle).value;
    call.awaitingServer = action;
    this.startServerDeadline(action);
    this.whenLoggedIn(() => this.iut.http('POST', '/v1/calls', { callId: call.id, callee },
      (answer) => this.serverInvited(action, call, answer)));
  }

  /** The server's answer to an invite: fulfil the start and say the call is connecting (R-OUT-1), or fail it. */
  serverInvited(action, call, answer) {
    this.iut.cancelTimer(`server-deadline:${action.id}`);
    if (!this.stillPending(action)) {
      this.log('lateServerAnswerIgnored', call.id, { action: 'start', status: statusText(answer) });
    } else if (succeeded(answer)) {
      this.complete(action, true);
      this.send('reportOutgoing', { call: call.id, state: 'startedConnecting' });
      call.startedConnecting = true;
      // The callee answered before the invite's response: connected only now, after startedConnecting (R-OUT-1).
      if (call.answered) this.send('reportOutgoing', { call: call.id, state: 'connected' });
      this.awaitActivation(call.id);
    } else {
      this.log('inviteFailed', call.id, { status: statusText(answer) });
      this.complete(action, false);
      this.calls.delete(call.id);
      this.releaseMedia(call.id);
    }
  }

  onRemoteAnswered(id) {
    const call = this.calls.get(id);
    if (!call?.outgoing) {
      this.log('answeredForUnknownCall', id);
      return;
    }
    call.answered = true;
    if (call.startedConnecting) {
      this.send('reportOutgoing', { call: id, state: 'connected' });
    } else {
      // R-OUT-1: connectedAt only after startedConnectingAt; the invite's answer reports it.
      this.log('connectedDeferred', id, { why: 'not started connecting yet' });
    }
  }

  performSetHeld(action, onHold) {
    const call = this.calls.get(action.call);
    if (!call) {
      this.complete(action, false);
      return;
    }
    call.held = onHold;
    if (onHold) {
      // Speakerbox: stop audio on hold; it restarts in the next didActivate (R-AUD-7).
      if (call.id === this.mediaOwner) this.sdk('stopAudio');
      if (call.id === this.audioCall) this.audioCall = null;
    } else {
      // Resume: the SDK may have gone to the other call meanwhile; media starts only in didActivate (R-AUD-7).
      this.prepareMedia(call.id);
      this.audioCall = call.id;
    }
    this.complete(action, true);
  }

  /** Unhold from the app's UI; media restarts only in the next audioActivated (R-AUD-7). */
  userResumesCall(call) {
    this.log('resumeCallWithCompletion', call);
    this.iut.call('requestTransaction', { actions: [{ action: 'setHeld', call, onHold: false }] }, ({ error }) => {
      if (error) this.log('resumeCallFailed', call, { error });
    });
  }
}

// ---- payloads ----------------------------------------------------------------------------------------------

/** An httpResponse with a 2xx status (status 0: no response came). */
function succeeded({ status }) {
  return status >= 200 && status < 300;
}

function statusText({ status }) {
  return status ? String(status) : 'none';
}

/** A top-level payload field as text, or null when it is missing, blank or not a scalar. */
function field(payload, name) {
  const value = payload !== null && typeof payload === 'object' ? payload[name] : undefined;
  if (value === undefined || value === null || typeof value === 'object') return null;
  const text = String(value);
  return text.trim() ? text : null;
}

/** A call UUID in its canonical lower-case form, or null when the text is not one. */
function asUuid(text) {
  if (typeof text !== 'string') return null;
  const hex = text.trim().replace(/^urn:uuid:/i, '').replace(/^\{(.*)\}$/, '$1').replaceAll('-', '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return null;
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

module.exports = { CallApp, Call, Action, run, asUuid, field };

if (require.main === module) run(CallApp);
