// The presets bar of the parameters panel: the project's saved presets (listPresets), load and
// delete the chosen one (loadPreset, deletePreset), save the values as they are under a name
// (savePreset); and what came back of the last session (sessionRestored), with the values that no
// longer fitted. Loaded values reach the sliders through parameterChanged, like any other change.
import { $, h, toast, isMissingMethod } from "./dom.js";

// The server's rule (PresetName): letters, digits, '-', '_' and spaces, not first or last.
const NAME = /^[\p{L}\p{N}_-](?:[\p{L}\p{N} _-]*[\p{L}\p{N}_-])?$/u;
const MAX_NAME = 64;
const CONFIRM_MS = 4000;

/** "4 values; clamped into range: drive; not in this processor: width" for { applied, clamped, dropped }. */
export function describeApplied(r) {
  const list = (a) => (Array.isArray(a) ? a : []);
  const n = list(r?.applied).length + list(r?.clamped).length;
  const parts = [`${n} value${n === 1 ? "" : "s"}`];
  if (list(r?.clamped).length) parts.push(`clamped into range: ${list(r.clamped).join(", ")}`);
  if (list(r?.dropped).length) parts.push(`not in this processor: ${list(r.dropped).join(", ")}`);
  return parts.join("; ");
}

export function createPresetPanel(client) {
  const box = $("presets");
  const list = $("preset-list");
  const loadBtn = $("preset-load");
  const deleteBtn = $("preset-delete");
  const form = $("preset-save-form");
  const nameInput = $("preset-name");
  const saveBtn = $("preset-save");
  const status = $("presets-status");

  let presets = [];
  let connected = false;
  let available = true;
  let busy = false;
  let confirmTimer = 0;

  client.onNotification("sessionRestored", (p) => {
    const fitted = !(p.clamped?.length || p.dropped?.length);
    showStatus(`Restored the last session: ${describeApplied(p)}${p.inputNote ? `. Input: ${p.inputNote}` : ""}.`,
      fitted && !p.inputNote ? "info" : "warn");
  });

  loadBtn.addEventListener("click", () => act(async (name) => {
    const r = await client.call("loadPreset", { name });
    const fitted = !(r?.clamped?.length || r?.dropped?.length);
    showStatus(`Loaded “${name}”: ${describeApplied(r)}.`, fitted ? "info" : "warn");
  }));

  deleteBtn.addEventListener("click", () => {
    if (deleteBtn.dataset.confirm !== "true") {
      // A second click within a few seconds deletes: a file of the user's sources goes.
      deleteBtn.dataset.confirm = "true";
      deleteBtn.textContent = "Really delete?";
      clearTimeout(confirmTimer);
      confirmTimer = setTimeout(resetDelete, CONFIRM_MS);
      return;
    }
    resetDelete();
    act(async (name) => {
      await client.call("deletePreset", { name });
      showStatus(`Deleted “${name}”.`, "info");
      await refresh();
    });
  });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const name = nameInput.value.trim();
    const problem = nameProblem(name);
    if (problem) {
      nameInput.setCustomValidity(problem);
      nameInput.reportValidity();
      showStatus(problem, "error");
      return;
    }
    const replacing = presets.some((p) => p.name === name);
    await run(async () => {
      await client.call("savePreset", { name });
      nameInput.value = "";
      showStatus(`${replacing ? "Replaced" : "Saved"} “${name}”.`, "info");
      await refresh(name);
    }, "Save preset");
  });
  nameInput.addEventListener("input", () => { nameInput.setCustomValidity(""); update(); });
  list.addEventListener("change", () => { resetDelete(); update(); });

  function nameProblem(name) {
    if (!name) return "Type a name for the preset.";
    if (name.length > MAX_NAME) return `A preset name has at most ${MAX_NAME} characters.`;
    if (!NAME.test(name)) return "Use letters, digits, '-', '_' and spaces in a preset name.";
    return "";
  }

  async function act(fn) {
    const name = list.value;
    if (name) await run(() => fn(name), "Preset");
  }

  async function run(fn, what) {
    busy = true;
    update();
    try {
      await fn();
    } catch (err) {
      if (err.code !== "disconnected") {
        showStatus(`${what}: ${err.message}`, "error");
        toast(`${what}: ${err.message}`);
      }
    } finally {
      busy = false;
      update();
    }
  }

  async function refresh(select) {
    try {
      const r = await client.call("listPresets");
      available = true;
      presets = Array.isArray(r?.presets) ? r.presets : [];
      render(select ?? list.value);
    } catch (err) {
      if (err.code === "disconnected") return;
      available = !isMissingMethod(err);
      presets = [];
      render("");
      if (available) showStatus(`Presets: ${err.message}`, "error");
    }
  }

  function render(select) {
    box.hidden = !available;
    list.replaceChildren(...(presets.length
      ? presets.map((p) => h("option", { value: p.name, title: p.savedAt ? `Saved ${new Date(p.savedAt).toLocaleString()}` : null }, p.name))
      : [h("option", { value: "" }, "No presets yet")]));
    if (presets.some((p) => p.name === select)) list.value = select;
    update();
  }

  function update() {
    const on = connected && available && !busy;
    const chosen = presets.length > 0 && list.value !== "";
    list.disabled = !on || presets.length === 0;
    loadBtn.disabled = !on || !chosen;
    deleteBtn.disabled = !on || !chosen;
    nameInput.disabled = !on;
    saveBtn.disabled = !on || nameInput.value.trim() === "";
  }

  function resetDelete() {
    clearTimeout(confirmTimer);
    deleteBtn.dataset.confirm = "false";
    deleteBtn.textContent = "Delete";
  }

  function showStatus(text, kind) {
    status.textContent = text;
    status.dataset.kind = kind;
    status.hidden = false;
  }

  return {
    setConnected(on) {
      connected = on;
      update();
      if (on) refresh();
    },
  };
}
