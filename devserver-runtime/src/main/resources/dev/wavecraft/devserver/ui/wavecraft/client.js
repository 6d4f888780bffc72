/**
 * Wavecraft dev server client: JSON-RPC 2.0 over one WebSocket, reconnecting by itself.
 * A plain ES module without dependencies; the dev server's own dashboard is built on it, and a
 * user's UI imports it as-is:
 *
 *   import { connect } from "/wavecraft/client.js";
 *   const client = connect();                       // ws(s)://<this page's host>/ws
 *   const params = await client.getAllParameters();
 *   await client.setParameter("gain", -6);
 *   const off = client.onNotification("reloadCompleted", (p) => console.log(p.generation));
 *   off();                                          // unsubscribes
 *
 * API
 * - connect(url?, options?) / new WavecraftClient(url?, options?): starts connecting at once.
 *   options: timeoutMs (10000; a call without a reply rejects), minDelayMs (250) and maxDelayMs
 *   (5000) of the reconnect backoff (doubling, with jitter), offlineAfter (4 failed attempts
 *   before the state says "offline"; retries go on), uiReload (true: handle `uiChanged`, see
 *   below; false to opt out), uiBase ("/ui/": where the server serves the user's UI folder).
 * - client.state and onStateChange(cb(state, previous)) -> unsubscribe; states are in `State`:
 *   connecting, connected, reconnecting, offline, closed. After a reconnect nothing is replayed:
 *   fetch what you show again when the state becomes "connected".
 * - call(method, params?) -> Promise of the result; rejects with an RpcError whose `code` is the
 *   JSON-RPC error code (see `ErrorCode`, e.g. -32601 for a method this server lacks) or
 *   "disconnected" / "timeout". Calls made while away are sent once connected.
 * - notify(method, params?): a JSON-RPC notification (no reply); dropped while away.
 * - onNotification(method, cb(params)) -> unsubscribe, for any server notification
 *   (parameterChanged, parametersChanged, buildStarted, buildFailed, reloadFailed,
 *   reloadCompleted, audioStatusChanged, meterFrame, uiChanged, ...).
 * - Parameters: getAllParameters() -> [ParameterInfo], getParameter(id) -> number,
 *   setParameter(id, value), onParameterChanged(cb({id, value})) for changes made elsewhere,
 *   onParametersChanged(cb({generation, added, removed, kept, reset})) when a reload changed the
 *   list, and watchParameters(cb(list)) -> unsubscribe, which hands over the whole list now, on
 *   every change, after every reload (re-fetched) and after every reconnect.
 * - reconnectNow(), close(), ping().
 *
 * uiChanged ({ files: [paths relative to the UI folder] }): when every changed file is a .css
 * file, matching <link rel="stylesheet"> elements get a cache-busting query in place (no page
 * reload, no flash: the new sheet replaces the old once loaded). Any other change reloads the
 * page only when it shows one of the files: the page itself lives under uiBase, or an element
 * of it (script, link, img, iframe) loads a changed file.
 */

/** Connection states reported by onStateChange. */
export const State = Object.freeze({
  CONNECTING: "connecting",     // first attempt, never connected yet
  CONNECTED: "connected",
  RECONNECTING: "reconnecting", // lost the connection, retrying
  OFFLINE: "offline",           // several attempts failed; still retrying, more slowly
  CLOSED: "closed",             // close() was called; no more retries
});

/** JSON-RPC error codes the dev server uses (PROTOCOL.md). */
export const ErrorCode = Object.freeze({
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
  PARAMETER_NOT_FOUND: -32000,
  VALUE_OUT_OF_RANGE: -32001,
});

/** Error for a failed call: `code` is the JSON-RPC error code (a number) or,
 *  for failures on this side, "disconnected" or "timeout". */
export class RpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.name = "RpcError";
    this.code = code;
    if (data !== undefined) this.data = data;
  }
}

