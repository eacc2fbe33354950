// Every route of the public API (/api/v1) with its parameters and answers: the table the OpenAPI
// document is built from (./openapi.ts) and the indexer's tests check answers by.
import type * as z from "zod";
import * as answer from "./answers";
import { certificateOverlaps, certificateOverlapsQuery } from "./overlaps";
import * as q from "./queries";

export type ErrorStatus = 400 | 404 | 503;

export interface Route {
  /** The path as OpenAPI writes it, with {name} for each path parameter. */
  path: string;
  summary: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** The 200 answer: a JSON schema, or a non-JSON media type. */
  answer: z.ZodType | "text/csv" | "image/svg+xml";
  /** Error answers besides 503 (every route but this document answers 503 for a replaced chain). */
  errors: ErrorStatus[];
}

export const ROUTES: Route[] = [
  {
    path: "/api/v1",
    summary: "The endpoints and the leaderboard's sort columns",
    answer: answer.index,
    errors: [],
  },
  {
    path: "/api/v1/status",
    summary: "How far the index has synced, and whether it has caught up",
    answer: answer.status,
    errors: [],
  },
  {
    path: "/api/v1/leaderboard",
    summary: "Models ranked (SPEC 9) by Final, Verified or self-reported attestations",
    query: q.leaderboardQuery,
    answer: answer.leaderboard,
    errors: [400],
  },
  {
    path: "/api/v1/leaderboard.csv",
    summary: "The leaderboard as CSV (every matching row unless page or pageSize is given)",
    query: q.leaderboardQuery,
    answer: "text/csv",
    errors: [400],
  },
  {
    path: "/api/v1/models",
    summary: "Registered models, newest first",
    query: q.modelsQuery,
    answer: answer.modelList,
    errors: [400],
  },
  {
    path: "/api/v1/models/{id}",
    summary: "One model: aggregates, lineage, attestations, certificates, rewards and disputes",
    params: q.pathParams.modelId,
    answer: answer.modelDetail,
    errors: [400, 404],
  },
  {
    path: "/api/v1/attestations",
    summary: "Attestations across models, oldest first (status=SUBMITTED is the verifiers' queue)",
    query: q.attestationsQuery,
    answer: answer.attestationList,
    errors: [400],
  },
  {
    path: "/api/v1/attestations/{id}",
    summary: "One attestation with its history, verifier, disputes and rewards",
    params: q.pathParams.attestationId,
    answer: answer.attestationDetail,
    errors: [400, 404],
  },
  {
    path: "/api/v1/addresses/{address}",
    summary: "What one address did in the protocol",
    params: q.pathParams.address,
    answer: answer.addressActivity,
    errors: [400],
  },
  {
    path: "/api/v1/certificates",
    summary: "Certificates, oldest first (status=PENDING is the verifiers' certificate queue)",
    query: q.certificatesQuery,
    answer: answer.certificateList,
    errors: [400],
  },
  {
    path: "/api/v1/certificate-overlaps",
    summary:
      "For Pending certificates, the held ones of the same registry and series whose ranges meet theirs",
    query: certificateOverlapsQuery,
    answer: certificateOverlaps,
    errors: [400],
  },
  {
    path: "/api/v1/disputes",
    summary: "Disputes, oldest first (outcome=open is the arbiters' queue)",
    query: q.disputesQuery,
    answer: answer.disputeList,
    errors: [400],
  },
  {
    path: "/api/v1/activity",
    summary: "Recent protocol events, newest first",
    query: q.activityQuery,
    answer: answer.activity,
    errors: [400],
  },
  {
    path: "/api/v1/verifiers",
    summary: "Accredited verifiers and their records",
    answer: answer.verifiers,
    errors: [],
  },
  { path: "/api/v1/stats", summary: "Protocol-wide totals", answer: answer.stats, errors: [] },
  {
    path: "/api/v1/badge/{id}.svg",
    summary: "A model's carbon grade badge for a README (404: a grey 'unknown model' badge)",
    params: q.pathParams.badge,
    query: q.badgeQuery,
    answer: "image/svg+xml",
    errors: [400],
  },
  {
    path: "/api/v1/compare",
    summary: "Two to four models side by side",
    query: q.compareQuery,
    answer: answer.comparison,
    errors: [400, 404],
  },
];

const matchers = ROUTES.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/\./g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));

/** The route a request path belongs to (e.g. /api/v1/models/3 → /api/v1/models/{id}), or undefined. */
export function routeOf(pathname: string): Route | undefined {
  return matchers.find((m) => m.pattern.test(pathname))?.route;
}
