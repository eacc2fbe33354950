/**
 * Edge conversions (SPEC section 1): outside formats write decimal strings such as
 * "0.026834512" kWh or "1.46e-3" kg; on-chain values are integers. Parsing goes
 * through an exact rational (digits × 10^exponent), never through a JS number, so
 * "0.1" kWh is exactly 100 Wh. Every conversion rounds down, like the SPEC's
 * integer division.
 */

/** An exact decimal value: `num / den`, with `den` a positive power of ten. */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** Thrown when a value cannot be converted; the message names the value. */
export class UnitError extends Error {
  constructor(
    message: string,
    /** The offending input, as given. */
    readonly value: string,
  ) {
    super(message);
    this.name = "UnitError";
  }
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses a decimal string exactly: optional sign, digits with an optional fraction,
 * optional exponent (`1.46e-3`). Surrounding whitespace is ignored (CodeCarbon's
 * fixed-width files pad values). Rejects empty strings, `NaN`, `inf`, thousands
 * separators and anything else.
 * @param label what the value is, for the error message
 */
export function parseDecimal(value: string, label = "value"): Rational {
  const s = value.trim();
  const m = DECIMAL_RE.exec(s);
  const intPart = m?.[2] ?? "";
  const fracPart = m?.[3] ?? "";
  if (!m || (intPart === "" && fracPart === "")) {
    throw new UnitError(`${label}: "${value}" is not a decimal number`, value);
  }
  const exp = m[4] === undefined ? 0 : Number.parseInt(m[4], 10);
  // Exponents this large are never real measurements and would build huge bigints.
  if (Math.abs(exp) > 400) throw new UnitError(`${label}: "${value}" has an out-of-range exponent`, value);
  let num = BigInt(intPart + fracPart || "0");
  if (m[1] === "-") num = -num;
  const scale = fracPart.length - exp;
  return scale >= 0 ? { num, den: 10n ** BigInt(scale) } : { num: num * 10n ** BigInt(-scale), den: 1n };
}

/** Floor division for possibly negative numerators (bigint `/` truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Round-half-up division of non-negative a by positive b. */
export function roundDiv(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** Sum of exact rationals (denominators stay powers of ten). */
export function addRational(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  // biome-ignore lint/complexity/useMathMinMax: Math.max does not take bigint
  const den = a.den > b.den ? a.den : b.den;
  return { num: a.num * (den / a.den) + b.num * (den / b.den), den };
}

/** Product of exact rationals. */
export function mulRational(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** `floor(value * factor)` for a rational and an integer factor. */
export function scaleRational(r: Rational, factor: bigint): bigint {
  return floorDiv(r.num * factor, r.den);
}

/**
 * `floor(decimal * factor)`, rejecting negative input: every physical quantity the
 * protocol stores is unsigned.
 */
export function decimalToScaledInt(value: string, factor: bigint, label = "value"): bigint {
  const r = parseDecimal(value, label);
  if (r.num < 0n) throw new UnitError(`${label}: "${value}" is negative`, value);
  return scaleRational(r, factor);
}

/** kWh (CodeCarbon `energy_consumed`) → Wh, rounded down. */
export const kWhToWh = (kWh: string): bigint => decimalToScaledInt(kWh, 1000n, "energy (kWh)");
/** MWh (papers) → Wh, rounded down. */
export const mWhToWh = (mWh: string): bigint => decimalToScaledInt(mWh, 1_000_000n, "energy (MWh)");
/** GWh → Wh, rounded down. */
export const gWhToWh = (gWh: string): bigint => decimalToScaledInt(gWh, 1_000_000_000n, "energy (GWh)");
/** kg CO2e (CodeCarbon `emissions`) → g, rounded down. */
export const kgToG = (kg: string): bigint => decimalToScaledInt(kg, 1000n, "emissions (kg)");
/** t CO2e → g, rounded down. */
export const tonnesToG = (t: string): bigint => decimalToScaledInt(t, 1_000_000n, "emissions (t)");
/** g CO2e given as a decimal (Hugging Face cards) → whole g, rounded down. */
export const gramsToG = (g: string): bigint => decimalToScaledInt(g, 1n, "emissions (g)");

/** PUE ("1.12") → thousandths (1120), rounded down. Range checks belong to validation. */
export const pueToMilli = (pue: string): bigint => decimalToScaledInt(pue, 1000n, "PUE");

/** Fraction in 0..1 ("0.35") → bps (3500), rounded down; rejects values above 1. */
export function fractionToBps(fraction: string): bigint {
  const r = parseDecimal(fraction, "fraction");
  if (r.num > r.den) throw new UnitError(`fraction: "${fraction}" is above 1`, fraction);
  return decimalToScaledInt(fraction, 10_000n, "fraction");
}

/** Percent in 0..100 ("35", "12.5%") → bps, rounded down; rejects values above 100. */
export function percentToBps(percent: string): bigint {
  const s = percent.trim().replace(/%$/, "");
  const r = parseDecimal(s, "percent");
  if (r.num > 100n * r.den) throw new UnitError(`percent: "${percent}" is above 100`, percent);
  return decimalToScaledInt(s, 100n, "percent");
}

// ---------------------------------------------------------------------------
// Display formatting. Truncates (rounds down) like everything else, so a figure
// on screen is never larger than the one on chain.

/** Groups the integer digits with commas: 1287000 → "1,287,000". */
export function groupDigits(n: bigint): string {
  const neg = n < 0n;
  const s = (neg ? -n : n).toString();
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return neg ? `-${grouped}` : grouped;
}

/**
 * Formats `value / unit` with at most `decimals` decimals, truncated, trailing zeros
 * dropped: (552_123_000n, 1_000_000n, 1) → "552.1".
 */
export function formatScaled(value: bigint, unit: bigint, decimals = 1): string {
  const neg = value < 0n;
  const v = neg ? -value : value;
  const whole = v / unit;
  const p = 10n ** BigInt(decimals);
  const frac = ((v % unit) * p) / unit;
  let fracStr = decimals > 0 ? frac.toString().padStart(decimals, "0").replace(/0+$/, "") : "";
  if (fracStr !== "") fracStr = `.${fracStr}`;
  return `${neg ? "-" : ""}${groupDigits(whole)}${fracStr}`;
}

function pickUnit(v: bigint, units: ReadonlyArray<readonly [bigint, string]>): readonly [bigint, string] {
  const abs = v < 0n ? -v : v;
  let chosen = units[0] as readonly [bigint, string];
  for (const u of units) if (abs >= u[0]) chosen = u;
  return chosen;
}

const ENERGY_UNITS = [
  [1n, "Wh"],
  [1000n, "kWh"],
  [1_000_000n, "MWh"],
] as const;

/**
 * Wh → "1,287 MWh" (largest of Wh, kWh, MWh with a value of at least 1). MWh is the
 * top unit because papers and model cards report training energy in MWh.
 */
export function formatEnergyWh(wh: bigint, decimals = 1): string {
  const [unit, name] = pickUnit(wh, ENERGY_UNITS);
  return `${formatScaled(wh, unit, decimals)} ${name}`;
}

const MASS_UNITS = [
  [1n, "gCO2e"],
  [1000n, "kgCO2e"],
  [1_000_000n, "tCO2e"],
] as const;

/** g → "552.1 tCO2e" (g, kg or t). */
export function formatEmissionsG(g: bigint, decimals = 1): string {
  const [unit, name] = pickUnit(g, MASS_UNITS);
  return `${formatScaled(g, unit, decimals)} ${name}`;
}

/**
 * Decimals of every LEAF figure on screen, in the app and the CLI alike: 3 is gram precision
 * (1 LEAF = 1 kg CO2e avoided), so the same amount always shows the same digits (never 0.579 in
 * one place and 0.57 in another).
 */
export const LEAF_DISPLAY_DECIMALS = 3;

/** LEAF wei → "12.5 LEAF" (at most {@link LEAF_DISPLAY_DECIMALS} decimals, truncated). */
export function formatLeaf(wei: bigint): string {
  return `${formatScaled(wei, 10n ** 18n, LEAF_DISPLAY_DECIMALS)} LEAF`;
}

/** gCO2e/kWh → "429 gCO2e/kWh". */
export function formatIntensity(gPerKWh: bigint): string {
  return `${groupDigits(gPerKWh)} gCO2e/kWh`;
}

/** bps → "35.5%". */
export function formatBps(bps: bigint, decimals = 1): string {
  return `${formatScaled(bps, 100n, decimals)}%`;
}

/** PUE thousandths → "1.12". */
export function formatPue(milli: bigint): string {
  return formatScaled(milli, 1000n, 3);
}

/**
 * Training efficiency, integer mWh per PFLOP (lib/formulas `mWhPerPflop`) → "4.09 Wh/PFLOP".
 * The one display of this figure. It is a ratio shown to compare models, not an amount paid or
 * attested, so it is rounded half up to two decimals as SPEC 9 writes it (4,085 mWh = 4.09).
 */
export function formatWhPerPflop(mWh: bigint): string {
  return `${formatScaled(roundDiv(mWh, 10n), 100n, 2)} Wh/PFLOP`;
}

/** Inference efficiency, integer mWh per request (lib/formulas `mWhPerRequest`) → "1,234 mWh/request". */
export function formatMWhPerRequest(mWh: bigint): string {
  return `${groupDigits(mWh)} mWh/request`;
}
