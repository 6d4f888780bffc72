// The hot-reload panel: state, generation and time of the last reload (getReloadStatus), the
// actions (triggerReload, setAutoReload, rollback), and the history (getReloadHistory) with a
// chart of the last reload times.
import { $, h, svg, toast, clockTime, ago, duration, baseName, isMissingMethod } from "./dom.js";

const STATE_TEXT = { idle: "Idle", building: "Building…", reloading: "Reloading…", failed: "Failed" };
const OUTCOME_TEXT = { reloaded: "Reloaded", buildFailed: "Build failed", reloadFailed: "Reload failed",
  rolledBack: "Rolled back" };
const CHART_ENTRIES = 24;

export function createReloadPanel(client, { overlay }) {
  const chip = $("reload-chip");
  const chipText = chip.querySelector(".chip-text");
  const stateEl = $("reload-state");
  const genEl = $("reload-generation");
  const lastEl = $("reload-last");
  const statsEl = $("reload-stats");
  const buildingEl = $("reload-building");
  const autoBox = $("auto-reload");
  const reloadBtn = $("reload-now");
  const rollbackBtn = $("rollback");
  const showErrorsBtn = $("show-errors");
  const chartEl = $("reload-chart");
  const chartMax = $("reload-chart-max");
  const historyBody = $("history-body");
  const historyEmpty = $("history-empty");
  const historyCount = $("history-count");

  let status = null;
  let history = [];
  let seq = 0;            // refreshes started
  let buildSeq = -1;      // the refresh count when the last buildStarted arrived
  let available = true;   // false when the server has no reload methods
  let connected = false;

  client.onNotification("buildStarted", (p) => {
    buildSeq = seq;
    setState("building");
    const files = Array.isArray(p.files) ? p.files : [];
    buildingEl.textContent = files.length
      ? `Building ${files.slice(0, 3).map(baseName).join(", ")}${files.length > 3 ? ` and ${files.length - 3} more` : ""}…`
      : `Building (${p.trigger ?? "requested"})…`;
    buildingEl.hidden = false;
  });
  for (const n of ["reloadCompleted", "reloadFailed", "buildFailed"]) client.onNotification(n, () => refresh());

  reloadBtn.addEventListener("click", async () => {
    reloadBtn.disabled = true;
    try {
      await client.call("triggerReload");
      toast("Rebuild requested", "info");
    } catch (err) {
      if (err.code !== "disconnected") toast(`Reload now: ${err.message}`);
    } finally {
      reloadBtn.disabled = !connected || !available;
    }
  });

  autoBox.addEventListener("change", async () => {
    const enabled = autoBox.checked;
    autoBox.disabled = true;
    try {
      await client.call("setAutoReload", { enabled });
      await refresh();
    } catch (err) {
      autoBox.checked = !enabled;
      if (err.code !== "disconnected") toast(`Auto-reload: ${err.message}`);
    } finally {
      autoBox.disabled = !connected || !available;
    }
  });
  autoBox.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); autoBox.click(); }
  });

  rollbackBtn.addEventListener("click", async () => {
    rollbackBtn.disabled = true;
    try {
      const r = await client.call("rollback", {});
      toast(`Rolled back: now generation ${r?.generation ?? "?"}`, "info");
    } catch (err) {
      if (err.code !== "disconnected") toast(`Roll back: ${err.message}`);
    } finally {
      updateButtons();
    }
  });

  showErrorsBtn.addEventListener("click", () => overlay.reopen());
  chip.addEventListener("click", () => overlay.reopen());

  // "3 s ago" keeps moving.
  setInterval(() => { if (!document.hidden) showLast(); }, 10000);

  async function refresh() {
    const mine = ++seq;
    try {
      const [s, hist] = await Promise.all([client.call("getReloadStatus"), client.call("getReloadHistory")]);
      available = true;
      history = Array.isArray(hist?.entries) ? hist.entries : [];
      // A buildStarted that arrived after this refresh began is newer than its answer.
      status = s;
      if (mine > buildSeq) {
        setState(s?.state);
        buildingEl.hidden = s?.state !== "building";
      }
      render();
    } catch (err) {
      if (err.code === "disconnected") return;
      if (isMissingMethod(err)) {
        available = false;
        stateEl.textContent = "Not available on this server";
        setState("unavailable");
      } else {
        toast(`Reload status: ${err.message}`);
      }
      updateButtons();
    }
  }

  function setState(state) {
    const s = state || "idle";
    chip.dataset.state = s;
    stateEl.dataset.state = s;
    stateEl.textContent = STATE_TEXT[s] ?? s;
    showChip();
  }

  function showChip() {
    const s = chip.dataset.state;
    const gen = status?.generation;
    chipText.textContent = (gen ? `Gen ${gen} · ` : "") + (STATE_TEXT[s] ?? s);
    const failed = s === "failed" || overlay.failure;
    chip.title = failed ? "Show the errors" : "Hot reload state";
    chip.disabled = !overlay.failure;
  }

  function render() {
    genEl.textContent = status?.generation ?? "–";
    autoBox.checked = status?.autoReload !== false;
    const st = status?.stats;
    statsEl.textContent = st
      ? [status.paused ? "Auto-reload paused after a crash" : null,
        `${st.reloads ?? 0} ${st.reloads === 1 ? "reload" : "reloads"}`, st.failed ? `${st.failed} failed` : null,
        st.skipped ? `${st.skipped} skipped` : null].filter(Boolean).join(" · ")
      : "";
    statsEl.title = status?.paused ?? "";
    showLast();
    showChip();
    updateButtons();
    renderHistory();
    renderChart();
  }

  function showLast() {
    const last = history.find((e) => e.outcome === "reloaded" || e.outcome === "rolledBack");
    if (!last) {
      lastEl.textContent = "No reload yet";
      lastEl.removeAttribute("datetime");
      return;
    }
    lastEl.setAttribute("datetime", last.at);
    lastEl.title = new Date(last.at).toLocaleString();
    lastEl.textContent = `${clockTime(last.at)} (${ago(last.at)}, ${duration(last.totalMs)})`;
  }

  function updateButtons() {
    const on = connected && available;
    reloadBtn.disabled = !on;
    autoBox.disabled = !on;
    rollbackBtn.disabled = !on || !(status?.generation > 1);
    rollbackBtn.title = rollbackBtn.disabled && on ? "There is no earlier generation yet" : "Go back to the previous good generation";
    showErrorsBtn.hidden = !overlay.failure;
  }

  function renderHistory() {
    historyCount.textContent = history.length ? `${history.length} ${history.length === 1 ? "entry" : "entries"}` : "";
    historyEmpty.hidden = history.length > 0;
    historyBody.replaceChildren(...history.map((e) => {
      const files = Array.isArray(e.files) ? e.files : [];
      const ok = e.outcome === "reloaded" || e.outcome === "rolledBack";
      const added = Array.isArray(e.added) ? e.added : [];
      const removed = Array.isArray(e.removed) ? e.removed : [];
      const changes = [...added.map((id) => h("span", { class: "tag tag-add" }, `+${id}`)),
        ...removed.map((id) => h("span", { class: "tag tag-remove" }, `−${id}`))];
      return h("tr", { "data-generation": String(e.generation), "data-outcome": e.outcome },
        h("td", { class: "nowrap" }, h("time", { datetime: e.at, title: new Date(e.at).toLocaleString() }, clockTime(e.at))),
        h("td", { class: "num" }, String(e.generation)),
        h("td", { class: "what" },
          h("span", { class: "trigger" }, e.trigger ?? ""),
          files.length ? h("span", { class: "files", title: files.join("\n") },
            files.slice(0, 2).map(baseName).join(", ") + (files.length > 2 ? ` +${files.length - 2}` : "")) : null),
        h("td", {},
          h("span", { class: `outcome ${ok ? "is-ok" : "is-bad"}` }, OUTCOME_TEXT[e.outcome] ?? e.outcome),
          e.error ? h("span", { class: "error-line", title: e.error }, e.error) : null),
        h("td", { class: "num" }, e.buildMs ? duration(e.buildMs) : "–"),
        h("td", { class: "num" }, ok ? duration(e.reloadMs) : "–"),
        h("td", { class: "num strong" }, duration(e.totalMs)),
        h("td", { class: "changes" }, ...(changes.length ? changes : [h("span", { class: "muted" }, "–")])));
    }));
  }

  function renderChart() {
    const entries = history.slice(0, CHART_ENTRIES).reverse(); // oldest on the left
    const W = 320, H = 96, pad = 2;
    const max = Math.max(50, ...entries.map((e) => Number(e.totalMs) || 0));
    chartMax.textContent = entries.length ? `max ${duration(max)}` : "";
    const slot = (W - pad * 2) / CHART_ENTRIES;
    const bar = Math.max(3, slot * 0.7);
    const y = (ms) => (ms / max) * (H - 4);
    const nodes = [svg("line", { x1: 0, x2: W, y1: H - 0.5, y2: H - 0.5, class: "chart-axis" })];
    entries.forEach((e, i) => {
      const x = pad + (CHART_ENTRIES - entries.length + i) * slot + (slot - bar) / 2;
      const ok = e.outcome === "reloaded" || e.outcome === "rolledBack";
      const parts = ok
        ? [["detect", e.detectMs], ["build", e.buildMs], ["reload", e.reloadMs], ["notify", e.notifyMs]]
        : [["failed", e.totalMs]];
      const g = svg("g", { class: "chart-bar", "data-generation": String(e.generation) },
        svg("title", {}, `Generation ${e.generation}, ${OUTCOME_TEXT[e.outcome] ?? e.outcome}: ${duration(e.totalMs)}`
          + (ok ? ` (build ${duration(e.buildMs)}, reload ${duration(e.reloadMs)})` : "")));
      let top = H;
      for (const [kind, ms] of parts) {
        const hgt = y(Math.max(0, Number(ms) || 0));
        if (hgt <= 0) continue;
        top -= hgt;
        g.append(svg("rect", { x: x.toFixed(1), y: top.toFixed(1), width: bar.toFixed(1),
          height: Math.max(1, hgt).toFixed(1), class: `seg-${kind}` }));
      }
      if (top === H) { // a 0 ms entry still shows as a sliver
        g.append(svg("rect", { x: x.toFixed(1), y: H - 1, width: bar.toFixed(1), height: 1, class: `seg-${ok ? "reload" : "failed"}` }));
      }
      nodes.push(g);
    });
    chartEl.replaceChildren(...nodes);
    chartEl.setAttribute("aria-label", entries.length
      ? `Total time of the last ${entries.length} builds and reloads, longest ${duration(max)}` : "No reloads yet");
  }

  return {
    refresh,
    setConnected(on) {
      connected = on;
      if (!on) buildingEl.hidden = true;
      updateButtons();
    },
    /** The overlay opened, closed or cleared. */
    failureChanged() { showChip(); updateButtons(); },
  };
}
