// The build-error overlay: shown on buildFailed and reloadFailed (also the one the server
// re-sends to a page that connects while the build is broken), dismissed with Esc or its
// button, cleared by itself on the next reloadCompleted.
//
// A diagnostic may carry an optional code frame in "frame": either preformatted text, or an
// array of { line, text } source lines around diagnostic.line (that line is marked, with a caret
// under diagnostic.column). Without it only the location and message are shown.
import { $, h } from "./dom.js";

export function createOverlay(client, { onChange } = {}) {
  const el = $("overlay");
  const title = $("overlay-title");
  const sub = $("overlay-sub");
  const body = $("overlay-body");
  const closeBtn = $("overlay-close");
  let failure = null;        // the failure shown (or dismissed but still current)
  let returnFocus = null;

  client.onNotification("buildFailed", (p) => show({ kind: "build", ...p }));
  client.onNotification("reloadFailed", (p) => show({ kind: "reload", ...p }));
  client.onNotification("reloadCompleted", () => clear());
  client.onNotification("buildStarted", () => { if (failure) el.dataset.building = "true"; });

  closeBtn.addEventListener("click", () => dismiss());
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !el.hidden) { e.preventDefault(); dismiss(); }
  });

  function show(f) {
    failure = f;
    delete el.dataset.building;
    el.dataset.kind = f.kind;
    if (f.kind === "build") renderBuild(f);
    else renderReload(f);
    const wasHidden = el.hidden;
    el.hidden = false;
    // Take focus only from nobody: a user moving a slider keeps it; Esc works anyway.
    if (wasHidden && (document.activeElement === document.body || !document.activeElement)) {
      returnFocus = null;
      closeBtn.focus({ preventScroll: true });
    } else if (wasHidden) {
      returnFocus = document.activeElement;
    }
    onChange?.(failure, true);
  }

  function renderBuild(f) {
    const diagnostics = Array.isArray(f.diagnostics) ? f.diagnostics : [];
    const errors = diagnostics.filter((d) => d?.severity !== "warning").length;
    title.textContent = errors === 1 ? "Build failed: 1 error"
      : errors > 1 ? `Build failed: ${errors} errors` : "Build failed";
    sub.textContent = "The previous version is still running. Fix the code and save: this clears by itself.";
    const items = diagnostics.map(renderDiagnostic);
    const parts = [];
    if (items.length) parts.push(h("ol", { class: "diagnostics" }, ...items));
    if (typeof f.output === "string" && f.output.trim()) {
      const pre = h("pre", { class: "build-output" }, f.output.trimEnd());
      parts.push(items.length ? h("details", { class: "output-details" }, h("summary", {}, "Build output"), pre) : pre);
    }
    if (!parts.length) parts.push(h("p", { class: "muted" }, "The build tool reported no details."));
    body.replaceChildren(...parts);
  }

  function renderReload(f) {
    title.textContent = f.stage ? `Reload failed at ${f.stage}` : "Reload failed";
    sub.textContent = "The new code compiled but could not be loaded; the previous version is still running.";
    body.replaceChildren(
      h("p", { class: "reload-message", "data-role": "message" }, String(f.message ?? "")),
      typeof f.detail === "string" && f.detail ? h("pre", { class: "build-output" }, f.detail.trimEnd()) : null);
  }

  function dismiss() {
    if (el.hidden) return;
    el.hidden = true;
    returnFocus?.focus?.({ preventScroll: true });
    returnFocus = null;
    onChange?.(failure, false);
  }

  function clear() {
    failure = null;
    const wasOpen = !el.hidden;
    el.hidden = true;
    body.replaceChildren();
    if (wasOpen) returnFocus?.focus?.({ preventScroll: true });
    returnFocus = null;
    onChange?.(null, false);
  }

  return {
    /** Shows the current failure again after a dismiss. */
    reopen() { if (failure) show(failure); },
    get failure() { return failure; },
  };
}

function renderDiagnostic(d) {
  const file = String(d?.file ?? "");
  const line = Number.isInteger(d?.line) ? d.line : null;
  const column = Number.isInteger(d?.column) ? d.column : null;
  const where = file + (line ? `:${line}` : "") + (line && column ? `:${column}` : "");
  const severity = d?.severity === "warning" ? "warning" : "error";
  return h("li", { class: "diagnostic", "data-severity": severity, "data-file": file,
      "data-line": line ?? "", "data-column": column ?? "" },
    h("div", { class: "diag-head" },
      h("span", { class: "diag-severity" }, severity),
      h("code", { class: "diag-location", "data-role": "location" }, where || "(unknown file)")),
    h("p", { class: "diag-message", "data-role": "message" }, String(d?.message ?? "")),
    renderFrame(d?.frame, line, column));
}

/** The optional code frame: a string as-is, or [{line, text}] with the error line marked. */
export function renderFrame(frame, line, column) {
  if (typeof frame === "string" && frame.trim()) {
    return h("pre", { class: "code-frame", "data-role": "frame" }, frame.replace(/\s+$/, ""));
  }
  if (!Array.isArray(frame)) return null;
  const lines = frame.filter((l) => l && Number.isFinite(Number(l.line)) && typeof l.text === "string");
  if (!lines.length) return null;
  const width = String(Math.max(...lines.map((l) => Number(l.line)))).length;
  const pre = h("pre", { class: "code-frame", "data-role": "frame" });
  for (const l of lines) {
    const n = Number(l.line);
    const isError = n === line;
    pre.append(h("span", { class: isError ? "frame-line is-error" : "frame-line", "data-line": String(n) },
      h("span", { class: "frame-gutter", "aria-hidden": "true" }, `${isError ? ">" : " "} ${String(n).padStart(width)} │ `),
      l.text.replace(/\s+$/, ""), "\n"));
    if (isError && column && column > 0) {
      // Keep tabs so the caret lines up with the code above it.
      const lead = l.text.slice(0, column - 1).replace(/[^\t]/g, " ");
      pre.append(h("span", { class: "frame-line frame-caret", "aria-hidden": "true" },
        h("span", { class: "frame-gutter" }, `  ${" ".repeat(width)} │ `), lead + "^", "\n"));
    }
  }
  return pre;
}
