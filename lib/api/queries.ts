// Schemas of the public API's query and path parameters: what each accepts (the OpenAPI document
// lists these values), what the indexer gets after parsing, and the sentence a bad value is
// answered with (400, naming the parameter). The allowed values come from ./vocabulary, once.
import * as z from "zod";
import { idsParameter } from "./idsParameter";
import { allowedValues } from "./sentences";
import {
  ASCENDING_BY_DEFAULT,
  BASES,
  CERTIFICATE_FILTER_STATUSES,
  COMPARE_MAX,
  COMPARE_MIN,
  COUNTINGS,
  DISPUTE_OUTCOMES,
  FILTER_STATUSES,
  KIND_NAMES_LIST,
  METHOD_NAMES_LIST,
  ORDERS,
  SIZE_CLASS_IDS,
  SORT_COLUMNS,
} from "./vocabulary";

type Sentence = (raw: string) => string;

/** A raw string checked by `ok`; `sentence` is the answer to a value that fails. */
function checked(ok: (raw: string) => boolean, sentence: Sentence) {
  return z.string().refine(ok, { error: (iss) => sentence(String(iss.input)) });
}

/** An integer in min..max (default `fallback`), written in decimal digits. */
function integer(min: number, max: number, fallback: number, sentence: Sentence) {
  return checked((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, sentence)
    .transform(Number)
    .default(fallback)
    .meta({ type: "integer", minimum: min, maximum: max });
}

/** One of `values`; the sentence names them ("a, b or c"). */
function oneOf<const T extends readonly [string, ...string[]]>(name: string, values: T, message?: Sentence) {
  return z.enum(values, {
    error: (iss) =>
      message ? message(String(iss.input)) : `${name} must be ${allowedValues(values)}, not "${iss.input}".`,
  });
}

/**
 * A comma-separated list of `values` (an array in OpenAPI: style form, not exploded). With
 * `lenient`, the case of a value does not matter and empty items are skipped (no items: absent).
 */
function list<const T extends readonly string[]>(values: T, sentence: Sentence, lenient = false) {
  const item = checked((v) => values.includes(lenient ? v.toUpperCase() : v), sentence).transform(
    (v) => (lenient ? v.toUpperCase() : v) as T[number],
  );
  return z
    .string()
    .transform((raw) => {
      const items = raw.split(",").map((v) => v.trim());
      const kept = lenient ? items.filter((v) => v.length > 0) : items;
      return kept.length > 0 ? kept : undefined;
    })
    .pipe(z.array(item).optional())
    .meta({ type: "array", items: { type: "string", enum: [...values] } })
    .optional();
}

/** Free comma-separated text values (empty items skipped), normalised by `normal`. */
function textList(normal: (v: string) => string, each?: { ok: (v: string) => boolean; sentence: Sentence }) {
  return z
    .string()
    .transform((raw) => {
      const items = raw
        .split(",")
        .map((v) => normal(v.trim()))
        .filter((v) => v.length > 0);
      return items.length > 0 ? items : undefined;
    })
    .pipe(z.array(each ? checked(each.ok, each.sentence) : z.string()).optional())
    .meta({ type: "array", items: { type: "string" } })
    .optional();
}

const MODEL_ID = /^[1-9]\d{0,30}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** A positive integer model id, as a bigint. */
const modelId = (name: string) =>
  checked(
    (v) => MODEL_ID.test(v),
    (raw) => `${name} must be a positive integer model id, got "${raw}"`,
  ).transform((v) => BigInt(v));

/** `page` (>= 1, default 1) and `pageSize` (1..100, default 50) of the list endpoints. */
const paging = {
  page: integer(1, Number.MAX_SAFE_INTEGER, 1, (raw) => `page must be an integer >= 1, got "${raw}"`),
  pageSize: integer(1, 100, 50, (raw) => `pageSize must be an integer in 1..100, got "${raw}"`),
};

/** A query that refuses parameters it does not know, with `sentence` naming them. */
export function query<T extends z.ZodRawShape>(shape: T, sentence: (key: string, known: string[]) => string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? sentence(String(iss.keys[0]), known) : undefined),
  });
}
export const unknownParameter = (key: string, known: string[]) =>
  `unknown parameter "${key}"; allowed: ${known.join(", ")}`;

