// CPU per block: the share of the block period that processing takes (getAudioStatus' cpu: p50,
// p99 and max over the last seconds), as figures and a small chart of the last half minute, with a
// warning while p99 is above the server's warn_above. Generation A's figures (cpu.a, while
// comparing) show beside the live one's (cpu.b), and its p99 as a line of its own on the chart.
// Polls only servers whose status has a cpu member.
import { $, svg } from "./dom.js";
import { createPoller } from "./poller.js";

const POLL_MS = 500;
const HISTORY = 60;          // points on the chart: 30 s
const VIEW_W = 320, VIEW_H = 64;
const SERIES = ["p50", "p99", "max"];

export function createCpuChart(client) {
  const figure = $("cpu");
  const figures = $("cpu-figures");
  const chart = $("cpu-chart");
  const warning = $("cpu-warning");
  const keyA = $("cpu-key-a");
  const history = [];
  let connected = false;

  const poller = createPoller(client, "getAudioStatus", {
    everyMs: POLL_MS,
    idleMs: POLL_MS,
    onResult: (r) => { show(r?.status?.cpu); return true; },
    onFailure: () => show(null),
  });

  function show(cpu) {
    const live = cpu?.b;
    figure.dataset.state = live ? "live" : "none";
    if (!live) {
      figures.textContent = "–";
      warning.hidden = true;
      figure.dataset.warning = "false";
      return;
    }
    history.push({ ...live, a: cpu.a ?? null });
    if (history.length > HISTORY) history.shift();
    figures.textContent = cpu.a ? `B ${text("", live)}; A ${text("", cpu.a)}` : text("", live);
    const limit = Number(cpu.warn_above) || 0.7;
    const over = [live, cpu.a].filter(Boolean).find((f) => Number(f.p99) > limit);
    warning.hidden = !over;
    figure.dataset.warning = String(!!over);
    if (over) {
      warning.textContent = `process() takes ${percent(over.p99)} of the block period at p99 (above ${percent(limit)}):`
        + " little room is left before blocks come late.";
    }
    drawChart(limit);
  }

  function drawChart(limit) {
    const y = (share) => VIEW_H - Math.min(1, Math.max(0, Number(share) || 0)) * VIEW_H;
    const x = (i) => (i / (HISTORY - 1)) * VIEW_W;
    const nodes = [svg("line", { class: "cpu-limit", x1: 0, x2: VIEW_W, y1: y(limit), y2: y(limit) })];
    for (const name of SERIES) {
      const points = history.map((f, i) => `${x(HISTORY - history.length + i).toFixed(1)},${y(f[name]).toFixed(1)}`);
      nodes.push(svg("polyline", { class: `cpu-${name}`, points: points.join(" "), "data-points": points.length }));
    }
    // A's p99 only where A ran: one line per stretch of comparing.
    let stretch = [];
    const endStretch = () => {
      if (stretch.length) {
        nodes.push(svg("polyline", { class: "cpu-a-p99", points: stretch.join(" "), "data-points": stretch.length }));
      }
      stretch = [];
    };
    history.forEach((f, i) => {
      if (!f.a) endStretch();
      else stretch.push(`${x(HISTORY - history.length + i).toFixed(1)},${y(f.a.p99).toFixed(1)}`);
    });
    endStretch();
    keyA.hidden = !history.some((f) => f.a);
    chart.replaceChildren(...nodes);
    const last = history[history.length - 1];
    chart.setAttribute("aria-label", `Processing per block: ${text("", last)}`);
  }

  return {
    /** Every status the audio panel sees: a server that reports cpu is polled for it. */
    status(status) {
      if (connected && status?.cpu && !poller.running) poller.start();
      if (status && !status.cpu && poller.running) { poller.stop(); show(null); }
    },
    setConnected(on) {
      connected = on;
      if (!on) {
        poller.stop();
        history.length = 0;
        show(null);
      }
    },
  };
}

function text(prefix, f) {
  return `${prefix}p50 ${percent(f.p50)} · p99 ${percent(f.p99)} · max ${percent(f.max)}`;
}

function percent(share) {
  return `${Math.round((Number(share) || 0) * 100)}%`;
}