function defaultUrl() {
  // Same origin as the page; the dev server upgrades "/ws". Pages opened from
  // file:// have no host, so fall back to the server's default address.
  const loc = globalThis.location;
  if (!loc || !loc.host) return "ws://127.0.0.1:9000/ws";
  return `${loc.protocol === "https:" ? "wss:" : "ws:"}//${loc.host}/ws`;
}

export class WavecraftClient {
  /**
   * @param {string} [url] WebSocket URL; defaults to ws(s)://<location.host>/ws
   * @param {{timeoutMs?: number, minDelayMs?: number, maxDelayMs?: number, offlineAfter?: number,
   *          uiReload?: boolean, uiBase?: string}} [options]
   */
  constructor(url = defaultUrl(), options = {}) {
    this.url = url;
    this.timeoutMs = options.timeoutMs ?? 10000;
    this.minDelayMs = options.minDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 5000;
    this.offlineAfter = options.offlineAfter ?? 4; // failed attempts before "offline"
    this._state = State.CONNECTING;
    this._nextId = 1;
    this._pending = new Map();   // id -> { resolve, reject, timer, frame }
    this._queue = [];            // frames written while not connected, sent on open
    this._notify = new Map();    // method -> Set<callback>
    this._stateListeners = new Set();
    this._failures = 0;
    this._retryTimer = null;
    this._everConnected = false;
    this.uiBase = options.uiBase ?? "/ui/";
    if (options.uiReload ?? true) this.onNotification("uiChanged", (p) => this._onUiChanged(p));
    // Back on the network (laptop wakes up, Wi-Fi returns): don't wait for the backoff.
    globalThis.addEventListener?.("online", () => this.reconnectNow());
    this._open();
  }

  get state() { return this._state; }