/** Values of a `status` or `outcome` filter; the sentence names the first wrong one. */
const filter = <const T extends readonly string[]>(name: string, values: T) =>
  list(values, (raw) => `${name} "${raw}" is not one of ${values.join(", ")}`);

export const leaderboardQuery = query(
  {
    sort: oneOf("sort", SORT_COLUMNS)
      .default("intensity")
      .describe("Column to rank by; efficiency: training rating, then Wh/PFLOP, then inference rating"),
    order: oneOf("order", ORDERS)
      .optional()
      .describe(`Default: asc for ${ASCENDING_BY_DEFAULT.join(", ")}; desc for the other columns`),
    basis: oneOf("basis", BASES)
      .default("location")
      .describe("emissionsG: location-based + embodied, or market-based + embodied"),
    include: oneOf("include", COUNTINGS)
      .default("final")
      .describe("Which attestations count: Final, Final and Verified, or self-reported (ranked apart)"),
    kind: list(
      KIND_NAMES_LIST,
      (raw) => `kind must be ${allowedValues(KIND_NAMES_LIST)} (comma-separated), got "${raw}"`,
      true,
    ).describe("Aggregate over these attestation kinds only"),
    task: textList((v) => v.toLowerCase()).describe("Metadata task (case-insensitive)"),
    size: list(
      SIZE_CLASS_IDS,
      (raw) => `size must be one of ${SIZE_CLASS_IDS.join(", ")} (comma-separated), got "${raw}"`,
    ).describe("Parameter-count class (lib/spec.ts SIZE_CLASSES)"),
    region: textList((v) => v.toUpperCase(), {
      ok: (v) => /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(v),
      sentence: (raw) => `region must be an ISO 3166 code such as FR or US-CA, got "${raw}"`,
    }).describe("ISO 3166 codes; US matches US-CA"),
    trust: list(
      METHOD_NAMES_LIST,
      (raw) => `trust must be ${allowedValues(METHOD_NAMES_LIST)} (comma-separated), got "${raw}"`,
      true,
    ).describe("The weakest measurement method among the counted attestations"),
    verifier: checked(
      (v) => ADDRESS.test(v),
      (raw) => `verifier must be a 0x-prefixed 20-byte address, got "${raw}"`,
    )
      .transform((v) => v.toLowerCase())
      .optional()
      .describe("Models with a counted attestation verified by this address"),
    q: checked(
      (v) => v.length <= 100,
      () => "q must be at most 100 characters",
    )
      .transform((v) => v.toLowerCase())
      .optional()
      .describe("Substring of the name, organization or id"),
    page: integer(1, 1_000_000, 1, (raw) => `page must be an integer in 1..1000000, got "${raw}"`),
    pageSize: paging.pageSize,
    format: oneOf("format", ["json", "csv"], (raw) => `format must be json or csv, got "${raw}"`).optional(),
  },
  (key, known) => `"${key}" is not a leaderboard parameter: use ${allowedValues(known, "and")}.`,
);

export const modelsQuery = query(
  {
    ...paging,
    owner: z
      .string()
      .transform((v) => v.toLowerCase())
      .pipe(
        checked(
          (v) => /^0x[0-9a-f]{40}$/.test(v),
          (raw) => `owner must be a 20-byte address, got "${raw}"`,
        ),
      )
      .optional(),
    q: z
      .string()
      .transform((v) => v.toLowerCase())
      .optional(),
  },
  unknownParameter,
);

export const attestationsQuery = query(
  {
    status: filter("status", FILTER_STATUSES),
    model: modelId("model").optional(),
    // whose verdict it carries (the arbiter's queue of a revoked verifier's unreviewed verdicts)
    verifier: checked(
      (v) => ADDRESS.test(v),
      (raw) => `verifier must be an address (0x + 40 hex digits), got "${raw}"`,
    )
      .transform((v) => v.toLowerCase() as `0x${string}`)
      .optional(),
    ...paging,
  },
  unknownParameter,
);

