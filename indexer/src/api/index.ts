// Public, versioned JSON API (served by Ponder on its port; the web app rewrites /api/v1/* here).
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { and, desc, graphql, inArray, or } from "ponder";
import { openApiDocument } from "../../../lib/api/openapi";
import { ROUTES } from "../../../lib/api/routes";
import { SORT_COLUMNS } from "../../../lib/api/vocabulary";
import type { IndexStatus } from "../../../lib/indexer/client";
import { compareApp } from "./compare";
import { v1Json } from "./envelope";
import explorer from "./explorer";
import { emissionsOf, rowJson } from "./leaderboard";
import leaderboardRoutes from "./leaderboardRoutes";
import modelRoutes from "./modelRoutes";
import overlapRoutes from "./overlapRoutes";
import queueRoutes from "./queueRoutes";
import statsRoutes from "./statsRoutes";
import { chainCheck, isReady, syncStatus } from "./sync";

const app = new Hono();

// GraphQL for ad-hoc exploration (ponder's generated schema), not part of the versioned API.
app.use("/graphql", graphql({ db, schema }));

// The API's description (lib/api/openapi.ts), built once: registered before the chain check, as
// it does not depend on the chain.
let openApiJson: string | undefined;
app.get("/api/v1/openapi.json", (c) => {
  openApiJson ??= JSON.stringify(openApiDocument());
  return c.body(openApiJson, 200, { "Content-Type": "application/json", "Cache-Control": "max-age=300" });
});

// Every v1 response says how far the index has synced; a replaced chain is refused with 503.
app.use("/api/v1/*", async (c, next) => {
  const check = await chainCheck();
  if (!check.ok) {
    return c.json({ error: { code: check.code, message: check.message } }, 503, {
      "Cache-Control": "no-store",
    });
  }
  c.set("warning" as never, ("warning" in check ? check.warning : undefined) as never);
  await next();
  c.header("Cache-Control", "no-store");
});

app.get("/api/v1", (c) =>
  c.json({
    apiVersion: "v1",
    // The route table the OpenAPI document is built from, and that document itself.
    endpoints: [...ROUTES.map((r) => `GET ${r.path}`), "GET /api/v1/openapi.json"],
    sortColumns: SORT_COLUMNS,
  }),
);

app.get("/api/v1/status", async (c) => {
  // Straight from Ponder's checkpoint (cheap): no snapshot refresh.
  const [sync, ready] = await Promise.all([syncStatus(), isReady()]);
  return v1Json<IndexStatus>(c, sync, { ready });
});

// The routes, one file per area (registered after the chain check above, which they all pass).
app.route("/", leaderboardRoutes);
app.route("/", modelRoutes);
app.route("/", queueRoutes);
app.route("/", overlapRoutes);
app.route("/", statsRoutes);
// One attestation and one address (the explorer pages), in a file of their own.
app.route("/", explorer);
app.route("/", compareApp);

app.notFound((c) =>
  c.json(
    { error: { code: "not_found", message: `No route ${c.req.method} ${new URL(c.req.url).pathname}` } },
    404,
  ),
);

export default app;
void [and, desc, inArray, or, emissionsOf, rowJson];
