// The public entry of the indexer API when redeploys must not take it down (PostgreSQL): listens on
// ROUTER_PORT and forwards every request to the indexer version recorded as live for CHAIN_ID in
// greenprint_indexer.live (indexer/scripts/live.ts). A version records itself there only once its
// backfill is complete, so the router never forwards to a half-built index; it re-reads the record
// every ROUTER_POLL_MS and, before switching, checks the new version's /ready itself. A request
// whose connection fails (the old version just stopped) is retried against the record re-read, so
// a switch fails no request. Answers carry `x-greenprint-schema`: the schema that answered.
//
//   ROUTER_PORT=42069 DATABASE_URL=postgresql://… CHAIN_ID=31337 npx tsx indexer/scripts/router.ts
import http from "node:http";
import { chainId } from "../src/lib/settings";
import { ensureLiveTable, type LiveVersion, livePool, readLive } from "./live";

const port = Number(process.env.ROUTER_PORT ?? 42069);
const pollMs = Number(process.env.ROUTER_POLL_MS ?? 200);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("the router needs DATABASE_URL (the live registry is in PostgreSQL)");
const id = chainId();
const pool = livePool(databaseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const log = (message: string) => console.log(`[router] ${message}`);

let target: LiveVersion | null = null;

async function isReady(candidate: LiveVersion): Promise<boolean> {
  return fetch(`${candidate.url}/ready`, { signal: AbortSignal.timeout(5000) })
    .then((r) => r.status === 200)
    .catch(() => false);
}

/** Re-reads the live record; switches only to a version that answers /ready. */
async function refresh() {
  const live = await readLive(pool, id);
  if (!live || (target && live.schema === target.schema && live.url === target.url)) return;
  if (!(await isReady(live))) return;
  log(`forwarding to version ${live.version} (schema ${live.schema}) at ${live.url}`);
  target = live;
}

let refreshing: Promise<void> | null = null;
function refreshOnce(): Promise<void> {
  refreshing ??= refresh()
    .catch((error: unknown) => log(`cannot read the live record: ${(error as Error).message}`))
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

const RETRY_MS = 100;
const RETRY_FOR_MS = 10_000;

function answer(res: http.ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { code, message } }));
}

function forward(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, firstTry: number) {
  const to = target;
  if (!to) {
    answer(res, 503, "no_index", "No indexer version is live yet: the first backfill is running.");
    return;
  }
  const url = new URL(req.url ?? "/", to.url);
  const upstream = http.request(
    url,
    { method: req.method, headers: { ...req.headers, host: url.host }, agent },
    (up) => {
      res.writeHead(up.statusCode ?? 502, { ...up.headers, "x-greenprint-schema": to.schema });
      up.pipe(res);
    },
  );
  upstream.on("error", async (error) => {
    if (res.headersSent) {
      res.destroy(error);
      return;
    }
    // Nothing reached the client yet: the version stopped or is stopping. Read the record again
    // and retry (the API is read-only, so a retry is safe), for a while.
    if (Date.now() - firstTry < RETRY_FOR_MS) {
      await refreshOnce();
      await new Promise((r) => setTimeout(r, target === to ? RETRY_MS : 0));
      forward(req, res, body, firstTry);
      return;
    }
    answer(
      res,
      502,
      "indexer_unreachable",
      `The live indexer at ${to.url} does not answer: ${error.message}`,
    );
  });
  upstream.end(body);
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => forward(req, res, Buffer.concat(chunks), Date.now()));
});

async function main() {
  await ensureLiveTable(pool);
  await refreshOnce();
  setInterval(() => void refreshOnce(), pollMs).unref();
  server.listen(port, () =>
    log(`listening on port ${port} for chain ${id}${target ? "" : " (no live version yet)"}`),
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      agent.destroy();
      void pool.end().finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(`[router] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
