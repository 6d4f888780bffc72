// The parameters panel: one control per parameter, grouped, kept in sync with the server and
// with other tabs. Hooks for tests and user scripts: [data-param-id] rows with
// data-role="control" / "value" / "unit" / "reset" inside. The panel owns the page's view of the
// values: other views (the chain's bypass switches) set values through setValue and follow them
// through options.onValue(id, value).
import { $, h, nextFrame, toast } from "./dom.js";

export function createParameterPanel(client, { onValue } = {}) {
  const box = $("params");
  const legend = box.querySelector("legend");
  const statusEl = $("params-status");
  const statusText = $("params-status-text");
  const countEl = $("param-count");

  /** id -> row state; rebuilt on every render. */
  const rows = new Map();
  let loadToken = 0;          // only the newest getAllParameters answer is rendered
  let dragRow = null;         // the row whose slider is held down, if any
  let deferredRender = null;  // a re-render postponed until the drag ends
  let focusMemo = null;       // { id, role } of the focused control, to restore after re-render
  let enabled = false;

  client.onParameterChanged(({ id, value }) => {
    const row = rows.get(id);
    if (row && typeof value === "number") applyServerValue(row, value);
  });
  client.onParametersChanged((p) => load(Array.isArray(p.added) ? p.added : []));

  // Remember which control has focus, so a re-render can give it back.
  document.addEventListener("focusin", (e) => {
    const rowEl = e.target.closest?.("[data-param-id]");
    focusMemo = rowEl && e.target.dataset.role ? { id: rowEl.dataset.paramId, role: e.target.dataset.role } : null;
  });
  document.addEventListener("pointerdown", (e) => {
    if (!e.target.closest?.("[data-param-id]")) focusMemo = null;
  });

  // --- loading and rendering ---------------------------------------------------

  async function load(highlight = []) {
    const token = ++loadToken;
    if (!rows.size) setStatus("Loading parameters…");
    try {
      const list = await client.getAllParameters();
      if (token !== loadToken) return;
      if (dragRow) deferredRender = { list, highlight };
      else render(list, highlight);
    } catch (err) {
      if (token !== loadToken || err.code === "disconnected") return; // reconnect loads again
      setStatus(`Could not load the parameters: ${err.message}`);
    }
  }

  function render(list, highlight) {
    const memo = focusMemo;
    rows.clear();
    // Groups in order of first appearance; parameters keep declaration order inside.
    const groups = new Map();
    for (const p of list) {
      const name = p.group || "General";
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(p);
    }
    const sections = [];
    let index = 0;
    for (const [name, params] of groups) {
      const headingId = `group-${sections.length}`;
      const section = h("section", { class: "group", "data-group": name, "aria-labelledby": headingId },
        h("h3", { id: headingId, class: "group-title" }, name));
      for (const p of params) {
        const row = createRow(p, index++);
        if (highlight.includes(p.id)) row.el.classList.add("is-new");
        rows.set(p.id, row);
        section.append(row.el);
      }
      sections.push(section);
    }
    box.replaceChildren(legend, ...sections);
    countEl.textContent = list.length === 1 ? "1 parameter" : `${list.length} parameters`;
    setStatus(list.length ? "" : "This processor has no parameters.");

    // Put keyboard focus back on the same control if the re-render took it away.
    const active = document.activeElement;
    if (memo && (!active || active === document.body)) {
      rows.get(memo.id)?.el.querySelector(`[data-role="${memo.role}"]`)?.focus();
    }
  }

  function createRow(p, index) {
    const type = ["float", "bool", "enum"].includes(p.type) ? p.type : "float";
    const cid = `param-${index}`;
    const name = p.name ?? p.id;
    const row = {
      id: p.id, info: p, type,
      serverValue: p.value, // what the server holds, as far as we know
      shown: p.value,       // what the control shows
      pending: undefined,   // a slider value waiting for the next animation frame
      cancelFrame: null,    // cancels the scheduled send
      dragging: false,
      remote: undefined,    // a value from another tab that arrived during a drag
    };
    row.el = h("div", { class: "param", "data-param-id": p.id, "data-type": type });
    const label = h("label", { class: "param-label", for: cid }, name);
    row.valueEl = h("output", { class: "param-value", for: cid, "data-role": "value" });
    const readout = h("span", { class: "readout" }, row.valueEl);
    if (p.unit) readout.append(h("span", { class: "param-unit", "data-role": "unit" }, p.unit));

    if (type === "float") {
      buildSlider(row, p, cid);
      buildValueEditor(row, readout, name);
    } else if (type === "bool") {
      row.control = h("input", { type: "checkbox", role: "switch", id: cid, class: "switch", "data-role": "control" });
      row.control.addEventListener("change", () => send(row, row.control.checked ? 1 : 0));
      // Space toggles a checkbox natively; Enter does too here, as on a button.
      row.control.addEventListener("keydown", (e) => {
        if (e.key === "Enter") { e.preventDefault(); row.control.click(); }
      });
    } else {
      row.control = h("select", { id: cid, class: "select", "data-role": "control" },
        ...(p.variants ?? []).map((v, i) => h("option", { value: String(i) }, v)));
      row.control.addEventListener("change", () => send(row, Number(row.control.value)));
      readout.classList.add("visually-hidden"); // the select already shows the value
    }

    row.resetBtn = h("button", { type: "button", class: "reset", "data-role": "reset",
      title: "Reset to default", "aria-label": `Reset ${name} to default` }, "↺");
    if (typeof p.default !== "number") row.resetBtn.hidden = true;
    row.resetBtn.addEventListener("click", () => resetRow(row));
    row.el.addEventListener("dblclick", (e) => {
      if (e.target.closest("select, button, input.value-edit")) return; // these have their own meaning
      resetRow(row);
    });

    row.el.append(label, h("div", { class: "control" }, row.control), readout, row.resetBtn);
    display(row, typeof p.value === "number" ? p.value : (p.default ?? 0));
    return row;
  }

  function buildSlider(row, p, cid) {
    // A float without a usable range still gets a working slider (0..1).
    let min = Number(p.min), max = Number(p.max);
    if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) { min = 0; max = 1; }
    const span = max - min;
    const step = span > 0 ? span / 1000 : 1;
    row.range = { min, max, span, decimals: Math.min(4, Math.max(0, Math.ceil(-Math.log10(step)))) };
    const input = h("input", { type: "range", id: cid, class: "slider", "data-role": "control",
      min: String(min), max: String(max), step: String(step),
      "aria-describedby": `${cid}-range` });
    row.control = input;
    row.rangeHint = h("span", { id: `${cid}-range`, class: "visually-hidden" },
      `from ${min} to ${max}${p.unit ? " " + p.unit : ""}; Enter types a value`);

    input.addEventListener("input", () => {
      const v = tidy(row, input.valueAsNumber);
      showText(row, v);
      queueSend(row, v);
    });
    input.addEventListener("change", () => flush(row)); // release: the final value always goes out
    input.addEventListener("pointerdown", () => {
      row.dragging = true;
      dragRow = row;
      const end = () => {
        window.removeEventListener("pointerup", end);
        window.removeEventListener("pointercancel", end);
        endDrag(row);
      };
      window.addEventListener("pointerup", end);
      window.addEventListener("pointercancel", end);
    });
    // The native step (0.1% of the range) is too fine for keys: 1% per arrow,
    // 0.1% with Shift, 10% per Page Up/Down. Enter opens the value for typing.
    input.addEventListener("keydown", (e) => {
      const { min, max, span } = row.range;
      const small = span / (e.shiftKey ? 1000 : 100);
      let v = row.shown;
      switch (e.key) {
        case "ArrowUp": case "ArrowRight": v += small; break;
        case "ArrowDown": case "ArrowLeft": v -= small; break;
        case "PageUp": v += span / 10; break;
        case "PageDown": v -= span / 10; break;
        case "Home": v = min; break;
        case "End": v = max; break;
        case "Enter": e.preventDefault(); row.edit?.(); return;
        default: return;
      }
      e.preventDefault();
      v = tidy(row, v);
      display(row, v);
      queueSend(row, v);
    });
  }

  /** Click the number (or press Enter on the slider) to type a value; Enter sets it, Esc cancels. */
  function buildValueEditor(row, readout, name) {
    const editor = h("input", { type: "text", inputmode: "decimal", class: "value-edit", "data-role": "value-input",
      "aria-label": `${name} value`, spellcheck: "false", autocomplete: "off" });
    editor.hidden = true;
    readout.prepend(editor);
    readout.append(row.rangeHint);
    row.valueEl.title = "Click to type a value";
    const close = (commit) => {
      if (editor.hidden) return;
      const v = Number(editor.value.trim().replace(",", "."));
      if (commit && editor.value.trim() !== "" && Number.isFinite(v)) {
        const { min, max } = row.range;
        if (v < min || v > max) {
          editor.setAttribute("aria-invalid", "true");
          toast(`${name}: ${v} is outside ${min} … ${max}`);
          return;
        }
        cancelPending(row);
        display(row, v);
        if (v !== row.serverValue) send(row, v);
      }
      editor.hidden = true;
      editor.removeAttribute("aria-invalid");
      row.valueEl.hidden = false;
      if (document.activeElement === editor || document.activeElement === document.body) row.control.focus();
    };
    row.edit = () => {
      if (!enabled) return;
      editor.value = formatNumber(row.shown, row.range.decimals);
      row.valueEl.hidden = true;
      editor.hidden = false;
      editor.focus();
      editor.select();
    };
    row.valueEl.addEventListener("click", row.edit);
    editor.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); close(true); }
      else if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); close(false); }
    });
    editor.addEventListener("blur", () => close(false));
  }

  function endDrag(row) {
    row.dragging = false;
    if (dragRow === row) dragRow = null;
    flush(row);
    delete row.el.dataset.heldValue;
    // Another tab changed the value while we held the slider, and we sent nothing
    // since: the server holds their value now, so show it.
    if (row.remote !== undefined) {
      const v = row.remote;
      row.remote = undefined;
      applyServerValue(row, v);
    }
    if (deferredRender) {
      const { list, highlight } = deferredRender;
      deferredRender = null;
      render(list, highlight);
    }
  }

  // --- sending values --------------------------------------------------------------

  // Slider input comes faster than it is worth sending: keep only the newest value
  // and send it once per animation frame.
  function queueSend(row, v) {
    row.pending = v;
    if (!row.cancelFrame) row.cancelFrame = nextFrame(() => { row.cancelFrame = null; flush(row); });
  }

  function cancelPending(row) {
    row.cancelFrame?.();
    row.cancelFrame = null;
    row.pending = undefined;
  }

  function flush(row) {
    const v = row.pending;
    cancelPending(row);
    if (v !== undefined && v !== row.serverValue) send(row, v);
  }

  function send(row, v) {
    row.serverValue = v;
    row.remote = undefined; // our value reaches the server after theirs did
    delete row.el.dataset.heldValue;
    showText(row, v);
    client.setParameter(row.id, v).catch((err) => onSetError(row.id, err));
  }

  async function onSetError(id, err) {
    if (err.code === "disconnected") return; // everything is fetched again on reconnect
    const name = rows.get(id)?.info.name ?? id;
    toast(`${name}: ${err.message}`);
    try {
      const value = await client.getParameter(id);
      const row = rows.get(id);
      if (row) applyServerValue(row, value);
    } catch { /* the reconnect path will reload */ }
  }

  function resetRow(row) {
    const d = row.info.default;
    if (typeof d === "number") setRow(row, d);
  }

  /** Shows v at once and sends it unless the server holds it already; false while paused. */
  function setRow(row, v) {
    if (!enabled) return false;
    cancelPending(row);
    display(row, v);
    if (v !== row.serverValue) send(row, v);
    return true;
  }

  /** A value the server reports (another tab, or a restore after an error). */
  function applyServerValue(row, v) {
    if (row.dragging) { // don't yank the slider from under the user; say a value is waiting
      row.remote = v;
      row.el.dataset.heldValue = String(v);
      return;
    }
    cancelPending(row);
    row.serverValue = v;
    display(row, v);
  }

  // --- showing values ----------------------------------------------------------------

  /** Sets the control and the text. */
  function display(row, v) {
    row.shown = v;
    if (row.type === "float") {
      row.control.value = String(v);
    } else if (row.type === "bool") {
      row.control.checked = v >= 0.5;
    } else {
      row.control.value = String(Math.round(v));
    }
    showText(row, v);
  }

  /** Sets only the text (while dragging, the slider already shows the value). */
  function showText(row, v) {
    row.shown = v;
    let text;
    if (row.type === "float") {
      text = formatNumber(v, row.range.decimals);
      const { min, span } = row.range;
      const pct = span > 0 ? Math.min(100, Math.max(0, ((v - min) / span) * 100)) : 0;
      row.control.style.setProperty("--fill", `${pct}%`);
      row.control.setAttribute("aria-valuetext", row.info.unit ? `${text} ${row.info.unit}` : text);
    } else if (row.type === "bool") {
      text = v >= 0.5 ? "On" : "Off";
    } else {
      text = row.info.variants?.[Math.round(v)] ?? String(v);
    }
    row.valueEl.textContent = text;
    row.valueEl.dataset.value = String(v);
    row.el.dataset.value = String(v);
    row.el.classList.toggle("at-default", row.shown === row.info.default);
    onValue?.(row.id, v);
  }

  /** Rounds away float noise from the slider's step grid and keeps v in range. */
  function tidy(row, v) {
    const { min, max, decimals } = row.range;
    return Math.min(max, Math.max(min, Number(v.toFixed(decimals + 2))));
  }

  function setStatus(text) {
    statusText.textContent = text;
    statusEl.hidden = !text;
  }

  return {
    load,
    /** Controls are paused while away: a change could not reach the server anyway. */
    setEnabled(on, reason) {
      enabled = on;
      box.disabled = !on;
      if (!on && reason) setStatus(rows.size ? reason.withRows : reason.empty);
    },
    setStatus,
    /** Sets a parameter as its own control would; false when there is no such row or controls are paused. */
    setValue(id, value) {
      const row = rows.get(id);
      return row ? setRow(row, value) : false;
    },
    /** The value the panel shows for id, undefined when it has no such row. */
    value(id) {
      return rows.get(id)?.shown;
    },
  };
}

function formatNumber(v, decimals) {
  const s = v.toFixed(decimals);
  return Number(s) === 0 ? (0).toFixed(decimals) : s; // no "-0.00"
}
