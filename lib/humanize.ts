// Human-readable figures and dates shared by the CLI and the app: UTC dates instead of unix
// seconds, kWh / kg CO2e / g/kWh instead of the SPEC's integer units. Formatting only: every
// figure is computed by lib/formulas.
import { formatIntensity, formatScaled } from "./units";

const pad = (n: number) => String(n).padStart(2, "0");

function parts(seconds: bigint | number | string, withSeconds = false): { date: string; time: string } {
  const d = new Date(Number(seconds) * 1000);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${withSeconds ? `:${pad(d.getUTCSeconds())}` : ""}`,
  };
}

/** "2025-03-11 08:02 UTC" from unix seconds; with `seconds`, "2025-03-11 08:02:14 UTC". */
export function formatUtc(seconds: bigint | number | string, options: { seconds?: boolean } = {}): string {
  const p = parts(seconds, options.seconds);
  return `${p.date} ${p.time} UTC`;
}

/** "2025-03-11" (the UTC day) from unix seconds. */
export function formatUtcDate(seconds: bigint | number | string): string {
  return parts(Number(seconds)).date;
}

/** "2025-03-11 08:02 – 11:02 UTC" (one day) or "2025-03-11 08:02 – 2025-03-12 09:00 UTC". */
export function formatUtcRange(start: bigint | number, end: bigint | number): string {
  const a = parts(start);
  const b = parts(end);
  return a.date === b.date
    ? `${a.date} ${a.time} – ${b.time} UTC`
    : `${a.date} ${a.time} – ${b.date} ${b.time} UTC`;
}

/** A duration in words: "59 s", "12 min", "3 h 5 min", "7 days". */
export function formatDuration(seconds: bigint | number): string {
  const s = Math.max(0, Math.round(Number(seconds)));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) {
    const m = Math.round(s / 60);
    return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
  }
  return `${Math.round(s / 86_400)} days`;
}

/** Wh as kWh with up to three decimals: 1455123 → "1,455.123 kWh". */
export function formatKWh(wh: bigint): string {
  return `${formatScaled(wh, 1000n, 3)} kWh`;
}

/** Grams as kilograms of CO2e with up to three decimals: 542000 → "542 kg CO2e". */
export function formatKgCO2e(g: bigint): string {
  return `${formatScaled(g, 1000n, 3)} kg CO2e`;
}

/** Grid intensity: 56 → "56 gCO2e/kWh" (the one formatter, lib/units `formatIntensity`). */
export const formatGPerKWh: (gPerKWh: bigint) => string = formatIntensity;

/** An attestation id (bytes32) shortened for sentences: 0x1234abcd…9f8e. */
export function shortId(id: string): string {
  return /^0x[0-9a-fA-F]{64}$/.test(id) ? `${id.slice(0, 10)}…${id.slice(-4)}` : id;
}
