// Small DOM and formatting helpers shared by the dashboard's panels.

export const $ = (id) => document.getElementById(id);

/** Creates an element: h("div", { class: "x" }, "text", child). Null children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, v);
  el.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** Runs fn on the next animation frame, or after 50 ms where frames are paused
 *  (a background tab): a value must never get stuck unsent. Returns a cancel function. */
export function nextFrame(fn) {
  let done = false;
  const run = () => { if (!done) { done = true; cancelAnimationFrame(raf); clearTimeout(timer); fn(); } };
  const raf = requestAnimationFrame(run);
  const timer = setTimeout(run, 50);
  return () => { done = true; cancelAnimationFrame(raf); clearTimeout(timer); };
}

const toastEl = () => $("toast");
let toastTimer = 0;
/** A short message at the bottom of the page; kind "error" (default) or "info". */
export function toast(text, kind = "error") {
  const el = toastEl();
  el.textContent = text;
  el.dataset.kind = kind;
  el.setAttribute("role", kind === "error" ? "alert" : "status");
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, kind === "error" ? 6000 : 3000);
}

/** "14:32:15" for an ISO instant (or a Date), in local time. */
export function clockTime(at) {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return "";
  return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
}

/** "3 s ago", "5 min ago"; "" for an unreadable time. */
export function ago(at, now = Date.now()) {
  const t = at instanceof Date ? at.getTime() : Date.parse(at);
  if (Number.isNaN(t)) return "";
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 5) return "just now";
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

/** "850 ms", "1.2 s". */
export function duration(ms) {
  if (typeof ms !== "number" || !Number.isFinite(ms)) return "–";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
}

/** The last segment of a path. */
export function baseName(path) {
  return String(path).split(/[\\/]/).pop();
}

/** Whether an RpcError says the server has no such method (an older or newer server). */
export function isMissingMethod(err) {
  return err?.code === -32601;
}
