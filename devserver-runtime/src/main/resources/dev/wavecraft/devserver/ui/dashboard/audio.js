// The audio panel: the engine's phase with its diagnostic (getAudioStatus, audioStatusChanged),
// peak and RMS meters for both channels (getMeterFrame at ~20 Hz, or pushed meterFrame
// notifications) and an oscilloscope on a canvas (getOscilloscopeFrame). "No audio" while the
// frames are null. A server without these methods (-32601) is asked again only rarely, with a
// growing delay, so an older server costs nothing and logs nothing.
import { $, isMissingMethod } from "./dom.js";
import { DB_FLOOR, toDb, fraction, fillClip, dbText } from "./levels.js";

const POLL_MS = 50;          // ~20 Hz while frames come
const IDLE_POLL_MS = 500;    // while the server has no frames
const FIRST_BACKOFF_MS = 5000;
const MAX_BACKOFF_MS = 60000;
const PUSH_FRESH_MS = 250;   // pushed meter frames this recent make polling the meter pointless
const PHASE_TEXT = {
  disabled: "Disabled", initializing: "Starting…", runningFullDuplex: "Running",
  runningInputOnly: "Input only", degraded: "Degraded", failed: "Failed",
};

/**
 * options.onStatus(status) sees every status shown (the CPU chart starts on one that has cpu);
 * options.onMeter(frame) every meter frame drawn, null while there is none (the chain's stage meters).
 */
