// Zero-downtime redeploy (PostgreSQL): version v1 answers through the router; v2 starts, backfills
// into its own schema while v1 keeps answering, records itself live when ready, the router switches,
// v1 retires by itself. A request every 100 ms throughout: none fails, none sees a half-built index.
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { deploySeeder, seed } from "../../bench/seeder";
import {
  deploy,
  fatal,
  freePort,
  getJson,
  killAll,
  scaled,
  startAnvil,
  stop,
  tempDir,
  until,
  waitExit,
} from "./helpers";
import { type Postgres, postgresMissing, startPostgres } from "./pg";
import { probe, startRouter, startVersion } from "./redeploy";

const size = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

describe("redeploy without downtime (PostgreSQL)", {
  timeout: scaled(600_000),
  skip: postgresMissing,
}, () => {
  let pg: Postgres | null = null;
  after(() => {
    killAll();
    pg?.stop();
  });

  it("the old version answers while the new one backfills, then the router switches: 0 failed", async () => {
    const dir = tempDir("redeploy");
    pg = await startPostgres(dir);
    const chain = await startAnvil(await freePort(), ["--gas-limit", "1000000000"]);
    const deployed = deploy(chain, dir);
    const target = {
      rpcUrl: chain.rpcUrl,
      client: chain.client,
      modelRegistry: deployed.addresses.ModelRegistry,
      attestationRegistry: deployed.addresses.AttestationRegistry,
    };
    const seeded = await seed(target, await deploySeeder(target), {
      models: 400,
      perModel: 5,
      verifyShare: 0.8,
    });
    await chain.client.request({ method: "anvil_mine" as never, params: ["0x28"] as never });
    const complete = {
      block: Number(await chain.client.getBlockNumber()),
      models: seeded.models,
      attestations: seeded.attestations,
    };

    const router = startRouter({
      port: await freePort(),
      databaseUrl: pg.url,
      log: path.join(dir, "router.log"),
    });
    const common = { databaseUrl: pg.url, chain, deployed };
    const v1 = startVersion({
      ...common,
      version: "v1",
      port: await freePort(),
      log: path.join(dir, "v1.log"),
    });
    // Before any version is live the router says so (503), it never forwards to a backfill.
    const first = await until(
      "v1 live behind the router",
      60_000,
      async () => {
        const response = await fetch(`${router.url}/api/v1/stats`);
        const body = (await response.json()) as { sync?: { block: { number: number } } };
        if (response.status !== 200 && response.status !== 503)
          throw fatal(`router answered ${response.status}`);
        // v1 complete: caught up with the head (the probe counts an older block as half-built).
        return response.status === 200 && body.sync && body.sync.block.number >= complete.block
          ? response.headers.get("x-greenprint-schema")
          : null;
      },
      () => [size(v1.log), size(router.log)],
    );
    assert.match(first, /^gp_31337_[0-9a-f]{8}_[0-9a-f]{8}_v1$/);

    const traffic = probe(router.url, complete);
    const v2 = startVersion({
      ...common,
      version: "v2",
      port: await freePort(),
      log: path.join(dir, "v2.log"),
    });
    const v2Started = Date.now();
    // While v2 backfills (its own /ready says 503), the router must keep answering from v1.
    let lastNotReady = 0;
    const v2Schema = first.replace(/_v1$/, "_v2");
    await until(
      "the router to answer from v2",
      60_000,
      async () => {
        const ready = await fetch(`${v2.url}/ready`)
          .then((r) => r.status)
          .catch(() => 0);
        if (ready === 503) lastNotReady = Date.now();
        return traffic.result.ok.some((a) => a.schema === v2Schema);
      },
      () => [size(v2.log), traffic.result.sent],
    );
    // v1 sees it was replaced and stops by itself, with a normal exit.
    await waitExit(v1.child);
    assert.equal(v1.child.exitCode, 0, `v1 exited with ${v1.child.exitCode ?? v1.child.signalCode}`);
    // A few more requests after v1 is gone: all answered by v2.
    const sentAtExit = traffic.result.sent;
    await until(
      "10 requests after v1 stopped",
      10_000,
      async () => traffic.result.sent >= sentAtExit + 10,
      () => traffic.result.sent,
    );
    const result = await traffic.stop();

    const byV1DuringBackfill = result.ok.filter(
      (a) => a.schema === first && a.at > v2Started && a.at <= lastNotReady,
    );
    console.log(
      `# ${result.sent} requests: ${result.ok.length} ok (${result.ok.filter((a) => a.schema === first).length} by v1, ${result.ok.filter((a) => a.schema === v2Schema).length} by v2), ${result.failed.length} failed, ${result.halfBuilt.length} half-built; ${byV1DuringBackfill.length} answered by v1 while v2 was backfilling`,
    );
    assert.deepEqual(result.failed, []);
    assert.deepEqual(result.halfBuilt, []);
    assert.ok(lastNotReady > 0, "v2 was never seen backfilling (not ready)");
    assert.ok(byV1DuringBackfill.length > 0, "v1 did not answer while v2 was backfilling");
    // No answer from v1 after v2's: the switch is one-way.
    const firstV2 = Math.min(...result.ok.filter((a) => a.schema === v2Schema).map((a) => a.at));
    assert.equal(result.ok.filter((a) => a.schema === first && a.at > firstV2 + 1000).length, 0);
    // SQL readers of the views schema were switched too, and v2's own API is complete.
    assert.match(
      pg.psql("select definition from pg_views where schemaname = 'greenprint_31337' and viewname = 'model'"),
      new RegExp(v2Schema),
    );
    const direct = await getJson<{ stats: { models: number } }>(`${v2.url}/api/v1/stats`);
    assert.equal(direct.body.stats.models, complete.models);
    stop(v2.child, "SIGTERM");
    stop(router.child, "SIGTERM");
    await waitExit(v2.child);
  });
});

if (postgresMissing) console.log(`# skipping the redeploy test: ${postgresMissing}`);
