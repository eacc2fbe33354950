/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one serialisation of a JSON value
 * whose SHA-256 is the evidence hash (SPEC section 7).
 *
 * - Object members sorted by their names as UTF-16 code-unit sequences (which is what
 *   JavaScript's default string sort compares).
 * - Numbers in ECMAScript `Number.prototype.toString` form (RFC 8785 section 3.2.2.3);
 *   NaN and ±Infinity are not JSON and are rejected; -0 becomes 0.
 * - Strings with the minimal JSON escapes (RFC 8785 section 3.2.2.2), which is exactly
 *   what `JSON.stringify` emits for well-formed strings; lone surrogates are rejected
 *   because they cannot be encoded as UTF-8 (I-JSON, RFC 7493).
 * - No whitespace.
 */

/** A JSON value as JCS accepts it. `undefined` members are dropped, like JSON.stringify. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue | undefined };
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue | undefined };

/** Thrown for values JCS cannot serialise (NaN, Infinity, bigint, lone surrogates, cycles...). */
export class JcsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JcsError";
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serialiseString(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) throw new JcsError(`${path}: string contains a lone surrogate`);
  return JSON.stringify(s);
}

function serialise(v: unknown, path: string, seen: Set<object>): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number":
      if (!Number.isFinite(v)) throw new JcsError(`${path}: ${v} is not a JSON number`);
      // ECMAScript number serialisation; `Object.is(v, -0)` prints "0" as the RFC asks
      return Object.is(v, -0) ? "0" : String(v);
    case "string":
      return serialiseString(v, path);
    case "bigint":
      throw new JcsError(`${path}: bigint ${v}n is not JSON; write integers above 2^53 as decimal strings`);
    case "object": {
      if (seen.has(v)) throw new JcsError(`${path}: circular reference`);
      seen.add(v);
      let out: string;
      if (Array.isArray(v)) {
        out = `[${v.map((x, i) => (x === undefined ? "null" : serialise(x, `${path}[${i}]`, seen))).join(",")}]`;
      } else {
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) throw new JcsError(`${path}: not a plain object`);
        const rec = v as Record<string, unknown>;
        const keys = Object.keys(rec)
          .filter((k) => rec[k] !== undefined)
          .sort();
        out = `{${keys.map((k) => `${serialiseString(k, path)}:${serialise(rec[k], `${path}.${k}`, seen)}`).join(",")}}`;
      }
      seen.delete(v);
      return out;
    }
    default:
      throw new JcsError(`${path}: ${typeof v} is not JSON`);
  }
}

/**
 * RFC 8785 canonical form of a JSON value, as a string. Takes `unknown` so typed
 * interfaces (which TypeScript will not widen to {@link JsonValue}) can be passed
 * directly; every value is checked at run time and a {@link JcsError} names the path
 * of the first one that is not JSON.
 */
export function canonicalize(value: unknown): string {
  return serialise(value, "$", new Set());
}

/** RFC 8785 canonical form as UTF-8 bytes (what gets hashed). */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(value));
}
