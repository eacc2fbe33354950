// Generates lib/importers/isoTables.ts from Debian's iso-codes package (apt-get install iso-codes),
// the ISO 3166 data that CodeCarbon's country and region names are mapped with.
//   node_modules/.bin/tsx script/gen/isoTables.ts            writes the file
//   node_modules/.bin/tsx script/gen/isoTables.ts --check    exits 1 if the committed file differs
// The English names CodeCarbon's geolocation reports where ISO lists only local ones (Bavaria for
// Bayern) are kept here, as data beside the rules that pick the rest.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { normaliseName } from "../../lib/importers/regions";

const ISO_DIR = process.env.ISO_CODES_DIR ?? "/usr/share/iso-codes/json";
const REPO = path.resolve(import.meta.dirname, "..", "..");
const TARGET = path.join(REPO, "lib", "importers", "isoTables.ts");

interface Country {
  alpha_2: string;
  alpha_3: string;
  name: string;
  official_name?: string;
  common_name?: string;
}
interface Subdivision {
  code: string;
  name: string;
  type: string;
  parent?: string;
}

/** Country names CodeCarbon or people use that ISO 3166-1 does not list. */
const COUNTRY_ALIASES: Record<string, string> = {
  england: "GB",
  "great britain": "GB",
  "ivory coast": "CI",
  korea: "KR",
  macau: "MO",
  russia: "RU",
  turkey: "TR",
  uk: "GB",
  usa: "US",
};

/** Countries whose first-level subdivision names map reliably from CodeCarbon's region names. */
const SUBDIVISION_COUNTRIES = ["AU", "BR", "CA", "CH", "CN", "DE", "ES", "IN", "IT", "JP", "US"];
/** Subdivision types left out: not grids of their own in the intensity tables. */
const SKIPPED_TYPES = new Set(["Outlying area", "Autonomous city in north africa"]);
/** Common English names of subdivisions that ISO lists in the local language only. */
const SUBDIVISION_ALIASES: Record<string, string> = {
  "DE:bavaria": "DE-BY",
  "DE:hesse": "DE-HE",
  "DE:lower saxony": "DE-NI",
  "DE:mecklenburg western pomerania": "DE-MV",
  "DE:north rhine westphalia": "DE-NW",
  "DE:rhineland palatinate": "DE-RP",
  "DE:saxony": "DE-SN",
  "DE:saxony anhalt": "DE-ST",
  "DE:thuringia": "DE-TH",
  "IT:aosta valley": "IT-23",
  "IT:apulia": "IT-75",
  "IT:lombardy": "IT-25",
  "IT:piedmont": "IT-21",
  "IT:sardinia": "IT-88",
  "IT:sicily": "IT-82",
  "IT:trentino alto adige sudtirol": "IT-32",
  "IT:trentino south tyrol": "IT-32",
  "IT:tuscany": "IT-52",
  "IT:valle d aosta": "IT-23",
};

function readIso<T>(file: string, key: string): T[] {
  const full = path.join(ISO_DIR, file);
  if (!existsSync(full)) {
    throw new Error(`${full} not found: install Debian's iso-codes package (apt-get install iso-codes)`);
  }
  return JSON.parse(readFileSync(full, "utf8"))[key] as T[];
}

/** A sorted object literal body, one `key: "value",` per line. */
function entries(map: Map<string, string>): string {
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `  ${/^[a-z_$][a-z0-9_$]*$/i.test(k) ? k : JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join("\n");
}

export function generate(): string {
  const countries = readIso<Country>("iso_3166-1.json", "3166-1");
  const subdivisions = readIso<Subdivision>("iso_3166-2.json", "3166-2");

  const alpha = countries
    .map((c) => `${c.alpha_3}${c.alpha_2}`)
    .sort()
    .join(" ");

  const names = new Map<string, string>(Object.entries(COUNTRY_ALIASES));
  for (const c of countries) {
    for (const name of [c.name, c.official_name, c.common_name]) {
      if (name) names.set(normaliseName(name), c.alpha_2);
    }
  }

  const regions = new Map<string, string>(Object.entries(SUBDIVISION_ALIASES));
  for (const s of subdivisions) {
    const country = s.code.slice(0, 2);
    if (!SUBDIVISION_COUNTRIES.includes(country) || s.parent || SKIPPED_TYPES.has(s.type)) continue;
    regions.set(`${country}:${normaliseName(s.name)}`, s.code);
  }

  return `/**
 * ISO 3166 tables generated from the Debian iso-codes package (iso_3166-1.json,
 * iso_3166-2.json) by script/gen/isoTables.ts. Data only; lookups are in \`regions.ts\`.
 */

/** Every ISO 3166-1 country as alpha-3 immediately followed by alpha-2, space-separated. */
export const ALPHA3_ALPHA2 =
  ${JSON.stringify(alpha)};

/** Normalised country name → alpha-2 (used when country_iso_code is missing). */
export const COUNTRY_NAME_ALPHA2: Readonly<Record<string, string>> = {
${entries(names)}
};

/**
 * First-level subdivisions by "alpha2:normalised name" → ISO 3166-2 code, for the
 * countries where CodeCarbon's geolocated region name maps reliably (local and
 * common English names).
 */
export const SUBDIVISIONS: Readonly<Record<string, string>> = {
${entries(regions)}
};
`;
}

/** The generated text as Biome formats it (the committed file passes `biome check`). */
export function formatted(): string {
  return execFileSync(
    path.join(REPO, "node_modules", ".bin", "biome"),
    ["format", `--stdin-file-path=${path.relative(REPO, TARGET)}`],
    { cwd: REPO, input: generate(), encoding: "utf8" },
  );
}

if (import.meta.main) {
  const text = formatted();
  if (process.argv.includes("--check")) {
    if (readFileSync(TARGET, "utf8") !== text) {
      console.error(`${path.relative(REPO, TARGET)} is stale: run tsx script/gen/isoTables.ts`);
      process.exit(1);
    }
    console.log(`${path.relative(REPO, TARGET)} matches the iso-codes package`);
  } else {
    writeFileSync(TARGET, text);
    console.log(`wrote ${path.relative(REPO, TARGET)}`);
  }
}
