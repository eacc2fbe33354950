/**
 * Country and region names/codes as CodeCarbon writes them → ISO 3166 codes as the
 * SPEC stores them (`US-NY`, `FR`). CodeCarbon writes alpha-3 country codes (USA,
 * FRA), occasionally alpha-2 (ID), and lower-case geolocated region names (new york,
 * quebec, molise) that only map reliably to first-level subdivisions.
 */
import { ALPHA3_ALPHA2, COUNTRY_NAME_ALPHA2, SUBDIVISIONS } from "./isoTables";

const A3: ReadonlyMap<string, string> = new Map(
  ALPHA3_ALPHA2.split(" ").map((p) => [p.slice(0, 3), p.slice(3)] as const),
);
const A2: ReadonlySet<string> = new Set(A3.values());

/** Lower-case, accents removed, punctuation collapsed to single spaces. */
export function normaliseName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Alpha-3 → alpha-2 (`USA` → `US`); null when unknown. */
export function alpha3ToAlpha2(code: string): string | null {
  return A3.get(code.trim().toUpperCase()) ?? null;
}

/** Whether `code` is an assigned ISO 3166-1 alpha-2 code. */
export function isAlpha2(code: string): boolean {
  return A2.has(code);
}

/**
 * Alpha-2 country from an ISO code (alpha-2 or alpha-3) or, failing that, a country
 * name ("United States", "USA", "Hong Kong"); null when neither resolves.
 */
export function countryToAlpha2(isoCode: string, countryName = ""): string | null {
  const code = isoCode.trim().toUpperCase();
  if (code.length === 3) {
    const a2 = alpha3ToAlpha2(code);
    if (a2) return a2;
  }
  if (code.length === 2 && isAlpha2(code)) return code;
  const byName = COUNTRY_NAME_ALPHA2[normaliseName(countryName)];
  return byName ?? null;
}

/** ISO 3166-2 subdivision for a region name inside a country (`US`, "new york" → `US-NY`). */
export function subdivisionCode(alpha2: string, regionName: string): string | null {
  const name = normaliseName(regionName);
  if (name === "") return null;
  return SUBDIVISIONS[`${alpha2}:${name}`] ?? null;
}

/** Result of {@link resolveRegion}. */
export interface ResolvedRegion {
  /** Alpha-2 country, or null. */
  country: string | null;
  /** ISO 3166-2 subdivision, or null. */
  subdivision: string | null;
  /** The SPEC `region` value: the subdivision when known, else the country, else null. */
  region: string | null;
}

/** Resolves CodeCarbon's `country_iso_code`, `country_name` and `region` columns. */
export function resolveRegion(isoCode: string, countryName: string, regionName: string): ResolvedRegion {
  const country = countryToAlpha2(isoCode, countryName);
  const subdivision = country ? subdivisionCode(country, regionName) : null;
  return { country, subdivision, region: subdivision ?? country };
}
