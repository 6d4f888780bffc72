// The compare panel: A/B between generations (getCompare, setCompare, compareChanged). Compare on
// or off, which generation is A (the live one or one kept for rollback), listening to a, b or diff,
// match loudness; both levels, the null test (the difference's peak and RMS, "identical" when the
// server says so) and each generation's CPU, polled four times a second while comparing; and why
// compare turned itself off. Settings other pages change arrive as compareChanged. The panel
// carries what it shows for tests and tools: data-enabled, data-listening, and the null test's
// data-state (off, waiting, identical, different).
import { $, h, toast, isMissingMethod } from "./dom.js";
import { createPoller } from "./poller.js";

const POLL_MS = 250;          // the server measures over a quarter of a second
const IDLE_POLL_MS = 2000;    // while off: a reload still moves B and what is kept
const SILENCE_DB = -199;      // the server's floor (-200 dBFS) is digital silence
const NULL_BELOW_DB = -120;   // the server's "identical" threshold

export function createComparePanel(client) {
  const panel = $("compare-panel");
  const enabledBox = $("compare-enabled");
  const aSelect = $("compare-a");
  const bText = $("compare-b");
  const listenButtons = [...$("compare-listening").querySelectorAll("button")];
  const matchBox = $("compare-match");
  const aLevel = $("compare-a-level");
  const bLevel = $("compare-b-level");
  const matchGain = $("compare-match-gain");
  const diffPeak = $("compare-diff-peak");
  const diffRms = $("compare-diff-rms");
  const cpuText = $("compare-cpu");
  const nullText = $("compare-null");
  const stoppedText = $("compare-stopped");

  let view = null;
  let connected = false;
  let pending = 0;              // setCompare calls not answered yet: polls meanwhile show old settings

  const poller = createPoller(client, "getCompare", {
    everyMs: POLL_MS,
    idleMs: IDLE_POLL_MS,
    onResult: (r) => { if (!pending) show(r); return !!view?.enabled; },
  });
  client.onNotification("compareChanged", (p) => show(p));

  enabledBox.addEventListener("change", () => change({ enabled: enabledBox.checked }, "Compare"));
  matchBox.addEventListener("change", () => change({ matchLoudness: matchBox.checked }, "Match loudness"));
  aSelect.addEventListener("change", () => change({ a: Number(aSelect.value) }, "Generation A"));
  for (const button of listenButtons) {
    button.addEventListener("click", () => {
      // Shown at once; the server switches at the next block boundary, with a short crossfade.
      showListening(button.dataset.listening);
      change({ listening: button.dataset.listening }, "Listening");
    });
  }

  async function change(settings, what) {
    pending++;
    try {
      const reply = await client.call("setCompare", settings);
      pending--;
      show(reply);
    } catch (err) {
      pending--;
      if (err.code !== "disconnected") toast(`${what}: ${err.message}`);
      show(view);   // back to what the server last said
    }
  }

  function show(next) {
    if (!next || typeof next !== "object") return;
    view = next;
    const on = !!next.enabled;
    panel.dataset.enabled = String(on);
    enabledBox.checked = on;
    matchBox.checked = !!next.matchLoudness;
    bText.textContent = next.b ?? "–";
    showGenerations(next);
    showListening(next.listening);
    showLevels(next, on);
    stoppedText.hidden = !next.stoppedBecause;
    stoppedText.textContent = next.stoppedBecause ? `Compare turned itself off: ${next.stoppedBecause}` : "";
    update();
  }

  function showGenerations(v) {
    const numbers = [v.b, ...(Array.isArray(v.kept) ? v.kept : [])].filter(Number.isInteger);
    if (Number.isInteger(v.a) && !numbers.includes(v.a)) numbers.push(v.a);
    const wanted = numbers.map((n) => `${n}`).join(",");
    if (aSelect.dataset.options !== wanted) {
      aSelect.replaceChildren(...numbers.map((n) => h("option", { value: n }, n === v.b ? `${n} (live)` : `${n}`)));
      aSelect.dataset.options = wanted;
    }
    if (Number.isInteger(v.a)) aSelect.value = String(v.a);
  }

  function showListening(listening) {
    panel.dataset.listening = listening ?? "";
    for (const button of listenButtons) {
      button.setAttribute("aria-checked", String(button.dataset.listening === listening));
    }
  }

  function showLevels(v, on) {
    const levels = v.levels ?? {};
    aLevel.textContent = on ? dbfs(levels.a_rms_db) : "–";
    bLevel.textContent = dbfs(levels.b_rms_db);
    matchGain.textContent = on && v.matchLoudness ? signedDb(levels.match_gain_db) : "–";
    diffPeak.textContent = on ? dbfs(levels.diff_peak_db) : "–";
    diffRms.textContent = on ? dbfs(levels.diff_rms_db) : "–";
    const cpu = v.cpu ?? {};
    cpuText.textContent = on ? `${percent(cpu.a)} · ${percent(cpu.b)}` : `– · ${percent(cpu.b)}`;
    const [state, text] = nullTest(levels, on);
    nullText.dataset.state = state;
    nullText.textContent = text;
    nullText.classList.toggle("muted", state === "off" || state === "waiting");
  }

  function update() {
    const on = connected && !!view;
    const comparing = on && !!view.enabled;
    enabledBox.disabled = !on;
    aSelect.disabled = !on;
    matchBox.disabled = !comparing;
    for (const button of listenButtons) button.disabled = !comparing;
  }

  return {
    async setConnected(on) {
      connected = on;
      poller.stop();
      update();
      if (!on) return;
      try {
        const first = await client.call("getCompare");
        if (!connected) return;
        show(first);
        panel.hidden = false;
        poller.start();
      } catch (err) {
        // A server without compare: the panel goes; any other failure leaves it to the poller.
        if (isMissingMethod(err)) panel.hidden = true;
        else if (err.code !== "disconnected") poller.start();
      }
    },
  };
}

/** The null test as [state, text]: off, waiting (below -120 dBFS, not yet for 2 s), identical or different. */
function nullTest(levels, on) {
  if (!on) return ["off", "Compare is off."];
  if (levels.identical === true) {
    return ["identical", "Identical: the difference stayed below −120 dBFS for the last two seconds."];
  }
  const peak = Number(levels.diff_peak_db);
  if (!(peak > NULL_BELOW_DB)) {
    return ["waiting", "The difference is below −120 dBFS; identical once it stays so for two seconds."];
  }
  return ["different", `Different: the difference peaks at ${dbfs(peak)}.`];
}

function dbfs(db) {
  const value = Number(db);
  if (!Number.isFinite(value)) return "–";
  return value <= SILENCE_DB ? "silence" : `${value.toFixed(1)} dBFS`;
}

function signedDb(db) {
  const value = Number(db);
  if (!Number.isFinite(value)) return "–";
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(1)} dB`;
}

function percent(share) {
  const value = Number(share);
  return Number.isFinite(value) ? `${Math.round(value * 100)}%` : "–";
}
