// The dev server's dashboard: parameters, hot-reload status and history, the build-error
// overlay, the audio views, the keyboard and the chain, all on the public client in
// ./wavecraft/client.js.
import { connect, State } from "./wavecraft/client.js";
import { $ } from "./dashboard/dom.js";
import { createParameterPanel } from "./dashboard/params.js";
import { createOverlay } from "./dashboard/overlay.js";
import { createReloadPanel } from "./dashboard/reload.js";
import { createAudioPanel } from "./dashboard/audio.js";
import { createSpectrumView } from "./dashboard/spectrum.js";
import { createCpuChart } from "./dashboard/cpu.js";
import { createPresetPanel } from "./dashboard/presets.js";
import { createComparePanel } from "./dashboard/compare.js";
import { createKeyboardPanel } from "./dashboard/keyboard.js";
import { createChainView } from "./dashboard/chain.js";

// The dashboard is no page of the user's UI folder: uiChanged never concerns it.
const client = connect(undefined, { uiReload: false });

const badge = $("connection-state");
const badgeText = badge.querySelector(".badge-text");
const retryBtn = $("retry-now");

let chain = null;
const params = createParameterPanel(client, { onValue: (id, value) => chain?.parameterValue(id, value) });
chain = createChainView(client, { params });
let reload = null;
const overlay = createOverlay(client, { onChange: () => reload?.failureChanged() });
reload = createReloadPanel(client, { overlay });
const cpu = createCpuChart(client);
const audio = createAudioPanel(client, { onStatus: cpu.status, onMeter: chain.meter });
const keyboard = createKeyboardPanel(client);
const spectrum = createSpectrumView(client);
const presets = createPresetPanel(client);
const compare = createComparePanel(client);

const STATE_TEXT = {
  [State.CONNECTING]: "Connecting…",
  [State.CONNECTED]: "Connected",
  [State.RECONNECTING]: "Reconnecting…",
  [State.OFFLINE]: "Offline",
  [State.CLOSED]: "Closed",
};

const AWAY = {
  [State.CONNECTING]: { withRows: "Connecting to the dev server…", empty: "Connecting to the dev server…" },
  [State.RECONNECTING]: { withRows: "Connection lost. Controls are paused until the server is back.",
    empty: "The dev server does not answer. Still trying…" },
  [State.OFFLINE]: { withRows: "The dev server is offline. Controls are paused; still retrying.",
    empty: "The dev server does not answer. Still trying…" },
  [State.CLOSED]: { withRows: "Disconnected.", empty: "Disconnected." },
};

function showState(state) {
  badge.dataset.state = state;
  badgeText.textContent = STATE_TEXT[state] ?? state;
  badge.title = state === State.OFFLINE ? "The server does not answer; still retrying every few seconds" : "";
  retryBtn.hidden = !(state === State.OFFLINE || state === State.RECONNECTING);
  document.body.dataset.connection = state;
  const on = state === State.CONNECTED;
  params.setEnabled(on, AWAY[state]);
  reload.setConnected(on);
  cpu.setConnected(on);
  audio.setConnected(on);
  spectrum.setConnected(on);
  presets.setConnected(on);
  compare.setConnected(on);
  keyboard.setConnected(on);
  chain.setConnected(on);
  if (on) {
    // First connect, or back after a drop: the server may have changed meanwhile.
    params.load();
    reload.refresh();
  }
}

client.onStateChange(showState);
showState(client.state);
retryBtn.addEventListener("click", () => client.reconnectNow());

// For tests and for poking around in the console.
window.wavecraft = { client };