export function createAudioPanel(client, { onStatus, onMeter } = {}) {
  const panel = $("audio-panel");
  const phaseEl = $("audio-phase");
  const detailEl = $("audio-detail");
  const messageEl = $("audio-message");
  const hintEl = $("audio-hint");
  const formatEl = $("audio-format");
  const noAudioEl = $("no-audio");
  const canvas = $("scope");
  const ctx = canvas.getContext("2d");
  const channels = ["l", "r"].map((c) => ({
    c,
    row: $(`meter-${c}`),
    rms: $(`meter-${c}`).querySelector(".meter-rms"),
    peak: $(`meter-${c}`).querySelector(".meter-peak"),
    text: $(`meter-${c}`).querySelector(".meter-db"),
    hold: 0, holdAt: 0,
  }));

  const methods = {
    getMeterFrame: { until: 0, backoff: 0 },
    getOscilloscopeFrame: { until: 0, backoff: 0 },
  };
  let meter = null, scope = null;
  let lastPush = -Infinity;
  let connected = false;
  let timer = 0;
  let inFlight = false;
  let drawQueued = false;
  let generation = 0; // bumps on every (re)connect, so a stale poll loop stops
  let css = null;     // scope colours from the stylesheet, read once per size or theme

  client.onNotification("audioStatusChanged", (p) => showStatus(p && "phase" in p ? p : p?.status ?? null));
  client.onNotification("meterFrame", (p) => {
    const f = p && "peak_l" in p ? p : p?.frame;
    if (!f) return;
    meter = f;
    lastPush = performance.now();
    queueDraw();
  });
  document.addEventListener("visibilitychange", () => { if (!document.hidden) schedule(0); });
  new ResizeObserver(() => { sizeCanvas(); queueDraw(); }).observe(canvas);
  sizeCanvas();
  showStatus(null, "No audio engine reported yet");
  queueDraw();

  async function fetchStatus() {
    try {
      const r = await client.call("getAudioStatus");
      showStatus(r?.status ?? null);
    } catch (err) {
      if (err.code === "disconnected") return;
      showStatus(null, isMissingMethod(err) ? "This server has no audio engine" : `Audio status: ${err.message}`);
    }
  }

  function showStatus(status, why) {
    onStatus?.(status);
    const phase = status?.phase;
    phaseEl.dataset.phase = phase ?? "none";
    phaseEl.textContent = phase ? (PHASE_TEXT[phase] ?? phase) : "No audio";
    const d = status?.diagnostic;
    messageEl.textContent = d?.message ?? (phase ? "" : why ?? "");
    hintEl.textContent = d?.hint ?? "";
    hintEl.hidden = !d?.hint;
    messageEl.hidden = !messageEl.textContent;
    detailEl.dataset.code = d?.code ?? "";
    const fmt = [status?.sample_rate ? `${(status.sample_rate / 1000).toFixed(1)} kHz` : null,
      status?.buffer_size ? `${status.buffer_size} frames` : null].filter(Boolean).join(" · ");
    formatEl.textContent = fmt;
    formatEl.hidden = !fmt;
  }

  // --- polling ----------------------------------------------------------------

  function schedule(delay) {
    clearTimeout(timer);
    if (!connected) return;
    const g = generation;
    timer = setTimeout(() => tick(g), delay);
  }

  async function tick(g) {
    if (!connected || g !== generation || inFlight) return;
    if (document.hidden) return; // visibilitychange starts it again
    inFlight = true;
    const now = performance.now();
    const jobs = [];
    if (usable("getMeterFrame", now) && now - lastPush > PUSH_FRESH_MS) {
      jobs.push(poll("getMeterFrame").then((f) => { if (f !== undefined) meter = f; }));
    }
    if (usable("getOscilloscopeFrame", now)) {
      jobs.push(poll("getOscilloscopeFrame").then((f) => { if (f !== undefined) scope = f; }));
    }
    await Promise.all(jobs);
    if (g !== generation) return; // setConnected started a new loop meanwhile
    inFlight = false;
    queueDraw();
    const live = meter || scope;
    const anyUsable = Object.keys(methods).some((m) => usable(m, performance.now()));
    const wake = Math.min(...Object.values(methods).map((m) => m.until)) - performance.now();
    schedule(anyUsable ? (live ? POLL_MS : IDLE_POLL_MS) : Math.max(IDLE_POLL_MS, wake));
  }

  function usable(method, now) {
    return methods[method].until <= now;
  }

  /** The frame, null for none, or undefined when the call failed (the old frame is dropped then). */
  async function poll(method) {
    const m = methods[method];
    try {
      const r = await client.call(method);
      m.backoff = 0;
      return r?.frame ?? null;
    } catch (err) {
      if (err.code === "disconnected") return undefined;
      // Missing (an older server) or failing: ask again later, less and less often.
      m.backoff = Math.min(MAX_BACKOFF_MS, m.backoff ? m.backoff * 2 : FIRST_BACKOFF_MS);
      m.until = performance.now() + m.backoff;
      if (!isMissingMethod(err) && m.backoff === FIRST_BACKOFF_MS) console.warn(`wavecraft: ${method} failed`, err);
      if (method === "getMeterFrame") meter = null; else scope = null;
      return undefined;
    }
  }

  // --- drawing ----------------------------------------------------------------

  function queueDraw() {
    if (drawQueued) return;
    drawQueued = true;
    requestAnimationFrame(() => { drawQueued = false; draw(); });
  }

  function draw() {
    const live = !!(meter || scope);
    panel.dataset.audio = live ? "live" : "none";
    noAudioEl.hidden = live;
    drawMeters();
    drawScope();
  }

  function drawMeters() {
    const now = performance.now();
    for (const ch of channels) {
      const peak = meter ? Number(meter[`peak_${ch.c}`]) || 0 : 0;
      const rms = meter ? Number(meter[`rms_${ch.c}`]) || 0 : 0;
      // Peak hold: stays 1 s, then falls at 20 dB/s.
      const peakDb = toDb(peak);
      const heldDb = ch.hold > DB_FLOOR ? ch.hold - Math.max(0, now - ch.holdAt - 1000) * 0.02 : DB_FLOOR;
      if (peakDb >= heldDb) { ch.hold = peakDb; ch.holdAt = now; } else { ch.hold = heldDb; ch.holdAt = now - 1000; }
      ch.rms.style.clipPath = fillClip(rms);
      ch.peak.style.left = `${(fraction(ch.hold) * 100).toFixed(2)}%`;
      ch.peak.hidden = !meter || ch.hold <= DB_FLOOR;
      ch.text.textContent = meter ? dbText(peak) : "–";
      ch.row.dataset.clip = String(peak >= 1);
      ch.row.dataset.peak = meter ? String(peak) : "";
      ch.row.dataset.rms = meter ? String(rms) : "";
    }
    onMeter?.(meter);
  }

  function sizeCanvas() {
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
    const hgt = Math.max(1, Math.round(canvas.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== hgt) { canvas.width = w; canvas.height = hgt; }
    css = null; // the theme may have changed with the size (media queries)
  }

  function colors() {
    if (!css) {
      const s = getComputedStyle(canvas);
      const v = (name, fallback) => s.getPropertyValue(name).trim() || fallback;
      css = { grid: v("--scope-grid", "#263041"), axis: v("--scope-axis", "#3a4558"),
        left: v("--scope-left", "#2dd4bf"), right: v("--scope-right", "#a78bfa") };
    }
    return css;
  }

  function drawScope() {
    const { width: W, height: H } = canvas;
    const c = colors();
    ctx.clearRect(0, 0, W, H);
    ctx.lineWidth = 1;
    ctx.strokeStyle = c.grid;
    ctx.beginPath();
    for (let i = 1; i < 8; i++) { const x = Math.round((W * i) / 8) + 0.5; ctx.moveTo(x, 0); ctx.lineTo(x, H); }
    for (let i = 1; i < 4; i++) { const y = Math.round((H * i) / 4) + 0.5; ctx.moveTo(0, y); ctx.lineTo(W, y); }
    ctx.stroke();
    ctx.strokeStyle = c.axis;
    ctx.beginPath();
    ctx.moveTo(0, Math.round(H / 2) + 0.5);
    ctx.lineTo(W, Math.round(H / 2) + 0.5);
    ctx.stroke();
    if (!scope || scope.no_signal) return;
    const dpr = window.devicePixelRatio || 1;
    trace(scope.points_r, c.right, 0.75, 1.25 * dpr);
    trace(scope.points_l, c.left, 1, 1.5 * dpr);

    function trace(points, color, alpha, width) {
      if (!Array.isArray(points) || points.length < 2) return;
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.lineJoin = "round";
      ctx.beginPath();
      const n = points.length;
      for (let i = 0; i < n; i++) {
        const x = (i / (n - 1)) * W;
        const y = H / 2 - Math.max(-1, Math.min(1, Number(points[i]) || 0)) * (H / 2 - 2);
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      }
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
  }

  return {
    setConnected(on) {
      connected = on;
      generation++;
      clearTimeout(timer);
      inFlight = false;
      if (on) {
        // A server that comes back may be a newer one: ask every method again.
        for (const m of Object.values(methods)) { m.until = 0; m.backoff = 0; }
        fetchStatus();
        schedule(0);
      } else {
        meter = null;
        scope = null;
        queueDraw();
      }
    },
  };
}
