/**
 * Certificate serials (SPEC 8): the one normaliser the SDK, CLI and app apply before recording, and the parser
 * verifiers' overlap warnings use. The contract hashes the serial exactly as sent, so every way a retirement
 * statement can be typed ("0001 TO 0500", "0001 - 0500", "0001-0500", "0001 to 0500") must reach it as one
 * string; and its exact-match guard cannot see a sub-range of a recorded range, which the parsed ranges show.
 */
import { GreenprintValidationError } from "./client/types";

/** A serial read as a numbered range: certificates `first..last` (inclusive) of one series of one registry. */
export interface SerialRange {
  /** The part that names the numbering, e.g. a Verra project and vintage; "" when the registry numbers all. */
  series: string;
  first: bigint;
  last: bigint;
}

// Runs of at most 30 digits are read as certificate numbers (\d{1,30} below): they fit the indexer's numeric column.
// a range's word separator, spaced ("SE-TO-5" is a serial, not a range); canonical white space is single spaces
const RANGE_WORD = / (?:TO|THROUGH|THRU) /g;

/**
 * The character form the contract requires (`_checkSerial`): printable ASCII, upper case, no leading or trailing
 * white space, inner white space runs as one space. Registries print serials in upper case and treat them
 * case-insensitively, so "se-2024-1" and " SE-2024-1 " are the same certificate. Typographic dashes (a
 * statement copied from a PDF) become hyphens.
 */
export function canonicalSerial(serial: string): string {
  const s = serial
    .normalize("NFKC")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .trim()
    .replace(/\s+/g, " ")
    .toUpperCase();
  if (s === "") throw new GreenprintValidationError({ serial: "serial is empty" });
  const bad = [...s].find((c) => c < " " || c > "~");
  if (bad !== undefined) {
    throw new GreenprintValidationError({
      serial: `serial has the character "${bad}": only printable ASCII, as the registry prints it`,
    });
  }
  return s;
}

// I-REC (Evident): 16-digit certificate numbers in four groups, a range "A TO B".
const IREC_NUMBER = String.raw`(\d{4})[- ]?(\d{4})[- ]?(\d{4})[- ]?(\d{4})`;
const IREC_INPUT = new RegExp(`^${IREC_NUMBER}(?:\\s*(?:TO|THROUGH|THRU|-)\\s*${IREC_NUMBER})?$`);
const IREC = /^(\d{4}-\d{4}-\d{4}-\d{4})(?: TO (\d{4}-\d{4}-\d{4}-\d{4}))?$/;
// Verra VCU blocks: "<batch>-<first>-<last>-VCS-VCU-<...>-<country>-<scope>-<project>-<vintage from>-<to>-<flag>".
const VERRA = /^(\d+)-(\d{1,30})-(\d{1,30})-([A-Z0-9-]*VCU[A-Z0-9-]*)$/;
// Gold Standard: "GS1-1-<country>-GS<project>-<...>-<vintage>-<batch>-<first>-<last>".
const GOLD = /^(GS\d+-[A-Z0-9-]*?)-(\d{1,30})-(\d{1,30})$/;
// Generic: "<prefix><n>" or "<prefix><n> TO [<prefix>]<m>" (the prefix may be empty).
const GENERIC = /^(.*?)(\d{1,30})(?: TO (.*?)(\d{1,30}))?$/;

const squashHyphens = (s: string) => s.replace(/\s*-\s*/g, "-");

function irec(s: string): string | null {
  const m = IREC_INPUT.exec(s);
  if (!m) return null;
  const a = m.slice(1, 5).join("-");
  const b = m[5] === undefined ? a : m.slice(5, 9).join("-");
  return a === b ? a : `${a} TO ${b}`;
}

function gold(s: string): string | null {
  const squashed = squashHyphens(s);
  if (GOLD.test(squashed)) return squashed;
  // "<series>-<first> TO [<series>-]<last>" printed as a range: the registry's own form is "<series>-<first>-<last>"
  const [left, right, ...rest] = squashed.split(RANGE_WORD);
  const l = /^(GS\d+-[A-Z0-9-]*-)(\d{1,30})$/.exec(left ?? "");
  if (!l || right === undefined || rest.length > 0) return null;
  const [, series = "", first = ""] = l;
  const last = right.startsWith(series) ? right.slice(series.length) : right;
  return /^\d{1,30}$/.test(last) ? `${series}${first}-${last}` : null;
}