export const certificatesQuery = query(
  { status: filter("status", CERTIFICATE_FILTER_STATUSES), model: modelId("model").optional(), ...paging },
  unknownParameter,
);

export const disputesQuery = query(
  { outcome: filter("outcome", DISPUTE_OUTCOMES), ...paging },
  unknownParameter,
);

export const activityQuery = query(
  {
    limit: integer(1, 100, 20, (raw) => `limit must be an integer in 1..100, got "${raw}"`),
    model: modelId("model").optional(),
  },
  unknownParameter,
);

/** The ids of `?ids=` (comma-separated, or repeated as a plain form sends them), or the sentence saying what is wrong. */
export function parseCompareIds(values: readonly string[]): bigint[] | string {
  const parts = values.flatMap((v) => v.split(",")).map((v) => v.trim());
  if (parts.length === 0 || (parts.length === 1 && parts[0] === ""))
    return `ids is required: give ${COMPARE_MIN} to ${COMPARE_MAX} model ids separated by commas, such as ids=1,2,3.`;
  const bad = parts.find((p) => !MODEL_ID.test(p));
  if (bad !== undefined)
    return `ids must be positive whole model ids separated by commas, such as ids=1,2,3; "${bad}" is not one.`;
  const ids = parts.map((p) => BigInt(p));
  if (new Set(ids).size !== ids.length) return "ids lists the same model twice: give each model once.";
  if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX)
    return `ids must name ${COMPARE_MIN} to ${COMPARE_MAX} models to compare, not ${ids.length}.`;
  return ids;
}

export const compareQuery = query(
  {
    ids: idsParameter((raw) => parseCompareIds([raw]), {
      pattern: MODEL_ID,
      minItems: COMPARE_MIN,
      maxItems: COMPARE_MAX,
    }),
  },
  (key) => `"${key}" is not a compare parameter: use ids, such as ids=1,2,3.`,
);

export const badgeQuery = z.object({
  include: oneOf(
    "include",
    ["final", "verified"],
    (raw) => `include must be final or verified, got "${raw}"`,
  ).default("final"),
});

/** Path parameters, each with the sentence its 400 answer says. */
export const pathParams = {
  modelId: z.object({ id: modelId("id") }),
  attestationId: z.object({
    id: checked(
      (v) => /^0x[0-9a-fA-F]{64}$/.test(v),
      (raw) => `id must be an attestation id: 0x followed by 64 hexadecimal digits, got "${raw}"`,
    ).transform((v) => v.toLowerCase() as `0x${string}`),
  }),
  address: z.object({
    address: checked(
      (v) => ADDRESS.test(v),
      (raw) => `address must be 0x followed by 40 hexadecimal digits (a 20-byte account), got "${raw}"`,
    ).transform((v) => v.toLowerCase() as `0x${string}`),
  }),
  /** The badge's file name, `{id}.svg`. */
  badge: z.object({
    id: checked(
      (v) => /^[1-9]\d{0,30}\.svg$/.test(v),
      (raw) => `badge path must be /api/v1/badge/{id}.svg with a positive integer id, got "${raw}"`,
    )
      .transform((v) => BigInt(v.slice(0, -".svg".length)))
      .meta({ type: "string", pattern: MODEL_ID.source }),
  }),
};

export type BadParameter = { param: string; message: string };

/**
 * Parses `params` (a URL's query, or path parameters) with `schema`: the typed values, or the
 * first bad parameter and its sentence. A parameter given twice counts as one comma-separated list.
 */
export function parseParams<T extends z.ZodType>(
  schema: T,
  params: URLSearchParams | Record<string, string>,
): { ok: true; value: z.output<T> } | ({ ok: false } & BadParameter) {
  const raw: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const key of new Set(params.keys())) raw[key] = params.getAll(key).join(",");
  } else Object.assign(raw, params);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  // An unknown parameter is named first, as a person would fix it first.
  const issues = result.error.issues;
  const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
  if (!issue) return { ok: false, param: "", message: "bad parameter" };
  const param = issue.code === "unrecognized_keys" ? String(issue.keys[0]) : String(issue.path[0] ?? "");
  return { ok: false, param, message: issue.message };
}
