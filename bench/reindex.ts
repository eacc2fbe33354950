// Re-index without downtime: a router in front of version A of the index; version B backfills the same chain
// beside it while a request goes through the router every 100 ms. Counts failed answers and answers from a
// half-built index, and when the router switched.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type Chain, type Deployed, freePort, getJson, stop, until, waitExit } from "../test/indexer/helpers";
import { probe, startRouter, startVersion } from "../test/indexer/redeploy";
import { ponderBackfillSeconds, size } from "./indexing";
import { log, percentile } from "./timing";

export async function measureReindex(opts: {
  chain: Chain;
  deployed: Deployed;
  databaseUrl: string;
  dir: string;
  /** What a complete index answers (models and attestations at the chain head). */
  expected: { models: number; attestations: number };
}) {
  const { chain, deployed, dir } = opts;
  const redeployHead = await chain.client.getBlockNumber();
  // What a complete index answers at this head.
  const complete = {
    block: Number(redeployHead),
    models: opts.expected.models,
    attestations: opts.expected.attestations,
  };
  const redeployUrl = opts.databaseUrl;
  const router = startRouter({
    port: await freePort(),
    databaseUrl: redeployUrl,
    log: path.join(dir, "router.log"),
  });
  const versionOpts = { databaseUrl: redeployUrl, chain, deployed };
  const a = startVersion({
    ...versionOpts,
    version: "a",
    port: await freePort(),
    log: path.join(dir, "a.log"),
  });
  await until(
    "version a live and complete",
    120_000,
    async () => {
      const { status, body } = await getJson<{ sync?: { block: { number: number } } }>(
        `${router.url}/api/v1/stats`,
      );
      return status === 200 && (body.sync?.block.number ?? 0) >= complete.block;
    },
    () => [size(a.log), size(router.log)],
  );
  const traffic = probe(router.url, complete);
  const r0 = performance.now();
  const b = startVersion({
    ...versionOpts,
    version: "b",
    port: await freePort(),
    log: path.join(dir, "b.log"),
  });
  let switchedAfter = 0;
  await until(
    "the router to answer from version b",
    120_000,
    async () => {
      const switched = traffic.result.ok.some((x) => x.schema?.endsWith("_b"));
      if (switched && !switchedAfter) switchedAfter = (performance.now() - r0) / 1000;
      return switched;
    },
    () => [size(b.log), traffic.result.sent],
  );
  await waitExit(a.child);
  const sentAtExit = traffic.result.sent;
  await until(
    "10 more requests",
    10_000,
    async () => traffic.result.sent >= sentAtExit + 10,
    () => traffic.result.sent,
  );
  const redeployResult = await traffic.stop();
  const reindex = {
    requests: redeployResult.sent,
    ok: redeployResult.ok.length,
    byA: redeployResult.ok.filter((x) => x.schema?.endsWith("_a")).length,
    byB: redeployResult.ok.filter((x) => x.schema?.endsWith("_b")).length,
    failed: redeployResult.failed.length,
    halfBuilt: redeployResult.halfBuilt.length,
    failures: redeployResult.failed.slice(0, 5),
    halfBuiltSamples: redeployResult.halfBuilt.slice(0, 5),
    switchedAfterSeconds: switchedAfter,
    backfillSecondsOfB: ponderBackfillSeconds(b.log),
    p95Ms: percentile(
      [...redeployResult.latencyMs].sort((x, y) => x - y),
      95,
    ),
  };
  log(
    `re-index: ${reindex.requests} requests, ${reindex.failed} failed, ${reindex.halfBuilt} half-built; switched after ${switchedAfter.toFixed(1)} s`,
  );
  stop(b.child, "SIGTERM");
  stop(router.child, "SIGTERM");
  await waitExit(b.child);
  return reindex;
}