  /** Calls a method; resolves with `result`, rejects with an RpcError.
   *  A call made while (re)connecting waits for the connection, up to timeoutMs. */
  call(method, params) {
    if (this._state === State.CLOSED) return Promise.reject(new RpcError("disconnected", "client is closed"));
    const id = this._nextId++;
    const msg = { jsonrpc: "2.0", id, method };
    if (params !== undefined) msg.params = params;
    const frame = JSON.stringify(msg);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this._settle(id, null, new RpcError("timeout", `${method}: no reply within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this._pending.set(id, { resolve, reject, timer, frame });
      this._send(frame);
    });
  }

  /** Sends a JSON-RPC notification (no id, no reply). Dropped when not connected. */
  notify(method, params) {
    if (this._state !== State.CONNECTED) return;
    const msg = { jsonrpc: "2.0", method };
    if (params !== undefined) msg.params = params;
    this._ws.send(JSON.stringify(msg));
  }

  /** Subscribes to a server notification; callback(params). Returns an unsubscribe function. */
  onNotification(method, callback) {
    if (!this._notify.has(method)) this._notify.set(method, new Set());
    const set = this._notify.get(method);
    set.add(callback);
    return () => set.delete(callback);
  }

  /** callback(state, previousState) on every change. Returns an unsubscribe function. */
  onStateChange(callback) {
    this._stateListeners.add(callback);
    return () => this._stateListeners.delete(callback);
  }

  // --- parameter helpers -------------------------------------------------

  /** @returns {Promise<Array<object>>} ParameterInfo objects in declaration order */
  async getAllParameters() { return (await this.call("getAllParameters")).parameters; }
  /** @returns {Promise<number>} */
  async getParameter(id) { return (await this.call("getParameter", { id })).value; }
  /** Rejects with code -32000 (unknown id) or -32001 (out of range). */
  async setParameter(id, value) { await this.call("setParameter", { id, value }); }
  /** @returns {Promise<{pong: true}>} */
  ping() { return this.call("ping"); }
  /** callback({ id, value }) when another client or the host changed a value. */
  onParameterChanged(callback) { return this.onNotification("parameterChanged", callback); }
  /** callback({ generation, added, removed, kept, reset }) when the list changed; re-fetch. */
  onParametersChanged(callback) { return this.onNotification("parametersChanged", callback); }

  /**
   * callback(list) with every ParameterInfo: now, whenever a value changes elsewhere, after a
   * reload changed the list (re-fetched) and after a reconnect. Returns an unsubscribe function.
   * Values this client sets itself are not echoed by the server; they are in the list next time.
   */
  watchParameters(callback) {
    let list = null;
    let token = 0;
    let active = true;
    const refetch = async () => {
      const mine = ++token;
      try {
        const fresh = await this.getAllParameters();
        if (active && mine === token) { list = fresh; callback(list); }
      } catch (e) {
        if (e.code !== "disconnected") console.warn("wavecraft: getAllParameters failed", e);
      }
    };
    const offs = [
      this.onParameterChanged(({ id, value }) => {
        const p = list?.find((q) => q.id === id);
        if (p) { p.value = value; callback(list); }
      }),
      this.onParametersChanged(refetch),
      this.onStateChange((state) => { if (state === State.CONNECTED) refetch(); }),
    ];
    if (this._state === State.CONNECTED) refetch();
    return () => { active = false; offs.forEach((off) => off()); };
  }

  /** Retries at once instead of waiting for the next backoff step. */
  reconnectNow() {
    if (this._state === State.CLOSED || this._state === State.CONNECTED) return;
    clearTimeout(this._retryTimer);
    if (!this._ws || this._ws.readyState === WebSocket.CLOSED) this._open();
  }

  /** Closes for good: no more reconnects, pending calls are rejected. */
  close() {
    clearTimeout(this._retryTimer);
    this._setState(State.CLOSED);
    if (this._ws) this._ws.close(1000);
    this._rejectAll("client closed");
  }

  // --- internals ---------------------------------------------------------

  _onUiChanged(params) {
    const files = (Array.isArray(params?.files) ? params.files : []).filter((f) => typeof f === "string");
    if (!files.length || typeof document === "undefined") return;
    const base = uiBaseUrl(this.url, this.uiBase);
    const changed = files.map((f) => bare(new URL(f.replace(/^\/+/, ""), base)));
    if (files.every((f) => /\.css$/i.test(f))) {
      swapStylesheets(changed, base);
    } else if (pageShows(changed.filter((u) => !/\.css$/i.test(u)), base)) {
      globalThis.location.reload();
    }
  }

  _open() {
    const ws = new WebSocket(this.url);
    this._ws = ws;
    ws.onopen = () => {
      this._failures = 0;
      this._everConnected = true;
      // Calls made while away go out first, in the order they were made.
      for (const frame of this._queue.splice(0)) ws.send(frame);
      this._setState(State.CONNECTED);
    };
    ws.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch { return console.warn("wavecraft: bad frame", ev.data); }
      for (const m of Array.isArray(msg) ? msg : [msg]) this._dispatch(m);
    };
    ws.onclose = () => {
      if (ws !== this._ws) return;
      // Replies to calls already sent can never arrive now: fail them rather than
      // letting them hang. Calls queued but not yet sent stay queued.
      this._rejectAll("connection closed", true);
      if (this._state === State.CLOSED) return;
      this._failures++;
      this._setState(this._failures >= this.offlineAfter ? State.OFFLINE
        : this._everConnected ? State.RECONNECTING : State.CONNECTING);
      // Exponential backoff with +/-20% jitter, so many tabs don't retry in lockstep.
      const base = Math.min(this.maxDelayMs, this.minDelayMs * 2 ** (this._failures - 1));
      const delay = base * (0.8 + Math.random() * 0.4);
      this._retryTimer = setTimeout(() => this._open(), delay);
    };
    // onerror is always followed by onclose, which does the work.
  }

  _send(frame) {
    if (this._state === State.CONNECTED && this._ws.readyState === WebSocket.OPEN) this._ws.send(frame);
    else this._queue.push(frame);
  }

  _dispatch(m) {
    if (m == null || typeof m !== "object") return;
    if (typeof m.method === "string" && !("id" in m)) {
      for (const cb of [...(this._notify.get(m.method) ?? [])]) {
        try { cb(m.params ?? {}); } catch (e) { console.error("wavecraft: notification handler", e); }
      }
    } else if ("result" in m || "error" in m) {
      if (!this._pending.has(m.id)) {
        if (m.error) console.warn("wavecraft: error without a pending call", m.error);
        return;
      }
      const err = m.error ? new RpcError(m.error.code, m.error.message ?? "error", m.error.data) : null;
      this._settle(m.id, m.result, err);
    }
  }

  _settle(id, result, error) {
    const p = this._pending.get(id);
    if (!p) return;
    this._pending.delete(id);
    clearTimeout(p.timer);
    const i = this._queue.indexOf(p.frame);
    if (i >= 0) this._queue.splice(i, 1);
    error ? p.reject(error) : p.resolve(result);
  }

  _rejectAll(reason, sentOnly = false) {
    for (const [id, p] of [...this._pending]) {
      if (sentOnly && this._queue.includes(p.frame)) continue;
      this._settle(id, null, new RpcError("disconnected", reason));
    }
  }

  _setState(state) {
    if (state === this._state) return;
    const prev = this._state;
    this._state = state;
    for (const cb of [...this._stateListeners]) {
      try { cb(state, prev); } catch (e) { console.error("wavecraft: state handler", e); }
    }
  }
}

// --- uiChanged helpers (exported for tests and for pages that want to call them) -----

/** The absolute URL under which the server serves the UI folder, from the WebSocket URL. */
export function uiBaseUrl(wsUrl, uiBase = "/ui/") {
  const origin = new URL(wsUrl);
  origin.protocol = origin.protocol === "wss:" ? "https:" : "http:";
  const base = new URL(uiBase, origin);
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  return base.href;
}

/** A URL without its query and fragment, as a string. */
function bare(url) {
  const u = new URL(url, globalThis.location?.href);
  return u.origin + u.pathname;
}

/**
 * Reloads the stylesheets among `changed` (absolute URLs without query) in place; when none of
 * the page's <link>s is one of them (a sheet pulled in by @import), every sheet under `base`.
 * Each new <link> goes in beside the old one, which is removed once the new one has loaded.
 * Returns how many sheets were swapped.
 */
export function swapStylesheets(changed, base) {
  const links = [...document.querySelectorAll('link[rel~="stylesheet"][href]')]
    .filter((l) => !l.dataset.wavecraftReplaced);
  let hits = links.filter((l) => changed.includes(bare(l.href)));
  if (!hits.length) hits = links.filter((l) => bare(l.href).startsWith(base));
  const stamp = String(Date.now());
  for (const old of hits) {
    const url = new URL(old.href);
    url.searchParams.set("wavecraft", stamp);
    const fresh = old.cloneNode();
    fresh.href = url.href;
    old.dataset.wavecraftReplaced = "true";
    const done = () => old.remove();
    fresh.addEventListener("load", done, { once: true });
    fresh.addEventListener("error", done, { once: true });
    old.after(fresh);
  }
  return hits.length;
}

/**
 * Whether the page shows one of `changed` (absolute URLs without query): it is itself under
 * `base`, or one of its elements loads a changed file, or a changed script may be imported by
 * one of its module scripts under `base`.
 */
export function pageShows(changed, base, doc = document, loc = globalThis.location) {
  if (!changed.length) return false;
  if (bare(loc.href).startsWith(base)) return true;
  const used = [...doc.querySelectorAll("script[src], link[href], img[src], iframe[src], source[src]")]
    .map((el) => bare(el.src || el.href));
  if (used.some((u) => changed.includes(u))) return true;
  const scripts = changed.filter((u) => /\.m?js$/i.test(u));
  return scripts.length > 0 && [...doc.querySelectorAll('script[type="module"][src]')]
    .some((el) => bare(el.src).startsWith(base));
}

/** Creates a client and starts connecting. */
export function connect(url, options) {
  return new WavecraftClient(url, options);
}
