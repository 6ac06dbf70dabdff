'use strict';
/*
 * callflow-iut/2 plumbing for a Node app (docs/iut-protocol.md), standard library only.
 *
 * The harness hands the app one message at a time, as iOS calls an app's delegates on its main queue. run() reads a
 * message, calls the app's method of the same name and answers "done" when that method returns; nothing of the app
 * runs between handlers. The app's server and clock are the harness's too: http() and setTimer() take a callback that
 * runs later as the handler of the response or the timer. No event loop work, no sockets, no Date.now().
 *
 *     class App {
 *       static NAME = 'acme-voip'; static VERSION = '1.0';
 *       constructor(iut, hello) { ... }
 *       launch(m) { ... }    // one method per handler message, named after its type: launch, pushCredentials,
 *       perform(m) { ... }   // voipPush, perform, actionTimedOut, audioActivated, audioDeactivated, providerReset,
 *     }                      // signalling, user, lifecycle; a missing one does nothing
 *     run(App);              // new App(iut, hello) once the harness said hello
 *
 * The loop is synchronous on purpose: a handler is a delegate method, and a synchronous call (callNow) blocks the main
 * thread until its result, like the iOS API it stands for.
 */
const fs = require('node:fs');
const { StringDecoder } = require('node:string_decoder');

const PROTOCOL = 'callflow-iut/2';

/** The handler messages; each goes to the app's method of the same name. */
const HANDLERS = new Set(['launch', 'pushCredentials', 'voipPush', 'perform', 'actionTimedOut', 'audioActivated',
  'audioDeactivated', 'providerReset', 'signalling', 'user', 'lifecycle']);

/** The handler messages that complete one of the app's asynchronous calls, named by their `re`. */
const COMPLETIONS = new Set(['reportCompletion', 'transactionCompletion', 'httpResponse']);

/** Blocking line reads and writes on a file descriptor: the app's main thread waits for the harness. */
class Channel {
  constructor(input = 0, output = 1) {
    this.input = input;
    this.output = output;
    this.decoder = new StringDecoder('utf8');
    this.chunk = Buffer.alloc(64 * 1024);
    this.pending = '';
    this.ended = false;
  }

  /** The next line, or null at the end of input. */
  readLine() {
    for (;;) {
      const newline = this.pending.indexOf('\n');
      if (newline >= 0) {
        const line = this.pending.slice(0, newline);
        this.pending = this.pending.slice(newline + 1);
        return line;
      }
      if (this.ended) return null;
      const n = retrying(() => fs.readSync(this.input, this.chunk, 0, this.chunk.length, null));
      if (n === 0) {
        this.ended = true;
        this.pending += this.decoder.end();
        if (this.pending === '') return null;
        this.pending += '\n'; // a last line without its newline
      } else {
        this.pending += this.decoder.write(this.chunk.subarray(0, n));
      }
    }
  }

  writeLine(text) {
    const bytes = Buffer.from(text + '\n', 'utf8');
    for (let off = 0; off < bytes.length;) {
      off += retrying(() => fs.writeSync(this.output, bytes, off, bytes.length - off));
    }
  }
}

/** fs calls on a descriptor someone made non-blocking answer EAGAIN: wait a moment and try again. */
function retrying(io) {
  for (;;) {
    try {
      return io();
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}

/** Fields whose value is undefined or null are left out of a message. */
function defined(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null));
}

class Iut {
  constructor(channel = new Channel()) {
    this.channel = channel;
    this.lastId = 0;
    this.completions = new Map(); // id of our reportIncoming / requestTransaction / http -> then(message)
    this.timers = new Map();      // timer name -> then()
  }

  // ---- calls ------------------------------------------------------------------------------------------------

  /** Writes one call. */
  send(type, fields = {}) {
    this.channel.writeLine(JSON.stringify({ type, ...defined(fields) }));
  }

  /** An asynchronous call (reportIncoming, requestTransaction, http): then(message) handles its completion. */
  call(type, fields, then) {
    const id = ++this.lastId;
    if (then) this.completions.set(id, then);
    this.send(type, { id, ...fields });
  }

  /** A synchronous call (sdk, audioSession setActive): returns its result, which comes before anything else. */
  callNow(type, fields) {
    const id = ++this.lastId;
    this.send(type, { id, ...fields });
    return this.read();
  }

  /** A request to the app's server; then({status, body, error}) handles the httpResponse. */
  http(method, path, body, then) {
    this.call('http', { method, path, body }, then);
  }

  /** DispatchQueue.main.asyncAfter: then() handles the timer, unless cancelled; a pending name is replaced. */
  setTimer(name, afterMs, then) {
    this.timers.set(name, then);
    this.send('setTimer', { timer: name, afterMs });
  }

  cancelTimer(name) {
    if (this.timers.delete(name)) this.send('cancelTimer', { timer: name });
  }

  /** The app's own log line (os_log): recorded on the timeline for people, never judged. */
  log(event, call, attributes = {}) {
    const attrs = Object.fromEntries(Object.entries(defined(attributes)).map(([k, v]) => [k, String(v)]));
    this.send('log', { event, call, attributes: attrs });
  }

  // ---- the loop ---------------------------------------------------------------------------------------------

  read() {
    const line = this.channel.readLine();
    return line === null ? null : JSON.parse(line);
  }

  run(App) {
    const hello = this.read();
    if (hello === null) return;
    const app = new App(this, hello);
    this.send('hello', { protocol: PROTOCOL, name: App.NAME, version: App.VERSION });
    for (;;) {
      const m = this.read();
      if (m === null || m.type === 'bye') return; // the system killed the app: no code runs after bye
      if (m.type === 'result') continue;          // the result of a synchronous call nobody waited for
      this.dispatch(app, m);
      this.send('done', { re: m.id });
    }
  }

  dispatch(app, m) {
    if (COMPLETIONS.has(m.type)) {
      const then = this.completions.get(m.re);
      this.completions.delete(m.re);
      if (then) then(m);
    } else if (m.type === 'timer') {
      const then = this.timers.get(m.timer);
      this.timers.delete(m.timer);
      if (then) then();
    } else if (HANDLERS.has(m.type) && typeof app[m.type] === 'function') {
      app[m.type](m);
    }
  }
}

/** Runs App over stdin/stdout until the harness says bye or closes the pipe. */
function run(App) {
  new Iut().run(App);
}

module.exports = { Iut, Channel, run, PROTOCOL };
