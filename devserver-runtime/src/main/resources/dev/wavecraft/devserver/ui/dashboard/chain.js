// The chain panel: the stages of a chain processor in chain order (getChain), each with its
// bypass switch (the parameter <stage id>_bypass, set and followed through the parameters panel,
// which owns the page's values) and a meter of the signal after it (the meter frame's "stages").
// Fetched again after a reload, which may add, remove or reorder stages. A processor that is no
// chain (one stage, no stage levels) or a server without getChain leaves the panel hidden. Stage
// rows carry data-stage-id, data-bypassed, data-peak and data-rms for tests and tools.
import { $, h, isMissingMethod } from "./dom.js";
import { fillClip, dbText } from "./levels.js";

/** options.params: the parameters panel (setValue, value). */
export function createChainView(client, { params }) {
  const panel = $("chain-panel");
  const list = $("chain-stages");
  const countEl = $("chain-count");

  let stages = [];            // [{ id, name, parameters }] as getChain said
  const rows = new Map();     // stage id -> { el, bypass, fill, text }
  let stageLevels = false;    // the meter frames carry per-stage levels: the processor is a chain
  let connected = false;
  let token = 0;              // only the newest getChain answer is shown

  client.onNotification("parametersChanged", load);
  client.onNotification("reloadCompleted", load);

  async function load() {
    const mine = ++token;
    try {
      const reply = await client.call("getChain");
      if (mine !== token) return;
      render(Array.isArray(reply?.stages) ? reply.stages : []);
    } catch (err) {
      if (mine !== token || err.code === "disconnected") return; // a reconnect loads again
      if (!isMissingMethod(err)) console.warn("wavecraft: getChain failed", err);
      render([]);
    }
  }

  function render(next) {
    stages = next;
    rows.clear();
    list.replaceChildren(...stages.map((stage, i) => createRow(stage, i)));
    countEl.textContent = stages.length === 1 ? "1 stage" : `${stages.length} stages`;
    update();
  }

  function createRow(stage, index) {
    const name = stage.name || stage.id;
    const bypassId = `${stage.id}_bypass`;
    const bypass = h("input", { type: "checkbox", role: "switch", class: "switch", "aria-label": `Bypass ${name}` });
    const hasBypass = !Array.isArray(stage.parameters) || stage.parameters.includes(bypassId);
    const fill = h("div", { class: "meter-rms" });
    const text = h("span", { class: "meter-db stage-db" }, "–");
    const el = h("li", { class: "stage", "data-stage-id": stage.id, "data-bypassed": "false" },
      h("span", { class: "stage-index", "aria-hidden": "true" }, String(index + 1)),
      h("span", { class: "stage-name" }, h("span", { class: "stage-title" }, name), " ",
        h("code", { class: "stage-id" }, stage.id)),
      hasBypass ? h("label", { class: "toggle stage-bypass" }, bypass, h("span", { "aria-hidden": "true" }, "Bypass")) : h("span"),
      h("div", { class: "meter-track stage-meter", role: "img", "aria-label": `Level after ${name}` }, fill),
      text);
    const row = { el, bypass, fill, text, name };
    bypass.addEventListener("change", () => {
      // The parameters panel sends it and shows it in its own switch; when it cannot, undo.
      if (!params.setValue(bypassId, bypass.checked ? 1 : 0)) showBypass(row, params.value(bypassId));
      else showBypass(row, bypass.checked ? 1 : 0);
    });
    bypass.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); bypass.click(); } // as the parameters' switches do
    });
    rows.set(stage.id, row);
    showBypass(row, params.value(bypassId));
    return el;
  }

  function showBypass(row, value) {
    const on = typeof value === "number" && value >= 0.5;
    row.bypass.checked = on;
    row.el.dataset.bypassed = String(on);
  }

  function update() {
    panel.hidden = !(stages.length > 1 || (stageLevels && stages.length > 0));
    for (const row of rows.values()) row.bypass.disabled = !connected;
  }

  return {
    setConnected(on) {
      connected = on;
      update();
      if (on) load();
    },

    /** A parameter's value as the parameters panel shows it: follows the bypass switches. */
    parameterValue(id, value) {
      if (!id.endsWith("_bypass")) return;
      const row = rows.get(id.slice(0, -"_bypass".length));
      if (row) showBypass(row, value);
    },

    /** Each meter frame drawn (null when there is none): the levels after each stage. */
    meter(frame) {
      const levels = Array.isArray(frame?.stages) ? frame.stages : null;
      if (!!levels !== stageLevels) {
        stageLevels = !!levels;
        update();
      }
      if (panel.hidden) return;
      const byId = new Map((levels ?? []).map((s) => [s.id, s]));
      for (const [id, row] of rows) {
        const s = byId.get(id);
        const peak = s ? Math.max(Number(s.peak_l) || 0, Number(s.peak_r) || 0) : 0;
        const rms = s ? Math.max(Number(s.rms_l) || 0, Number(s.rms_r) || 0) : 0;
        row.fill.style.clipPath = fillClip(rms);
        row.text.textContent = s ? dbText(peak) : "–";
        row.el.dataset.peak = s ? String(peak) : "";
        row.el.dataset.rms = s ? String(rms) : "";
      }
    },
  };
}