function generic(s: string): string {
  let out = s.replace(RANGE_WORD, " TO ").replace(/ ?- | -/g, " TO ");
  // a bare "0001-0500" is two numbers, not a serial with a hyphen: there is nothing else it could number
  const [, a, b] = /^(\d{1,30})-(\d{1,30})$/.exec(out) ?? [];
  if (a !== undefined && b !== undefined && BigInt(a) <= BigInt(b)) out = `${a} TO ${b}`;
  const [left, right] = out.split(" TO ");
  return right !== undefined && left === right ? left : out;
}

/**
 * The one serial string of a retirement statement, for the issuing registry's canonical label (`canonicalIssuer`):
 * - I-REC: "0000-0001-0000-0001 TO 0000-0001-0000-0500" (groups of four digits, however separated);
 * - Verra and Gold Standard: their hyphenated block serials, without stray spaces around hyphens (a Gold Standard
 *   range typed "…-1 TO 500" becomes the registry's "…-1-500");
 * - any registry otherwise: a range separator ("to", "through", a spaced or typographic dash, a bare "0001-0500")
 *   becomes " TO ", and a range of one certificate ("A TO A") is that certificate.
 * Always in the character form the contract requires (see {@link canonicalSerial}).
 */
export function normaliseSerial(registry: string, serial: string): string {
  const s = canonicalSerial(serial);
  if (registry === "I-REC") {
    const r = irec(s);
    if (r) return r;
  }
  if (registry === "Verra") {
    const squashed = squashHyphens(s);
    if (VERRA.test(squashed)) return squashed;
  }
  if (registry === "Gold Standard") {
    const r = gold(s);
    if (r) return r;
  }
  return generic(s);
}

function range(series: string, first: string, last: string): SerialRange | null {
  const a = BigInt(first);
  const b = BigInt(last);
  return a <= b ? { series, first: a, last: b } : null;
}

/**
 * A normalised serial read as a range of numbered certificates, where its registry's format allows (null when it
 * does not: no trailing number, a range whose ends name different series, or a last number below the first).
 * I-REC numbers one sequence for the whole registry; a Verra range's series is its project, vintage and type
 * (the part after the two block numbers); a Gold Standard's the part before them; otherwise the text before the
 * trailing number.
 */
export function parseSerialRange(registry: string, serial: string): SerialRange | null {
  if (registry === "I-REC") {
    const [, a, b = a] = IREC.exec(serial) ?? [];
    if (a !== undefined && b !== undefined) return range("", a.replace(/-/g, ""), b.replace(/-/g, ""));
  }
  if (registry === "Verra") {
    const [, , first, last, series] = VERRA.exec(serial) ?? [];
    if (series !== undefined && first !== undefined && last !== undefined) return range(series, first, last);
  }
  if (registry === "Gold Standard") {
    const [, series, first, last] = GOLD.exec(serial) ?? [];
    if (series !== undefined && first !== undefined && last !== undefined) return range(series, first, last);
  }
  const [, prefix = "", first, rightPrefix = "", last] = GENERIC.exec(serial) ?? [];
  if (first === undefined) return null;
  if (last === undefined) return range(prefix, first, first);
  if (rightPrefix !== "" && rightPrefix !== prefix) return null;
  return range(prefix, first, last);
}

/** Whether two ranges of one registry share a certificate. */
export function rangesOverlap(a: SerialRange, b: SerialRange): boolean {
  return a.series === b.series && a.first <= b.last && b.first <= a.last;
}

/**
 * The indexer's range columns of a recorded serial (registry label as the event carries it): the serial is read
 * after normalising, as a record sent straight to the contract may use another separator. Nulls where the format
 * allows no range.
 */
export function serialRangeColumns(
  registry: string,
  serial: string,
): { series: string | null; rangeFirst: bigint | null; rangeLast: bigint | null } {
  let r: SerialRange | null = null;
  try {
    r = parseSerialRange(registry, normaliseSerial(registry, serial));
  } catch {
    r = null; // not a serial the apps would send (the contract accepts any canonical characters)
  }
  return { series: r?.series ?? null, rangeFirst: r?.first ?? null, rangeLast: r?.last ?? null };
}
