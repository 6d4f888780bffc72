// The spectrum analyser: what is heard, as getSpectrumFrame gives it (dBFS per FFT bin), drawn on
// a canvas over a log-frequency axis with a peak-hold line; generation A's spectrum (bins_a) is
// drawn beside while compare is on. The canvas carries what it drew for tests and tools:
// data-peak-hz (the loudest bin), data-min-hz and data-max-hz (the axis), data-fft-size and
// data-generation-a (whether A's spectrum is drawn).
import { $ } from "./dom.js";
import { createPoller } from "./poller.js";

const POLL_MS = 80;          // ~12 frames a second: an FFT of 4096 is 85 ms of audio
const IDLE_POLL_MS = 500;
const MIN_HZ = 20, MAX_HZ = 20000;
const DB_FLOOR = -120, DB_CEIL = 6;
const HOLD_MS = 1000, FALL_DB_PER_MS = 0.02; // peak hold: 1 s, then falls 20 dB/s, as the meters do

export function createSpectrumView(client) {
  const canvas = $("spectrum");
  const sizeSelect = $("spectrum-size");
  const emptyEl = $("spectrum-empty");
  const ctx = canvas.getContext("2d");
  let frame = null;
  let hold = null;         // { db: Float32Array, at: Float64Array } per bin, max of the channels
  let css = null;
  let drawQueued = false;

  const poller = createPoller(client, "getSpectrumFrame", {
    params: () => ({ size: Number(sizeSelect.value) }),
    everyMs: POLL_MS,
    idleMs: IDLE_POLL_MS,
    onResult: (r) => { show(r?.frame ?? null); return !!frame; },
    onFailure: () => show(null),
  });
  sizeSelect.addEventListener("change", () => { hold = null; if (poller.running) poller.start(); });
  new ResizeObserver(() => { sizeCanvas(); queueDraw(); }).observe(canvas);
  sizeCanvas();
  queueDraw();

  function show(next) {
    frame = next && Array.isArray(next.bins_l) && Array.isArray(next.bins_r) ? next : null;
    if (frame) updateHold();
    queueDraw();
  }

  function updateHold() {
    const n = frame.bins_l.length;
    const now = performance.now();
    if (!hold || hold.db.length !== n) hold = { db: new Float32Array(n).fill(DB_FLOOR), at: new Float64Array(n) };
    for (let k = 0; k < n; k++) {
      const level = Math.max(Number(frame.bins_l[k]), Number(frame.bins_r[k]));
      const held = hold.db[k] - Math.max(0, now - hold.at[k] - HOLD_MS) * FALL_DB_PER_MS;
      if (level >= held) { hold.db[k] = level; hold.at[k] = now; } else { hold.db[k] = held; hold.at[k] = now - HOLD_MS; }
    }
  }

  function queueDraw() {
    if (drawQueued) return;
    drawQueued = true;
    requestAnimationFrame(() => { drawQueued = false; draw(); });
  }

  function sizeCanvas() {
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
    const hgt = Math.max(1, Math.round(canvas.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== hgt) { canvas.width = w; canvas.height = hgt; }
    css = null;
  }

  function colors() {
    if (!css) {
      const s = getComputedStyle(canvas);
      const v = (name, fallback) => s.getPropertyValue(name).trim() || fallback;
      css = { grid: v("--scope-grid", "#1b2330"), label: v("--faint", "#5d6779"),
        left: v("--scope-left", "#2dd4bf"), right: v("--scope-right", "#a78bfa"),
        a: v("--spectrum-a", "#fbbf24"), hold: v("--spectrum-hold", "#e6e9ef") };
    }
    return css;
  }

  function draw() {
    const { width: W, height: H } = canvas;
    const maxHz = Math.min(MAX_HZ, frame ? frame.sample_rate / 2 : MAX_HZ);
    const x = (hz) => (Math.log(hz / MIN_HZ) / Math.log(maxHz / MIN_HZ)) * W;
    const y = (db) => ((DB_CEIL - Math.max(DB_FLOOR, Math.min(DB_CEIL, db))) / (DB_CEIL - DB_FLOOR)) * H;
    const c = colors();
    const dpr = window.devicePixelRatio || 1;
    ctx.clearRect(0, 0, W, H);
    drawGrid(c, x, y, W, H, maxHz, dpr);
    emptyEl.hidden = !!frame;
    canvas.dataset.minHz = String(MIN_HZ);
    canvas.dataset.maxHz = String(maxHz);
    canvas.dataset.fftSize = frame ? String(frame.fft_size) : "";
    canvas.dataset.peakHz = frame ? String(peakHz(frame)) : "";
    canvas.dataset.generationA = String(!!frame && Array.isArray(frame.bins_a));
    if (!frame) return;
    const binHz = frame.sample_rate / frame.fft_size;
    if (hold) trace(hold.db, c.hold, 0.45, 1 * dpr);
    if (Array.isArray(frame.bins_a)) trace(frame.bins_a, c.a, 0.85, 1.25 * dpr);
    trace(frame.bins_r, c.right, 0.75, 1.25 * dpr);
    trace(frame.bins_l, c.left, 1, 1.5 * dpr);

    // One point per pixel column (the loudest bin in it), joined by lines where bins are sparse.
    function trace(bins, color, alpha, width) {
      ctx.globalAlpha = alpha;
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.lineJoin = "round";
      ctx.beginPath();
      let column = -1, top = Infinity, started = false;
      const flush = () => {
        if (column < 0) return;
        if (started) ctx.lineTo(column + 0.5, top); else { ctx.moveTo(column + 0.5, top); started = true; }
      };
      for (let k = 1; k < bins.length; k++) {
        const hz = k * binHz;
        if (hz < MIN_HZ) continue;
        if (hz > maxHz) break;
        const px = Math.floor(x(hz));
        const py = y(Number(bins[k]));
        if (px !== column) { flush(); column = px; top = py; } else top = Math.min(top, py);
      }
      flush();
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
  }

  function drawGrid(c, x, y, W, H, maxHz, dpr) {
    ctx.lineWidth = 1;
    ctx.strokeStyle = c.grid;
    ctx.beginPath();
    for (const hz of [50, 100, 200, 500, 1000, 2000, 5000, 10000]) {
      if (hz >= maxHz) continue;
      const px = Math.round(x(hz)) + 0.5;
      ctx.moveTo(px, 0); ctx.lineTo(px, H);
    }
    for (let db = 0; db > DB_FLOOR; db -= 20) { const py = Math.round(y(db)) + 0.5; ctx.moveTo(0, py); ctx.lineTo(W, py); }
    ctx.stroke();
    ctx.fillStyle = c.label;
    ctx.font = `${10 * dpr}px system-ui, sans-serif`;
    ctx.textBaseline = "bottom";
    for (const [hz, text] of [[100, "100"], [1000, "1k"], [10000, "10k"]]) {
      if (hz < maxHz) ctx.fillText(text, x(hz) + 3 * dpr, H - 2 * dpr);
    }
    ctx.textBaseline = "top";
    for (let db = 0; db > DB_FLOOR; db -= 40) ctx.fillText(`${db} dB`, 3 * dpr, y(db) + 2 * dpr);
  }

  return {
    setConnected(on) {
      if (on) {
        poller.start();
      } else {
        poller.stop();
        show(null);
      }
    },
  };
}

/** The frequency of the loudest bin of either channel, in Hz. */
function peakHz(frame) {
  let best = 1, level = -Infinity;
  for (const bins of [frame.bins_l, frame.bins_r]) {
    for (let k = 1; k < bins.length; k++) if (Number(bins[k]) > level) { level = Number(bins[k]); best = k; }
  }
  return Math.round((best * frame.sample_rate) / frame.fft_size);
}
