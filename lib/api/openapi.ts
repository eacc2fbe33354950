// The OpenAPI 3.1 document of the public API, generated from ./routes (served by the indexer at
// /api/v1/openapi.json). OpenAPI 3.1 schemas are JSON Schema 2020-12, which is what zod writes.
import * as z from "zod";
import * as answer from "./answers";
import { certificateOverlaps } from "./overlaps";
import { ROUTES, type Route } from "./routes";

/** Answer schemas that get a name under components.schemas (and are referenced by it). */
const NAMED: Record<string, z.ZodType> = {
  ApiError: answer.apiError,
  SyncStatus: answer.syncStatus,
  Index: answer.index,
  Status: answer.status,
  Leaderboard: answer.leaderboard,
  LeaderboardRow: answer.leaderboardRow,
  EfficiencyFigures: answer.efficiencyFigures,
  ModelList: answer.modelList,
  ModelSummary: answer.modelSummary,
  ModelFigures: answer.modelFigures,
  ModelAggregate: answer.modelAggregate,
  ModelDetail: answer.modelDetail,
  AttestationView: answer.attestationView,
  AttestationList: answer.attestationList,
  AttestationDetail: answer.attestationDetail,
  CertificateView: answer.certificateView,
  CertificateList: answer.certificateList,
  CertificateOverlaps: certificateOverlaps,
  DisputeView: answer.disputeView,
  DisputeList: answer.disputeList,
  RewardPayment: answer.rewardPayment,
  Activity: answer.activity,
  VerifierProfile: answer.verifierProfile,
  Verifiers: answer.verifiers,
  Stats: answer.stats,
  Comparison: answer.comparison,
  AddressActivity: answer.addressActivity,
};

const ERROR_TEXT: Record<number, string> = {
  400: "A parameter is not usable: `error.param` names it and `error.message` says what is allowed",
  404: "Not indexed (yet): `error.message` says up to which block the index goes",
  503: "The chain the index was built from was replaced (e.g. a restarted node): nothing stale is served",
};

type Json = Record<string, unknown>;

/** The JSON Schema of one parameter as its raw value arrives (input side of the schema). */
function parameterSchema(schema: z.ZodType): Json {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return json;
}

function parameters(route: Route): Json[] {
  const list: Json[] = [];
  for (const [where, object] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    for (const [name, field] of Object.entries(object?.shape ?? {})) {
      const { description, ...schema } = parameterSchema(field as z.ZodType);
      list.push({
        name,
        in: where,
        ...(description ? { description } : {}),
        required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
        schema,
        // Lists are comma-separated: kind=PRETRAINING,INFERENCE.
        ...(schema.type === "array" ? { style: "form", explode: false } : {}),
      });
    }
  }
  return list;
}

function operationId(path: string): string {
  const words = path
    .replace("/api/v1", "")
    .split(/[/.{}]+/)
    .filter(Boolean);
  return `get${words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join("") || "Index"}`;
}

/** The OpenAPI 3.1 document: every route, its parameters and its 200/400/404/503 answers. */
export function openApiDocument(serverUrl = "/"): Json {
  // One pass over every named schema, so shared parts are written once and referenced.
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    // v1 answers may gain fields (never lose or retype one): readers must not refuse unknown ones.
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  }) as { schemas: Record<string, Json> };
  for (const schema of Object.values(schemas)) delete schema.$schema;
  const ref = (schema: z.ZodType) => {
    const id = registry.get(schema)?.id;
    if (!id) throw new Error("every JSON answer of a route needs a name in openapi.ts");
    return { $ref: `#/components/schemas/${id}` };
  };
  const paths: Json = {};
  for (const route of ROUTES) {
    const ok =
      typeof route.answer === "string"
        ? { [route.answer]: { schema: { type: "string" } } }
        : { "application/json": { schema: ref(route.answer) } };
    const responses: Json = { 200: { description: route.summary, content: ok } };
    for (const status of [...route.errors, 503]) {
      responses[status] = {
        description: ERROR_TEXT[status],
        content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } },
      };
    }
    paths[route.path] = {
      get: {
        operationId: operationId(route.path),
        summary: route.summary,
        parameters: parameters(route),
        responses,
      },
    };
  }
  paths["/api/v1/openapi.json"] = {
    get: {
      operationId: "getOpenApi",
      summary: "This document",
      responses: { 200: { description: "The OpenAPI 3.1 document", content: { "application/json": {} } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Greenprint public API",
      version: "v1",
      description:
        "Read-only JSON API of the Greenprint indexer. Integers that may exceed 2^53 (wei, grams, Wh, ids) are decimal strings.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: { schemas },
  };
}
