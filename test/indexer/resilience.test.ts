// Resilience: SIGKILL mid-sync then restart ends with exactly the chain's truth; a restarted anvil
// (same chain id, new history) is detected and answered with a clear message, never stale data.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { openSync, statSync } from "node:fs";
import path from "node:path";
import { after, describe, it } from "node:test";
import { deploySeeder, seed } from "../../bench/seeder";
import { CHECK_TTL_MS } from "../../indexer/src/api/chainCheckTtl";
import {
  assertIndexMatchesChain,
  deploy,
  fatal,
  freePort,
  getJson,
  type Json,
  killAll,
  protocol,
  REPO,
  scaled,
  startAnvil,
  started,
  startIndexer,
  stop,
  tempDir,
  until,
  waitExit,
  waitForSync,
} from "./helpers";

after(() => killAll());

describe("resilience", { timeout: scaled(600_000) }, () => {
  it("SIGKILL mid-sync, restart: exactly the chain's truth", async () => {
    const dir = tempDir("kill");
    const chain = await startAnvil(await freePort(), ["--gas-limit", "1000000000"]);
    const deployed = deploy(chain, dir);
    const target = {
      rpcUrl: chain.rpcUrl,
      client: chain.client,
      modelRegistry: deployed.addresses.ModelRegistry,
      attestationRegistry: deployed.addresses.AttestationRegistry,
    };
    const seeder = await deploySeeder(target);
    await seed(target, seeder, { models: 300, perModel: 5, verifyShare: 0.8 });
    // Empty blocks: the seeded ones fall behind the finality depth (30), so they are backfilled.
    await chain.client.request({ method: "anvil_mine" as never, params: ["0x28"] as never });
    const head = await chain.client.getBlockNumber();
    const logFile = path.join(dir, "ponder.log");
    const opts = {
      port: await freePort(),
      chain,
      deployed,
      schema: "kill",
      pgliteDir: path.join(dir, "pglite"),
      logFile,
    };

    let indexer = startIndexer(opts);
    // Kill as soon as the index has made progress but has not reached the head: the API answers
    // from the first flushed checkpoint on, well before the backfill of these blocks ends.
    const seen = await until(
      "indexing progress",
      60_000,
      async () => {
        const { status, body } = await getJson<Json>(`${indexer.url}/api/v1/status`);
        return status === 200 ? (body.sync.block.number as number) + 1 : null;
      },
      () => statSync(logFile).size,
    );
    stop(indexer.child, "SIGKILL");
    await waitExit(indexer.child);
    console.log(`# killed during the backfill (API answered from block ${seen - 1}); chain head ${head}`);
    assert.ok(seen - 1 < head, "the indexer was killed after the backfill, not during it");

    // The chain moves on while the indexer is down, with more state transitions.
    await seed(target, seeder, { models: 50, perModel: 6, salt: 99n, verifyShare: 1 });
    const p = protocol(chain, deployed);
    await p.accredit();
    const m = await p.register({ parameterCount: 1_000_000n });
    const a = await p.submit({ modelId: m });
    await p.verify(a.id);
    await p.dispute(a.id);
    await p.dismiss(a.id);

    indexer = startIndexer(opts);
    await waitForSync(indexer, await chain.client.getBlockNumber());
    const result = await assertIndexMatchesChain(indexer, chain, deployed);
    assert.equal(result.attestations, 1500 + 300 + 1);
    const stats = (await getJson<Json>(`${indexer.url}/api/v1/stats`)).body.stats;
    assert.equal(stats.models, 351);
    assert.equal(stats.attestations, 1801);
    stop(indexer.child, "SIGTERM");
    stop(chain.child, "SIGKILL");
  });

  it("a restarted anvil (new chain, same id) is refused with a clear message, then followed", async () => {
    const dir = tempDir("newchain");
    const port = await freePort();
    let chain = await startAnvil(port);
    let deployed = deploy(chain, dir);
    let p = protocol(chain, deployed);
    await p.accredit();
    for (let i = 0; i < 3; i++) await p.register({ parameterCount: 1000n });
    const a = await p.submit({ modelId: 1n });
    await p.verify(a.id);

    const logFile = path.join(dir, "start.log");
    const out = openSync(logFile, "a");
    const indexerPort = await freePort();
    // npm run dev passes the app's PORT to everything it starts; Ponder prefers PORT over --port,
    // so a wrapper passing it through would listen there instead of INDEXER_PORT (issue 11).
    const appPort = await freePort();
    const startWrapper = (follow: boolean) => {
      const child = spawn(path.join(REPO, "node_modules", ".bin", "tsx"), ["indexer/scripts/start.ts"], {
        cwd: REPO,
        detached: true,
        stdio: ["ignore", out, out],
        env: {
          ...process.env,
          PORT: String(appPort),
          INDEXER_PORT: String(indexerPort),
          RPC_URL: chain.rpcUrl,
          CHAIN_ID: "31337",
          DEPLOYMENTS_DIR: deployed.deploymentsDir,
          PGLITE_BASE_DIR: path.join(dir, "pglite"),
          EVIDENCE_DIR: path.join(dir, "evidence"),
          FOLLOW_CHAIN: follow ? "1" : "0",
          INDEXER_LOG_FORMAT: "json",
          METADATA_FETCH: "0",
        },
      });
      started.push(child);
      return { url: `http://127.0.0.1:${indexerPort}`, child, log: logFile };
    };
    let indexer = startWrapper(false);
    await waitForSync(indexer, await chain.client.getBlockNumber());
    assert.equal((await getJson<Json>(`${indexer.url}/api/v1/stats`)).body.stats.models, 3);
    await assert.rejects(
      fetch(`http://127.0.0.1:${appPort}/api/v1/status`),
      "the indexer took the app's PORT",
    );

    // Replace the chain: same port, same chain id, same deployer, so the same contract addresses.
    stop(chain.child, "SIGKILL");
    await waitExit(chain.child);
    chain = await startAnvil(port);
    deployed = deploy(chain, dir);
    p = protocol(chain, deployed);
    await p.accredit();
    await p.register({ parameterCount: 5n });

    // The running indexer (not following) must refuse with a clear message, never serve the old data.
    // An answer may rest on a chain check up to CHECK_TTL_MS old (the last one was made on the old
    // chain by the stats request above): past that, the very first answer must be the refusal.
    await new Promise((r) => setTimeout(r, CHECK_TTL_MS + 50));
    const refusal = await until(
      "503 chain_replaced",
      30_000,
      async () => {
        const { status, body } = await getJson<Json>(`${indexer.url}/api/v1/leaderboard`);
        if (status === 200) {
          throw fatal(`stale data of the replaced chain served: ${JSON.stringify(body).slice(0, 300)}`);
        }
        return status === 503 ? body : null;
      },
      () => statSync(logFile).size,
    );
    assert.equal(refusal.error.code, "chain_replaced");
    assert.match(refusal.error.message, /no longer contains block \d+/);
    console.log(`# ${refusal.error.message}`);
    stop(indexer.child, "SIGTERM");
    await waitExit(indexer.child);

    // Started again, the wrapper sees a new chain identity and indexes it from scratch.
    indexer = startWrapper(true);
    await waitForSync(indexer, await chain.client.getBlockNumber());
    assert.equal((await getJson<Json>(`${indexer.url}/api/v1/stats`)).body.stats.models, 1);
    stop(indexer.child, "SIGTERM");
    await waitExit(indexer.child);
  });
});
