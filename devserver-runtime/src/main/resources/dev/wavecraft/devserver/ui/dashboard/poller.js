// Asks the server one method again and again while the page is connected and visible: quickly
// while it has something to show, slowly while it has not, and with a growing delay when the
// method is missing (an older server, -32601) or failing, so such a server costs nothing and
// logs nothing.
import { isMissingMethod } from "./dom.js";

const FIRST_BACKOFF_MS = 5000;
const MAX_BACKOFF_MS = 60000;

/**
 * options: params() gives the request's params; onResult(result) shows a result and returns
 * whether to ask again soon (everyMs) or not (idleMs); onFailure() drops what was shown.
 */
export function createPoller(client, method, { params = () => undefined, everyMs, idleMs, onResult, onFailure }) {
  let running = false;
  let round = 0;      // bumps on every start and stop, so a stale loop ends
  let timer = 0;
  let backoff = 0;

  document.addEventListener("visibilitychange", () => { if (!document.hidden && running) schedule(round, 0); });

  function schedule(r, delay) {
    clearTimeout(timer);
    if (running && r === round) timer = setTimeout(() => tick(r), delay);
  }

  async function tick(r) {
    if (!running || r !== round || document.hidden) return; // visibilitychange starts it again
    let soon = false;
    try {
      const result = await client.call(method, params());
      if (r !== round) return;
      backoff = 0;
      soon = onResult(result);
    } catch (err) {
      if (err.code === "disconnected" || r !== round) return;
      backoff = Math.min(MAX_BACKOFF_MS, backoff ? backoff * 2 : FIRST_BACKOFF_MS);
      if (!isMissingMethod(err) && backoff === FIRST_BACKOFF_MS) console.warn(`wavecraft: ${method} failed`, err);
      onFailure?.();
      schedule(r, backoff);
      return;
    }
    schedule(r, soon ? everyMs : idleMs);
  }

  return {
    /** Starts asking at once; a server that comes back may be a newer one, so the backoff starts over. */
    start() { running = true; round++; backoff = 0; schedule(round, 0); },
    stop() { running = false; round++; clearTimeout(timer); },
    get running() { return running; },
  };
}
