// Linear levels as the meters show them: in dB, on the meters' -60..+6 dB scale. Shared by the
// output meters (audio.js) and the chain's per-stage meters (chain.js).

export const DB_FLOOR = -60;
export const DB_CEIL = 6;

export function toDb(linear) {
  return linear > 0 ? 20 * Math.log10(linear) : -Infinity;
}

/** Where a level in dB sits on the meter, 0 (at or below the floor) to 1 (the ceiling). */
export function fraction(db) {
  if (!Number.isFinite(db)) return 0;
  return Math.min(1, Math.max(0, (db - DB_FLOOR) / (DB_CEIL - DB_FLOOR)));
}

/** The clip-path that shows a meter bar filled up to the level `linear`. */
export function fillClip(linear) {
  return `inset(0 ${(100 - fraction(toDb(linear)) * 100).toFixed(2)}% 0 0)`;
}

/** "-12.3 dB", "−∞ dB" for silence. */
export function dbText(linear) {
  return linear > 0 ? `${toDb(linear).toFixed(1)} dB` : "−∞ dB";
}
